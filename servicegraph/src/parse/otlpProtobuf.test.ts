import { readFileSync } from 'fs';
import { join } from 'path';
import { decodeOtlpProtobuf, exportTraceServiceRequest } from './otlpProtobuf';
import { ParseError } from './parseError';
import { parseTraceText } from './parseTraces';

/** Encodes a protobuf-JSON request (base64 ids) with the generated classes. */
function encode(request: Record<string, unknown>): Uint8Array {
  return exportTraceServiceRequest.encode(exportTraceServiceRequest.fromObject(request)).finish();
}

describe('decodeOtlpProtobuf', () => {
  it('decodes every AnyValue type, status, kind and exact nanosecond times', () => {
    const bytes = encode({
      resourceSpans: [
        {
          resource: {
            attributes: [
              { key: 'service.name', value: { stringValue: 'checkout' } },
              { key: 'host', value: { stringValue: 'h1' } },
            ],
          },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: 'AQIDBAUGBwgJCgsMDQ4PEA==',
                  spanId: 'AQIDBAUGBwg=',
                  parentSpanId: 'CAcGBQQDAgE=',
                  name: 'GET /cart',
                  kind: 3,
                  startTimeUnixNano: '1800000000000000123',
                  endTimeUnixNano: '1800000000002500123',
                  status: { code: 2 },
                  attributes: [
                    { key: 's', value: { stringValue: 'x' } },
                    { key: 'i', value: { intValue: '42' } },
                    { key: 'd', value: { doubleValue: 1.5 } },
                    { key: 'b', value: { boolValue: false } },
                    { key: 'y', value: { bytesValue: 'AAE=' } },
                    { key: 'a', value: { arrayValue: { values: [{ stringValue: 'p' }, { intValue: '1' }] } } },
                    { key: 'k', value: { kvlistValue: { values: [{ key: 'in', value: { boolValue: true } }] } } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const [span] = decodeOtlpProtobuf(bytes, 'x.pb');
    expect(span).toEqual({
      traceId: '0102030405060708090a0b0c0d0e0f10',
      spanId: '0102030405060708',
      parentSpanId: '0807060504030201',
      followsFrom: false,
      service: 'checkout',
      name: 'GET /cart',
      kind: 'client',
      startMs: 1800000000000.000123,
      durationMs: 2.5,
      error: true,
      attributes: { s: 'x', i: 42, d: 1.5, b: false, y: 'AAE=', a: '["p",1]', k: '{"in":true}' },
      resource: { host: 'h1' },
    });
  });

  it('gives the same spans as the OTLP/JSON reader for the same request', () => {
    const text = readFileSync(join(__dirname, '../../testdata/otlp/kiali-tempo-responseTrace-bookinfo.json'), 'utf8');
    const fromJson = parseTraceText(text, 'bookinfo.json').spans;
    const request = JSON.parse(text) as { batches: unknown };
    const fromProtobuf = decodeOtlpProtobuf(encode({ resourceSpans: request.batches }), 'bookinfo.pb');
    expect(fromProtobuf).toEqual(fromJson);
  });

  it('reports bytes that are not a request as a ParseError naming the input', () => {
    expect(() => decodeOtlpProtobuf(new Uint8Array([0x0a, 0xff, 0xff]), 'dump.pb')).toThrow(ParseError);
    expect(() => decodeOtlpProtobuf(new Uint8Array([0x0a, 0xff, 0xff]), 'dump.pb')).toThrow(
      /^dump\.pb: not an OTLP\/protobuf ExportTraceServiceRequest/
    );
  });
});
