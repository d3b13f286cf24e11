import { readFileSync } from 'fs';
import { join } from 'path';
import { parseTraceDocument, parseTraceText } from './parseTraces';

const fixture = (name: string) => readFileSync(join(__dirname, '../../testdata/jaeger', name), 'utf8');

describe('Jaeger JSON', () => {
  it('reads a single trace object with processes, span.kind tags and FOLLOWS_FROM', () => {
    const { format, spans } = parseTraceText(fixture('jaeger-ui-tracegraph-testTrace.json'), 'testTrace.json');
    expect(format).toBe('jaeger-trace');
    expect(spans).toHaveLength(11);
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['service1', 'service2']));
    expect(spans.some((s) => s.followsFrom)).toBe(true);
    expect(spans.filter((s) => s.kind !== 'unspecified').length).toBeGreaterThan(0);
  });

  it('reads {data: {...}} where data is one trace object', () => {
    const { format, spans } = parseTraceText(fixture('jaeger-ui-flamegraph-testTrace.json'), 'flame.json');
    expect(format).toBe('jaeger-trace');
    expect(spans).toHaveLength(4);
  });

  it('reads the /api/traces envelope', () => {
    const { format, spans } = parseTraceText(fixture('jaeger-ui-otlp2jaeger-out.json'), 'out.json');
    expect(format).toBe('jaeger-traces');
    expect(spans).toHaveLength(2);
  });

  it('takes the first CHILD_OF reference within the trace as parent, ignoring other traces', () => {
    const { spans } = parseTraceText(fixture('jaeger-uimodel-ui_01.json'), 'ui_01.json');
    const referenceTest = spans.find((s) => s.name === 'reference-test');
    expect(referenceTest).toMatchObject({ parentSpanId: '0000000000000002', followsFrom: false, service: 'service-y' });
    const withError = spans.find((s) => s.name === 'some-operation' && s.service === 'service-x');
    expect(withError).toMatchObject({
      error: true,
      attributes: expect.objectContaining({ 'peer.service': 'service-y' }),
    });
  });

  it('converts microseconds to milliseconds, pads ids, and tolerates null tags, references and processes', () => {
    const trace = {
      traceID: 'ABC',
      processes: null,
      spans: [
        {
          traceID: 'ABC',
          spanID: 'F1',
          operationName: 'GET',
          startTime: 1_500_000,
          duration: 2500,
          tags: null,
          references: null,
          processID: 'p9',
        },
      ],
    };
    const [span] = parseTraceDocument(trace).spans;
    expect(span).toMatchObject({
      traceId: '00000000000000000000000000000abc',
      spanId: '00000000000000f1',
      parentSpanId: '',
      service: 'unknown_service',
      startMs: 1500,
      durationMs: 2.5,
      kind: 'unspecified',
    });
  });

  it('marks errors from error=true, otel.status_code=ERROR and HTTP 5xx tags', () => {
    const spanWith = (tags: unknown[]) => ({
      traceID: '1',
      spanID: '2',
      startTime: 0,
      duration: 1,
      tags,
      processID: 'p1',
    });
    const doc = {
      data: [
        {
          traceID: '1',
          processes: { p1: { serviceName: 'svc', tags: [] } },
          spans: [
            spanWith([{ key: 'error', type: 'bool', value: true }]),
            spanWith([{ key: 'error', type: 'string', value: 'true' }]),
            spanWith([{ key: 'otel.status_code', type: 'string', value: 'ERROR' }]),
            spanWith([{ key: 'http.status_code', type: 'int64', value: 503 }]),
            spanWith([{ key: 'http.status_code', type: 'string', value: '404' }]),
          ],
        },
      ],
    };
    expect(parseTraceDocument(doc).spans.map((s) => s.error)).toEqual([true, true, true, true, false]);
  });
});
