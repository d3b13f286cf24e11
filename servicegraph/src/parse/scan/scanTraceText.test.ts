import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import type { EdgeObservation, Span } from '../../types';
import { spanSetArbitrary } from '../../../testdata/traceArbitrary';
import { toJaegerJson } from '../../encode/jaegerJsonEncoder';
import { toOtlpJson } from '../../encode/otlpJsonEncoder';
import { spansToObservations } from '../../derive/spansToObservations';
import { ParseError } from '../parseError';
import { parseTraceText } from '../parseTraces';
import { scanTraceText } from './scanTraceText';

const TESTDATA = join(__dirname, '../../../testdata');

function observationKey(observations: EdgeObservation[]): string[] {
  return observations
    .map((o) =>
      JSON.stringify([o.traceId, o.clientService, o.serverService, o.connectionType, o.failed, o.timeMs, o.latencyMs])
    )
    .sort();
}

function derivationView(spans: Span[]): unknown[] {
  return spans.map((s) => [
    s.traceId,
    s.spanId,
    s.parentSpanId,
    s.followsFrom,
    s.service,
    s.kind,
    s.startMs,
    s.durationMs,
    s.error,
  ]);
}

function expectSameDerivation(text: string, file: string): void {
  const full = parseTraceText(text, file);
  const fast = scanTraceText(text, file);
  expect(fast.format).toBe(full.format);
  expect(derivationView(fast.spans)).toEqual(derivationView(full.spans));
  expect(observationKey(spansToObservations(fast.spans))).toEqual(observationKey(spansToObservations(full.spans)));
}

describe('scanTraceText (fast path) agrees with the full parser', () => {
  const fixtures = ['jaeger', 'otlp', 'jaeger-dependencies'].flatMap((dir) =>
    readdirSync(join(TESTDATA, dir))
      .filter((f) => !/\.(expected|derived)\.json$/.test(f))
      .map((f) => [dir, f])
  );

  it.each(fixtures)('%s/%s', (dir, file) => {
    expectSameDerivation(readFileSync(join(TESTDATA, dir, file), 'utf8'), file);
  });

  it('on generated Jaeger and OTLP (hex, base64) documents, compact or indented', () => {
    fc.assert(
      fc.property(spanSetArbitrary, fc.constantFrom(0, 2), (spans, indent) => {
        expectSameDerivation(JSON.stringify(toJaegerJson(spans), null, indent), 'j.json');
        expectSameDerivation(JSON.stringify(toOtlpJson(spans, { idEncoding: 'hex' }), null, indent), 'h.json');
        expectSameDerivation(JSON.stringify(toOtlpJson(spans, { idEncoding: 'base64' }), null, indent), 'b.json');
      }),
      { numRuns: 100 }
    );
  });

  it('handles escapes, key order and nulls like the full parser', () => {
    const doc = {
      data: [
        {
          spans: [
            {
              tags: [
                { value: 'pay\\"ments', type: 'string', key: 'peer.service' },
                null,
                { key: 'span.kind', value: 'client' },
              ],
              references: null,
              spanID: 'AB',
              traceID: '01',
              startTime: 1.5e15,
              duration: -3,
              processID: 'p1',
            },
          ],
          processes: { p1: { tags: null, serviceName: 'shop\\u00e9' } },
          traceID: '01',
        },
      ],
      total: 1,
    };
    expectSameDerivation(JSON.stringify(doc), 'escapes.json');
    expect(scanTraceText(JSON.stringify(doc)).spans[0]).toMatchObject({
      service: 'shop\\u00e9',
      attributes: { 'peer.service': 'pay\\"ments' },
    });
  });

  it('falls back to the full parser for errors, so messages are the same', () => {
    for (const text of [
      '{"foo": 1}',
      '{"data": [',
      '{"data": [{"spans": [{"spanID": "1"}]}]}',
      '[]',
      '{"data": null}',
    ]) {
      let fullError: unknown;
      try {
        parseTraceText(text, 'x.json');
      } catch (error) {
        fullError = error;
      }
      if (fullError === undefined) {
        expectSameDerivation(text, 'x.json');
      } else {
        expect(() => scanTraceText(text, 'x.json')).toThrow(ParseError);
        expect(() => scanTraceText(text, 'x.json')).toThrow((fullError as Error).message);
      }
    }
  });

  it('throws nothing but ParseError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        try {
          scanTraceText(text, 'x.json');
        } catch (error) {
          return error instanceof ParseError;
        }
        return true;
      }),
      { numRuns: 1000 }
    );
  });
});
