/**
 * The fast path (text scanned into SpanColumns, paired per trace) must give exactly the observations of the
 * object path (full parser → Span[] → spansToObservations): every field, messaging lag included.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { EdgeObservation, Span } from '../types';
import { parseTraceText } from '../parse/parseTraces';
import { scanTraceColumns } from '../parse/scan/scanTraceText';
import { SpanColumns } from '../parse/scan/spanColumns';
import { toJaegerJson } from '../encode/jaegerJsonEncoder';
import { toOtlpJson } from '../encode/otlpJsonEncoder';
import { generateSyntheticSpans } from '../../testdata/syntheticTraces';
import { columnsToObservations, spansToObservations } from './spansToObservations';

const TESTDATA = join(__dirname, '../../testdata');
/** The one recorded trace with a PRODUCER → CONSUMER pair. */
const MESSAGING_FIXTURE = join(TESTDATA, 'jaeger', 'jaeger-ui-tracegraph-testTrace.json');

/** Observations as sorted canonical strings: the same multiset whatever the order. */
function canonical(observations: EdgeObservation[]): string[] {
  return observations
    .map((o) => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    .sort();
}

function fastObservations(texts: string[]): EdgeObservation[] {
  const columns = new SpanColumns();
  texts.forEach((text, i) => scanTraceColumns(text, `file${i}.json`, columns));
  return columnsToObservations(columns);
}

function objectObservations(texts: string[]): EdgeObservation[] {
  return spansToObservations(texts.flatMap((text, i) => parseTraceText(text, `file${i}.json`).spans));
}

/** `base64` only for hex ids (some recorded ids are not hex). */
function encodings(spans: Span[], base64 = true): Array<[string, string]> {
  return [
    ['jaeger', JSON.stringify(toJaegerJson(spans))],
    ['otlp hex', JSON.stringify(toOtlpJson(spans, { idEncoding: 'hex' }))],
    ...(base64
      ? [['otlp base64', JSON.stringify(toOtlpJson(spans, { idEncoding: 'base64' }), null, 1)] as [string, string]]
      : []),
  ];
}

describe('columnsToObservations (fast path) equals spansToObservations (object path)', () => {
  const fixtures = ['jaeger', 'otlp'].flatMap((dir) =>
    readdirSync(join(TESTDATA, dir))
      .filter((f) => !/\.(expected|derived)\.json$/.test(f))
      .map((f) => [dir, f])
  );

  it.each(fixtures)('on %s/%s', (dir, file) => {
    const text = readFileSync(join(TESTDATA, dir, file), 'utf8');
    expect(canonical(fastObservations([text]))).toEqual(canonical(objectObservations([text])));
  });

  it('on the recorded messaging trace (Jaeger UI tracegraph), consumer lag included', () => {
    const text = readFileSync(MESSAGING_FIXTURE, 'utf8');
    const fast = fastObservations([text]);
    expect(fast.some((o) => o.connectionType === 'messaging_system' && o.messagingLagMs !== undefined)).toBe(true);
    expect(canonical(fast)).toEqual(canonical(objectObservations([text])));
  });

  it.each(encodings(generateSyntheticSpans({ seed: 7, traces: 120, spansPerTrace: 25, services: 12 })))(
    'on a generated dump (%s) with database, messaging, virtual and failed calls',
    (_format, text) => {
      const fast = fastObservations([text]);
      const kinds = new Set(fast.map((o) => o.connectionType));
      expect([...kinds].sort()).toEqual(['', 'database', 'messaging_system', 'virtual_node']);
      expect(fast.some((o) => o.messagingLagMs !== undefined)).toBe(true);
      expect(fast.some((o) => o.failed)).toBe(true);
      expect(canonical(fast)).toEqual(canonical(objectObservations([text])));
    }
  );

  it('pairs across files the same way (client in one file, server in another)', () => {
    const spans = generateSyntheticSpans({ seed: 3, traces: 40, spansPerTrace: 25, services: 8 });
    const even = spans.filter((_, i) => i % 2 === 0);
    const odd = spans.filter((_, i) => i % 2 === 1);
    const texts = [JSON.stringify(toJaegerJson(even)), JSON.stringify(toOtlpJson(odd, { idEncoding: 'hex' }))];
    const fast = fastObservations(texts);
    expect(canonical(fast)).toEqual(canonical(objectObservations(texts)));
    expect(canonical(fast)).toEqual(canonical(spansToObservations(spans)));
  });

  it('drops what a scan added before falling back to the full parser', () => {
    const spans = generateSyntheticSpans({ seed: 5, traces: 6, spansPerTrace: 10, services: 4 });
    const doc = toJaegerJson(spans) as unknown as { data: Array<{ spans: Array<Record<string, unknown>> }> };
    // An embedded process (older Jaeger) in the last trace: the scanner gives up after reading five traces.
    doc.data[5].spans[0].process = { serviceName: 'svc-00', tags: [] };
    const text = JSON.stringify(doc);
    const columns = new SpanColumns();
    scanTraceColumns(text, 'x.json', columns);
    expect(columns.count).toBe(spans.length);
    expect(canonical(columnsToObservations(columns))).toEqual(canonical(objectObservations([text])));
  });

  it('gives the same observations from a cleared, reused store', () => {
    const [[, jaeger], [, otlp]] = encodings(
      generateSyntheticSpans({ seed: 13, traces: 20, spansPerTrace: 25, services: 6 })
    );
    const columns = new SpanColumns();
    scanTraceColumns(jaeger, 'a.json', columns);
    const first = columnsToObservations(columns);
    columns.clear();
    expect(columns.count).toBe(0);
    scanTraceColumns(otlp, 'b.json', columns);
    expect(canonical(columnsToObservations(columns))).toEqual(canonical(first));
    expect(canonical(first)).toEqual(canonical(objectObservations([otlp])));
  });

  it('gives the same observations, in the same order, as pairing the spans the columns rebuild', () => {
    const [, text] = encodings(generateSyntheticSpans({ seed: 11, traces: 30, spansPerTrace: 25, services: 6 }))[1];
    const columns = new SpanColumns();
    scanTraceColumns(text, 'x.json', columns);
    expect(columnsToObservations(columns)).toEqual(spansToObservations(columns.toSpans()));
  });
});
