import { readFileSync } from 'fs';
import { join } from 'path';
import { ParseError } from './parseError';
import { parseTraceText } from './parseTraces';

function problemOf(text: string, file = 'traces.json'): string {
  try {
    parseTraceText(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return (error as ParseError).message;
  }
  throw new Error('expected a ParseError');
}

describe('format detection', () => {
  it('names the file and the first unexpected top-level key', () => {
    expect(problemOf('{"foo": 1}')).toBe('traces.json: not Jaeger or OTLP JSON: top-level key "foo"');
  });

  it('explains invalid JSON, empty input and non-object documents', () => {
    expect(problemOf('{"data": [')).toMatch(/^traces\.json: invalid JSON: /);
    expect(problemOf('   ')).toBe('traces.json: empty input: expected Jaeger or OTLP JSON');
    expect(problemOf('42')).toBe('traces.json: not Jaeger or OTLP JSON: top level is 42');
    expect(problemOf('{}')).toBe('traces.json: not Jaeger or OTLP JSON: empty object');
    expect(problemOf('[{"x": 1}]')).toBe(
      'traces.json: not Jaeger or OTLP JSON: top-level array starts with an object with key "x"'
    );
  });

  it('reports Jaeger API errors and misplaced structures with their path', () => {
    expect(problemOf('{"data": null, "errors": [{"code": 500, "msg": "storage down"}]}')).toBe(
      'traces.json: Jaeger API response without data: storage down'
    );
    expect(problemOf('{"resourceSpans": {"x": 1}}')).toBe('traces.json: resourceSpans: expected an array');
    expect(problemOf('{"data": [{"traceID": "1", "spans": [1]}]}')).toBe(
      'traces.json: data[0].spans[0]: expected a span object'
    );
    expect(problemOf('{"resourceSpans": [{"scopeSpans": [{"spans": [{"spanId": "01"}]}]}]}')).toBe(
      'traces.json: resourceSpans[0].scopeSpans[0].spans[0].traceId: missing id'
    );
    expect(problemOf('[{"parent": "a", "child": 3}]', 'deps.json')).toBe(
      'deps.json: [0].child: expected a service name, got 3'
    );
  });

  it('reports invalid YAML on one line', () => {
    expect(problemOf('resourceSpans: [a, b', 'trace.yaml').split('\n')).toHaveLength(1);
  });

  it('detects Jaeger dependencies bare and wrapped', () => {
    const small = readFileSync(
      join(__dirname, '../../testdata/jaeger-dependencies/jaeger-ui-dependencygraph-small.json'),
      'utf8'
    );
    const bare = parseTraceText(small);
    expect(bare.format).toBe('jaeger-dependencies');
    expect(bare.dependencies).toHaveLength(7);
    expect(bare.dependencies.reduce((sum, link) => sum + link.callCount, 0)).toBe(290225);
    const wrapped = parseTraceText(`{"data": ${small}}`);
    expect(wrapped.dependencies).toEqual(bare.dependencies);
  });
});
