import fc from 'fast-check';
import { ParseError } from './parseError';
import { parseTraceDocument, parseTraceText } from './parseTraces';
import { decodeOtlpProtobuf } from './otlpProtobuf';

function onlyParseErrors(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    return error instanceof ParseError;
  }
}

const shapeKeys = [
  'data',
  'spans',
  'traceID',
  'spanID',
  'references',
  'tags',
  'processes',
  'processID',
  'resourceSpans',
  'batches',
  'scopeSpans',
  'instrumentationLibrarySpans',
  'resource',
  'attributes',
  'traceId',
  'spanId',
  'parentSpanId',
  'kind',
  'status',
  'code',
  'startTimeUnixNano',
  'endTimeUnixNano',
  'parent',
  'child',
  'callCount',
  'key',
  'value',
  'stringValue',
  'arrayValue',
  'kvlistValue',
  'values',
];

/** JSON values biased towards the keys the parsers look for, so generated documents get past detection. */
const traceLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...shapeKeys), tie('value'), { maxKeys: 5 })
  ),
})).value;

describe('parsers on arbitrary input', () => {
  it('throw nothing but ParseError for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => onlyParseErrors(() => parseTraceDocument(doc, 'x.json'))),
      { numRuns: 500 }
    );
  });

  it('throw nothing but ParseError for trace-shaped documents', () => {
    fc.assert(
      fc.property(traceLike, (doc) => onlyParseErrors(() => parseTraceDocument(doc, 'x.json'))),
      { numRuns: 2000 }
    );
  });

  it('throw nothing but ParseError for arbitrary text (JSON, NDJSON and YAML paths)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          traceLike.map((doc) => JSON.stringify(doc))
        ),
        (text) =>
          onlyParseErrors(() => parseTraceText(text, 'x.yaml')) && onlyParseErrors(() => parseTraceText(text, 'x.json'))
      ),
      { numRuns: 1000 }
    );
  });

  it('throw nothing but ParseError for arbitrary protobuf bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) =>
        onlyParseErrors(() => decodeOtlpProtobuf(bytes, 'x.pb'))
      ),
      { numRuns: 1000 }
    );
  });
});
