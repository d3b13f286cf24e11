import { readFileSync } from 'fs';
import { join } from 'path';
import { parseTraceDocument, parseTraceText } from './parseTraces';

const fixture = (name: string) => readFileSync(join(__dirname, '../../testdata/otlp', name), 'utf8');

const request = (
  span: Record<string, unknown>,
  resourceAttributes: unknown[] = [{ key: 'service.name', value: { stringValue: 'svc' } }]
) => ({
  resourceSpans: [
    {
      resource: { attributes: resourceAttributes },
      scopeSpans: [{ spans: [{ traceId: '0'.repeat(31) + '1', spanId: '0'.repeat(15) + '2', ...span }] }],
    },
  ],
});

describe('OTLP/JSON', () => {
  it('reads the canonical example: uppercase hex ids, int kind, nanosecond strings', () => {
    const [span] = parseTraceText(fixture('otel-proto-examples-trace.json'), 'trace.json').spans;
    expect(span).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: 'eee19b7ec3c1b173',
      service: 'my.service',
      kind: 'server',
      startMs: 1544712660000,
      durationMs: 1000,
    });
  });

  it("reads Tempo's batches with base64 ids and SPAN_KIND_* strings", () => {
    const { format, spans } = parseTraceText(fixture('kiali-tempo-responseTrace-bookinfo.json'), 'bookinfo.json');
    expect(format).toBe('otlp-json');
    expect(spans).toHaveLength(8);
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set(['3ba55609c3cde49649cd77d1f9dcd936']));
    expect(spans.filter((s) => s.kind === 'client')).toHaveLength(4);
    expect(spans.every((s) => /^[0-9a-f]{16}$/.test(s.spanId))).toBe(true);
  });

  it('reads instrumentationLibrarySpans and status codes as numbers or strings', () => {
    const doc = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'old' } }] },
          instrumentationLibrarySpans: [
            {
              spans: [
                {
                  traceId: '1'.repeat(32),
                  spanId: '1'.repeat(16),
                  kind: 'SPAN_KIND_PRODUCER',
                  status: { code: 'STATUS_CODE_ERROR' },
                },
                { traceId: '1'.repeat(32), spanId: '2'.repeat(16), kind: 5, status: { code: 2 } },
                { traceId: '1'.repeat(32), spanId: '3'.repeat(16), kind: 'CLIENT', status: { code: 1 } },
              ],
            },
          ],
        },
      ],
    };
    const spans = parseTraceDocument(doc).spans;
    expect(spans.map((s) => [s.service, s.kind, s.error])).toEqual([
      ['old', 'producer', true],
      ['old', 'consumer', true],
      ['old', 'client', false],
    ]);
  });

  it('flattens every AnyValue type', () => {
    const [span] = parseTraceDocument(
      request({
        attributes: [
          { key: 's', value: { stringValue: 'x' } },
          { key: 'i', value: { intValue: '42' } },
          { key: 'n', value: { intValue: 7 } },
          { key: 'd', value: { doubleValue: 1.5 } },
          { key: 'b', value: { boolValue: true } },
          { key: 'y', value: { bytesValue: 'AAE=' } },
          { key: 'a', value: { arrayValue: { values: [{ stringValue: 'p' }, { intValue: '1' }] } } },
          { key: 'k', value: { kvlistValue: { values: [{ key: 'in', value: { boolValue: false } }] } } },
          { key: 'empty', value: {} },
          { key: 'nothing', value: null },
        ],
      })
    ).spans;
    expect(span.attributes).toEqual({
      s: 'x',
      i: 42,
      n: 7,
      d: 1.5,
      b: true,
      y: 'AAE=',
      a: '["p",1]',
      k: '{"in":false}',
    });
  });

  it('uses unknown_service when the resource has no service.name', () => {
    const [span] = parseTraceText(fixture('jaeger-ui-otlp2jaeger-in-error.json'), 'error.json').spans;
    expect(span.service).toBe('unknown_service');
  });

  it('reads the collector golden YAML (pdata YAML) with exact nanosecond durations', () => {
    const spans = parseTraceText(
      fixture('otelcontrib-servicegraph-messaging-system-trace.yaml'),
      'messaging.yaml'
    ).spans;
    expect(spans.map((s) => [s.service, s.kind, s.durationMs])).toEqual([
      ['foo-server', 'client', 0.001],
      ['bar-requester', 'server', 0.001],
    ]);
    expect(spans[1].parentSpanId).toBe('a000000000000000');
  });

  it('reads newline-delimited OTLP JSON (one request per line) and Jaeger v3 {result} wrappers', () => {
    const line = JSON.stringify(request({ name: 'a' }));
    expect(parseTraceText(`${line}\n${line}\n`).spans).toHaveLength(2);
    expect(parseTraceDocument({ result: request({ name: 'b' }) }).spans[0].name).toBe('b');
  });

  it('marks HTTP 5xx attributes as errors even with status unset', () => {
    const [span] = parseTraceDocument(
      request({ attributes: [{ key: 'http.response.status_code', value: { intValue: '502' } }] })
    ).spans;
    expect(span.error).toBe(true);
  });
});
