/**
 * Trace ids interned to small codes, in order of first appearance. An OTLP dump groups spans by service, so
 * nearly every span names another trace than the one before: ids are looked up where they stand in the text
 * (hash and compare in place), and a string is made only for a new trace.
 */
import { copyOf } from './idText';

export class TraceIdTable {
  /** Trace ids by code. */
  readonly ids: string[] = [];
  /** Open addressing over id hashes: code + 1 per slot (0: empty). */
  private slots = new Int32Array(1024);
  private lastId: string | undefined;
  private lastCode = -1;

  /** The code of an id (consecutive spans of one trace pass the same string: no lookup). */
  intern(id: string): number {
    if (id === this.lastId) {
      return this.lastCode;
    }
    const code = this.internIn(id, 0, id.length);
    this.lastId = id;
    this.lastCode = code;
    return code;
  }

  /** The code of the id text[start, end), made a string only when it is new. */
  internIn(text: string, start: number, end: number): number {
    const known = this.findIn(text, start, end);
    if (known >= 0) {
      return known;
    }
    const code = this.ids.length;
    this.ids.push(start === 0 && end === text.length ? text : copyOf(text, start, end));
    if (2 * this.ids.length > this.slots.length) {
      this.rehash();
    } else {
      this.place(code);
    }
    return code;
  }

  /** The code of the id text[start, end) if it is known, else -1. */
  findIn(text: string, start: number, end: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = hashRange(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) {
        return -1;
      }
      const known = this.ids[entry - 1];
      if (known.length === end - start && sameRange(known, text, start)) {
        return entry - 1;
      }
    }
  }

  clear(): void {
    this.ids.length = 0;
    this.slots.fill(0);
    this.lastId = undefined;
    this.lastCode = -1;
  }

  private place(code: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    const id = this.ids[code];
    let slot = hashRange(id, 0, id.length) & mask;
    while (slots[slot] !== 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = code + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let code = 0; code < this.ids.length; code++) {
      this.place(code);
    }
  }
}

/**
 * FNV-1a over the last 16 characters of text[start, end): half the work for a 32-digit trace id, and the
 * random part of ids that are padded on the left (64-bit Jaeger ids). Whole ids are compared, so ids that
 * share their tail only cost a longer probe.
 */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = Math.max(start, end - 16); i < end; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** Whether `known` stands in `text` at `start`. */
function sameRange(known: string, text: string, start: number): boolean {
  for (let i = 0; i < known.length; i++) {
    if (known.charCodeAt(i) !== text.charCodeAt(start + i)) {
      return false;
    }
  }
  return true;
}
