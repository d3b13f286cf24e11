/**
 * Tag and attribute keys that are Object.prototype member names (`__proto__`, `constructor`, `hasOwnProperty`)
 * are ordinary keys: recorded real traces with such tags added keep every one, with its value, through the
 * Jaeger JSON, OTLP/JSON and OTLP protobuf readers.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { toOtlpProtobuf } from '../encode/otlpProtobufEncoder';
import type { Span } from '../types';
import { decodeOtlpProtobuf } from './otlpProtobuf';
import { parseTraceText } from './parseTraces';

const TESTDATA = join(__dirname, '../../testdata');
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'hasOwnProperty'];

// JSON text, not object literals: `{ __proto__: … }` in code would set a prototype instead of adding a key.
const jaegerTags = (prefix: string) =>
  PROTOTYPE_KEYS.map((key) => ({ key, type: 'string', value: `${prefix}-${key}` }));
const otlpAttributes = (prefix: string) =>
  PROTOTYPE_KEYS.map((key) => ({ key, value: { stringValue: `${prefix}-${key}` } }));

/** The recorded Jaeger UI trace (two services, span.kind tags) with the keys added to span 1 and process p1. */
function jaegerText(): string {
  const trace = JSON.parse(readFileSync(join(TESTDATA, 'jaeger/jaeger-ui-tracegraph-testTrace.json'), 'utf8'));
  trace.spans[0].tags.push(...jaegerTags('span'));
  trace.processes.p1.tags.push(...jaegerTags('process'));
  return JSON.stringify(trace);
}

/** The OpenTelemetry proto example trace with the keys added to its span, its resource and a key/value list. */
function otlpText(): string {
  const request = JSON.parse(readFileSync(join(TESTDATA, 'otlp/otel-proto-examples-trace.json'), 'utf8'));
  const resourceSpans = request.resourceSpans[0];
  resourceSpans.resource.attributes.push(...otlpAttributes('resource'));
  const span = resourceSpans.scopeSpans[0].spans[0];
  span.attributes.push(...otlpAttributes('span'), {
    key: 'http.request.header',
    value: { kvlistValue: { values: otlpAttributes('header') } },
  });
  return JSON.stringify(request);
}

function expectKept(record: Record<string, unknown> | undefined, prefix: string): void {
  expect(record).toBeDefined();
  for (const key of PROTOTYPE_KEYS) {
    expect(Object.prototype.hasOwnProperty.call(record, key)).toBe(true);
    expect(record![key]).toBe(`${prefix}-${key}`);
  }
}

function spanNamed(spans: Span[], name: string): Span {
  const span = spans.find((s) => s.name === name);
  if (!span) {
    throw new Error(`no span named ${name}`);
  }
  return span;
}

describe('attribute keys that are Object.prototype member names', () => {
  it('are kept on Jaeger JSON span tags and process tags, beside the recorded ones', () => {
    const { spans } = parseTraceText(jaegerText(), 'jaeger.json');
    const span = spanNamed(spans, 'op1');
    expectKept(span.attributes, 'span');
    expect(span.attributes['span.kind']).toBe('server');
    expect(span.kind).toBe('server');
    expectKept(span.resource, 'process');
    expect(span.resource?.hostname).toBe('foobar.org');
  });

  it('are kept on OTLP/JSON span and resource attributes, and inside a key/value list value', () => {
    const { spans } = parseTraceText(otlpText(), 'otlp.json');
    const [span] = spans;
    expect(span.service).toBe('my.service');
    expectKept(span.attributes, 'span');
    expect(span.attributes['my.span.attr']).toBe('some value');
    expectKept(span.resource, 'resource');
    expect(JSON.parse(String(span.attributes['http.request.header']))).toEqual(
      JSON.parse(
        '{"__proto__":"header-__proto__","constructor":"header-constructor","hasOwnProperty":"header-hasOwnProperty"}'
      )
    );
  });

  it('survive OTLP protobuf encoding and decoding', () => {
    const [decoded] = decodeOtlpProtobuf(toOtlpProtobuf(parseTraceText(otlpText(), 'otlp.json').spans), 'otlp.pb');
    expectKept(decoded.attributes, 'span');
    expectKept(decoded.resource, 'resource');
    expect(decoded.service).toBe('my.service');
    expect(Object.keys(JSON.parse(String(decoded.attributes['http.request.header'])))).toEqual(PROTOTYPE_KEYS);
  });

  it('do not leak Object.prototype members into spans without them', () => {
    const { spans } = parseTraceText(jaegerText(), 'jaeger.json');
    const plain = spanNamed(spans, 'op2');
    expect(plain.attributes.constructor).toBeUndefined();
    expect(plain.attributes.hasOwnProperty).toBeUndefined();
  });
});
