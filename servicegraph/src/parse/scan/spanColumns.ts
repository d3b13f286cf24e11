/**
 * Spans as columns, for large dumps: the scanners write each span's derivation fields into typed arrays
 * instead of building a Span object, span ids are kept as two 32-bit halves instead of strings, and trace ids
 * and service names are interned. A 60 MB dump then leaves a few typed arrays for the garbage collector
 * instead of hundreds of thousands of objects and strings, all alive until pairing ends (the collector was
 * copying them over and over: ~15% of derivation time). span() builds a Span on demand, identical to the one
 * the scanner used to build, so pairing reuses the object rules unchanged.
 */
import type { AttributeValue, Span, SpanKind } from '../../types';
import { hexHalf, hexId } from './idText';
import { TraceIdTable } from './traceIdTable';

/** Span kinds by column code (OTLP numbering). */
export const KIND_CODES: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
export const KIND_CODE = Object.fromEntries(KIND_CODES.map((kind, code) => [kind, code])) as Readonly<
  Record<SpanKind, number>
>;

/** Shared by spans without derivation attributes; never mutated. */
export const NO_ATTRIBUTES: Record<string, AttributeValue> = Object.freeze({}) as Record<string, AttributeValue>;

const FOLLOWS_FROM = 1;
const ERROR = 2;
const SPAN_ID_TEXT = 4;
const PARENT_ID_TEXT = 8;
/** The Jaeger `span.kind` tag was exactly the kind's name and is not in the attributes object. */
const KIND_TAG = 16;

/**
 * One span's fields as a scanner collects them (one object, reused for every span). A span id is in
 * spanHi/spanLo (16 lowercase hex digits) when spanText is undefined, else spanText is the id; likewise the
 * parent ('' for none). `kindTag` says that a Jaeger `span.kind` tag equal to the kind's name was left out
 * of `attributes` (the Span gets it back): every Jaeger span has one, and most have no other wanted tag.
 */
export class SpanDraft {
  trace = -1;
  spanHi = 0;
  spanLo = 0;
  spanText: string | undefined = undefined;
  parentHi = 0;
  parentLo = 0;
  parentText: string | undefined = '';
  followsFrom = false;
  service = 0;
  kind = 0;
  kindTag = false;
  startMs = 0;
  durationMs = 0;
  error = false;
  attributes: Record<string, AttributeValue> = NO_ATTRIBUTES;
}

/** `{'span.kind': kind}` per kind code, shared by the spans whose only wanted tag is their kind. */
const KIND_TAG_ATTRIBUTES = KIND_CODES.map(
  (kind) => Object.freeze({ 'span.kind': kind }) as Record<string, AttributeValue>
);

/** Int32 fields per span in SpanColumns.ints; one span's fields share a cache line (pairing visits spans by trace). */
const INTS = 8;
const TRACE = 0;
const SERVICE = 1;
const SPAN_HI = 2;
const SPAN_LO = 3;
const PARENT_HI = 4;
const PARENT_LO = 5;
/** flags | kind << 8 */
const FLAGS_KIND = 6;
/** Index into attributeList + 1 (0: none). */
const ATTRIBUTES = 7;

export class SpanColumns {
  count = 0;
  private capacity = 0;
  private ints = new Int32Array(0);
  /** startMs, durationMs per span. */
  private times = new Float64Array(0);
  private attributeList: Array<Record<string, AttributeValue>> = [];
  /** Ids that are not 16 hex digits, by 2 × span index (+ 1 for the parent); rare. */
  private idTexts = new Map<number, string>();

  /** Trace ids by code. */
  private readonly traces = new TraceIdTable();
  readonly services: string[] = [];
  private readonly serviceIndex = new Map<string, number>();

  /** Trace ids by code (codes are given in order of first appearance). */
  get traceIds(): readonly string[] {
    return this.traces.ids;
  }

  /** The code of a trace id. */
  internTrace(traceId: string): number {
    return this.traces.intern(traceId);
  }

  /** The code of the trace id text[start, end), made a string only when it is new. */
  internTraceIn(text: string, start: number, end: number): number {
    return this.traces.internIn(text, start, end);
  }

  /** The code of the trace id text[start, end) if it is known, else -1. */
  findTraceIn(text: string, start: number, end: number): number {
    return this.traces.findIn(text, start, end);
  }

  internService(service: string): number {
    let code = this.serviceIndex.get(service);
    if (code === undefined) {
      code = this.services.length;
      this.services.push(service);
      this.serviceIndex.set(service, code);
    }
    return code;
  }

  push(draft: SpanDraft): void {
    const i = this.count;
    if (i === this.capacity) {
      this.grow();
    }
    const ints = this.ints;
    const at = i * INTS;
    ints[at + TRACE] = draft.trace;
    ints[at + SERVICE] = draft.service;
    let flags = (draft.followsFrom ? FOLLOWS_FROM : 0) | (draft.error ? ERROR : 0) | (draft.kindTag ? KIND_TAG : 0);
    if (draft.spanText === undefined) {
      ints[at + SPAN_HI] = draft.spanHi;
      ints[at + SPAN_LO] = draft.spanLo;
    } else {
      flags |= SPAN_ID_TEXT;
      this.idTexts.set(2 * i, draft.spanText);
    }
    if (draft.parentText === undefined) {
      ints[at + PARENT_HI] = draft.parentHi;
      ints[at + PARENT_LO] = draft.parentLo;
    } else {
      // '' (no parent) is a text id with no entry.
      flags |= PARENT_ID_TEXT;
      if (draft.parentText !== '') {
        this.idTexts.set(2 * i + 1, draft.parentText);
      }
    }
    ints[at + FLAGS_KIND] = flags | (draft.kind << 8);
    if (draft.attributes !== NO_ATTRIBUTES) {
      this.attributeList.push(draft.attributes);
      ints[at + ATTRIBUTES] = this.attributeList.length;
    } else {
      ints[at + ATTRIBUTES] = 0;
    }
    this.times[2 * i] = draft.startMs;
    this.times[2 * i + 1] = draft.durationMs;
    this.count = i + 1;
  }

  /** Adds a span built by a full parser (or any other source). */
  pushSpan(span: Span): void {
    const draft = spanDraft;
    draft.trace = this.internTrace(span.traceId);
    draft.service = this.internService(span.service);
    setSpanId(draft, span.spanId);
    setParentId(draft, span.parentSpanId);
    draft.followsFrom = span.followsFrom;
    draft.kind = KIND_CODE[span.kind];
    draft.kindTag = false;
    draft.startMs = span.startMs;
    draft.durationMs = span.durationMs;
    draft.error = span.error;
    draft.attributes = span.attributes;
    this.push(draft);
  }

  setTrace(i: number, trace: number): void {
    this.ints[i * INTS + TRACE] = trace;
  }

  traceOf(i: number): number {
    return this.ints[i * INTS + TRACE];
  }

  kindOf(i: number): SpanKind {
    return KIND_CODES[this.ints[i * INTS + FLAGS_KIND] >> 8];
  }

  setService(i: number, service: number): void {
    this.ints[i * INTS + SERVICE] = service;
  }

  /** Empties the store for another dump, keeping its arrays (a long-lived caller reuses one store). */
  clear(): void {
    this.truncate(0);
    this.attributeList.length = 0;
    this.idTexts.clear();
    this.traces.clear();
    this.services.length = 0;
    this.serviceIndex.clear();
  }

  /** Drops the spans from `count` on (a scan that fell back to the full parser). */
  truncate(count: number): void {
    for (let i = count; i < this.count; i++) {
      this.idTexts.delete(2 * i);
      this.idTexts.delete(2 * i + 1);
      // Attribute entries are pushed in span order: the first one of a dropped span starts the dropped ones.
      const ref = this.ints[i * INTS + ATTRIBUTES];
      if (ref !== 0 && this.attributeList.length >= ref) {
        this.attributeList.length = ref - 1;
      }
    }
    this.count = Math.min(count, this.count);
  }

  /** Span i as an object with the fields derivation reads (name '' and no resource, as the scanners give). */
  span(i: number): Span {
    const ints = this.ints;
    const at = i * INTS;
    const flagsKind = ints[at + FLAGS_KIND];
    const kind = KIND_CODES[flagsKind >> 8];
    const ref = ints[at + ATTRIBUTES];
    let attributes = ref === 0 ? NO_ATTRIBUTES : this.attributeList[ref - 1];
    if ((flagsKind & KIND_TAG) !== 0) {
      attributes = ref === 0 ? KIND_TAG_ATTRIBUTES[flagsKind >> 8] : { ...attributes, 'span.kind': kind };
    }
    return {
      traceId: this.traces.ids[ints[at + TRACE]],
      spanId: (flagsKind & SPAN_ID_TEXT) === 0 ? hexId(ints[at + SPAN_HI], ints[at + SPAN_LO]) : this.idText(2 * i),
      parentSpanId:
        (flagsKind & PARENT_ID_TEXT) === 0 ? hexId(ints[at + PARENT_HI], ints[at + PARENT_LO]) : this.idText(2 * i + 1),
      followsFrom: (flagsKind & FOLLOWS_FROM) !== 0,
      service: this.services[ints[at + SERVICE]],
      name: '',
      kind,
      startMs: this.times[2 * i],
      durationMs: this.times[2 * i + 1],
      error: (flagsKind & ERROR) !== 0,
      attributes,
    };
  }

  /** Every span as an object, in input order. */
  toSpans(): Span[] {
    const spans: Span[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) {
      spans[i] = this.span(i);
    }
    return spans;
  }

  private idText(key: number): string {
    return this.idTexts.get(key) ?? '';
  }

  private grow(): void {
    const capacity = Math.max(4096, this.capacity * 2);
    this.ints = grown(this.ints, capacity * INTS);
    this.times = grown(this.times, capacity * 2);
    this.capacity = capacity;
  }
}

const spanDraft = new SpanDraft();

/** Puts a span id string into the draft: 16 lowercase hex digits as two halves, anything else as text. */
export function setSpanId(draft: SpanDraft, id: string): void {
  if (splitHexId(id)) {
    draft.spanHi = split.hi;
    draft.spanLo = split.lo;
    draft.spanText = undefined;
  } else {
    draft.spanText = id;
  }
}

/** Like setSpanId, for the parent ('' for none). */
export function setParentId(draft: SpanDraft, id: string): void {
  if (splitHexId(id)) {
    draft.parentHi = split.hi;
    draft.parentLo = split.lo;
    draft.parentText = undefined;
  } else {
    draft.parentText = id;
  }
}

const split = { hi: 0, lo: 0 };

function splitHexId(id: string): boolean {
  if (id.length !== 16) {
    return false;
  }
  const hi = hexHalf(id, 0);
  const lo = hexHalf(id, 8);
  if (hi === undefined || lo === undefined) {
    return false;
  }
  split.hi = hi;
  split.lo = lo;
  return true;
}

/** A copy of `array` with room for `capacity` elements. */
function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, capacity: number): T {
  const copy = new (array.constructor as new (length: number) => T)(capacity);
  copy.set(array);
  return copy;
}
