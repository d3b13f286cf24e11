/**
 * Malformed OTLP/JSON span fields: the full parser and the fast scanner (which hands odd input to the full
 * parser) give the same ParseError naming the field, and the same spans for unknown kind numbers.
 */
import { ParseError } from './parseError';
import { parseTraceText } from './parseTraces';
import { scanTraceText } from './scan/scanTraceText';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_PATH = 'resourceSpans[0].scopeSpans[0].spans[0]';

function otlpText(span: Record<string, unknown>): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'orders' } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: TRACE_ID,
                spanId: 'b7ad6b7169203331',
                kind: 2,
                startTimeUnixNano: '1700000000000000000',
                endTimeUnixNano: '1700000000250000000',
                ...span,
              },
            ],
          },
        ],
      },
    ],
  });
}

const PARSERS = [
  ['full parser', parseTraceText],
  ['scanner', scanTraceText],
] as const;

describe.each(PARSERS)('malformed OTLP/JSON span fields (%s)', (_name, parse) => {
  it.each([
    [{ startTimeUnixNano: 'abc' }, `${SPAN_PATH}.startTimeUnixNano: expected nanoseconds since the epoch, got "abc"`],
    [{ endTimeUnixNano: '12x' }, `${SPAN_PATH}.endTimeUnixNano: expected nanoseconds since the epoch, got "12x"`],
    [
      { startTimeUnixNano: undefined, start_time_unix_nano: true },
      `${SPAN_PATH}.start_time_unix_nano: expected nanoseconds since the epoch, got true`,
    ],
    [
      { kind: 'SPAN_KIND_NONSENSE' },
      `${SPAN_PATH}.kind: unknown span kind "SPAN_KIND_NONSENSE" (expected SPAN_KIND_* or 0-5)`,
    ],
    [{ kind: 2.5 }, `${SPAN_PATH}.kind: unknown span kind 2.5 (expected SPAN_KIND_* or 0-5)`],
  ])('rejects %j naming the field', (span, problem) => {
    expect(() => parse(otlpText(span), 'spans.json')).toThrow(new ParseError('spans.json', problem));
  });

  it.each([
    [99, 'unspecified'],
    ['99', 'unspecified'],
    [-1, 'unspecified'],
    [null, 'unspecified'],
    ['SPAN_KIND_CONSUMER', 'consumer'],
    ['client', 'client'],
    [3, 'client'],
  ])('reads kind %j as %s', (kind, expected) => {
    const { spans } = parse(otlpText({ kind }), 'spans.json');
    expect(spans.map((span) => span.kind)).toEqual([expected]);
  });

  it('still reads numeric times as numbers and absent times as 0', () => {
    const numeric = parse(otlpText({ startTimeUnixNano: 1.7e18, endTimeUnixNano: 1.70000000025e18 }), 'spans.json');
    expect(numeric.spans[0].startMs).toBe(1.7e12);
    expect(numeric.spans[0].durationMs).toBeCloseTo(250, 3);
    const absent = parse(otlpText({ startTimeUnixNano: undefined, endTimeUnixNano: undefined }), 'spans.json');
    expect(absent.spans[0]).toMatchObject({ startMs: 0, durationMs: 0 });
  });
});
