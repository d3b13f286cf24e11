/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseError } from '../../../servicegraph/src/parse/parseError';
import { toOtlpProtobuf } from '../../../servicegraph/src/encode/otlpProtobufEncoder';
import { spansToObservations } from '../../../servicegraph/src/derive/spansToObservations';
import type { Span } from '../../../servicegraph/src/types';
import { RecordType } from '../spool/recordFormat';
import { decodeOtlpBody } from './decodeOtlp';

const fixture = readFileSync(join(__dirname, '..', '..', 'testdata', 'kiali-tempo-responseTrace-bookinfo.json'));
const jsonSpans = decodeOtlpBody(RecordType.OtlpJson, fixture).spans;

function derivationView(spans: Span[]): unknown[] {
  return spans
    .map((s) => [s.traceId, s.spanId, s.parentSpanId, s.service, s.kind, s.startMs, s.durationMs, s.error])
    .sort((a, b) => (String(a[1]) < String(b[1]) ? -1 : 1));
}

/** One ResourceSpans entry per service, as separately encoded requests concatenated (protobuf merges them). */
function entriesOf(spans: Span[]): Buffer[] {
  const services = [...new Set(spans.map((s) => s.service))];
  return services.map((service) => Buffer.from(toOtlpProtobuf(spans.filter((s) => s.service === service))));
}

describe('decodeOtlpBody, OTLP/protobuf', () => {
  it('gives the spans and edges the JSON route gives for the same recorded trace', () => {
    const decoded = decodeOtlpBody(RecordType.OtlpProtobuf, Buffer.from(toOtlpProtobuf(jsonSpans)));
    expect(decoded.rejectedSpans).toBe(0);
    expect(decoded.errorMessage).toBe('');
    expect(derivationView(decoded.spans)).toEqual(derivationView(jsonSpans));
    expect(spansToObservations(decoded.spans).length).toBeGreaterThan(0);
    expect(spansToObservations(decoded.spans)).toEqual(spansToObservations(jsonSpans));
  });

  it('rejects only the malformed ResourceSpans entry (partial success) and keeps the others', () => {
    const [first, ...rest] = entriesOf(jsonSpans);
    // Entry 1: a ScopeSpans whose one Span claims 9 bytes where there are none.
    const broken = Buffer.from([0x0a, 4, 0x12, 2, 0x12, 9]);
    const body = Buffer.concat([first, broken, ...rest]);
    const decoded = decodeOtlpBody(RecordType.OtlpProtobuf, body);
    expect(decoded.rejectedSpans).toBe(1);
    expect(decoded.errorMessage).toMatch(/^resourceSpans\[1\]: unreadable ResourceSpans: /);
    expect(derivationView(decoded.spans)).toEqual(derivationView(jsonSpans));
  });

  it('throws ParseError for a body whose framing is broken', () => {
    expect(() => decodeOtlpBody(RecordType.OtlpProtobuf, Buffer.from([0x0a, 0x50, 1, 2]))).toThrow(ParseError);
    expect(() => decodeOtlpBody(RecordType.OtlpProtobuf, Buffer.from([0x0a, 0x50, 1, 2]))).toThrow(
      /not an OTLP\/protobuf ExportTraceServiceRequest/
    );
  });

  it('accepts an empty request', () => {
    expect(decodeOtlpBody(RecordType.OtlpProtobuf, Buffer.alloc(0))).toEqual({
      spans: [],
      rejectedSpans: 0,
      errorMessage: '',
    });
  });
});
