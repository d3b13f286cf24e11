import fc from 'fast-check';
import type { EdgeObservation, Span } from '../types';
import { spanSetArbitrary } from '../../testdata/traceArbitrary';
import { parseTraceDocument, parseTraceText } from '../parse/parseTraces';
import { decodeOtlpProtobuf } from '../parse/otlpProtobuf';
import { spansToObservations } from '../derive/spansToObservations';
import { addObservation, createEdgeWindow } from '../aggregate/edgeWindow';
import { windowToGraph } from '../aggregate/windowToGraph';
import { toJaegerJson } from './jaegerJsonEncoder';
import { toOtlpJson } from './otlpJsonEncoder';
import { toOtlpProtobuf } from './otlpProtobufEncoder';

/** Every observation, order-free, with times rounded to the microseconds all formats keep. */
function observationKey(observations: EdgeObservation[]): string[] {
  return observations
    .map((o) =>
      [
        o.traceId,
        o.clientService,
        o.serverService,
        o.connectionType,
        o.failed,
        Math.round(o.timeMs * 1000),
        Math.round(o.latencyMs * 1000),
      ].join('|')
    )
    .sort();
}

function graphOf(spans: Span[]) {
  const window = createEdgeWindow();
  for (const observation of spansToObservations(spans)) {
    addObservation(window, observation);
  }
  return windowToGraph(window, { startMs: 0, endMs: 60_000 });
}

describe('encoders and parsers agree', () => {
  it('Jaeger JSON, OTLP hex, OTLP base64 and OTLP/protobuf give the same observations and graph', () => {
    fc.assert(
      fc.property(spanSetArbitrary, (spans) => {
        const expected = observationKey(spansToObservations(spans));
        const viaJaeger = parseTraceText(JSON.stringify(toJaegerJson(spans)), 'traces.json').spans;
        const viaHex = parseTraceText(JSON.stringify(toOtlpJson(spans, { idEncoding: 'hex' })), 'hex.json').spans;
        const viaBase64 = parseTraceDocument(toOtlpJson(spans, { idEncoding: 'base64' }), 'b64.json').spans;
        const viaProtobuf = decodeOtlpProtobuf(toOtlpProtobuf(spans), 'traces.pb');
        for (const decoded of [viaJaeger, viaHex, viaBase64, viaProtobuf]) {
          expect(decoded).toHaveLength(spans.length);
          expect(observationKey(spansToObservations(decoded))).toEqual(expected);
          expect(graphOf(decoded)).toEqual(graphOf(spans));
        }
      }),
      { numRuns: 150 }
    );
  });

  it('shuffled span order gives the same graph', () => {
    fc.assert(
      fc.property(
        spanSetArbitrary.chain((spans) =>
          fc.tuple(fc.constant(spans), fc.shuffledSubarray(spans, { minLength: spans.length, maxLength: spans.length }))
        ),
        ([spans, shuffled]) => {
          expect(observationKey(spansToObservations(shuffled))).toEqual(observationKey(spansToObservations(spans)));
          expect(graphOf(shuffled)).toEqual(graphOf(spans));
        }
      ),
      { numRuns: 300 }
    );
  });

  it('keeps span fields through OTLP/protobuf', () => {
    fc.assert(
      fc.property(spanSetArbitrary, (spans) => {
        const decoded = decodeOtlpProtobuf(toOtlpProtobuf(spans));
        const pick = (s: Span) => [
          s.traceId,
          s.spanId,
          s.parentSpanId,
          s.service,
          s.kind,
          s.error,
          Math.round(s.durationMs * 1000),
        ];
        expect(decoded.map(pick).sort()).toEqual(spans.map(pick).sort());
      }),
      { numRuns: 100 }
    );
  });
});
