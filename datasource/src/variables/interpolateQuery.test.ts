import { SandboxTemplateSrv } from '../../../sandbox/src/templateSrv';
import { createDefaultQuery } from '../defaults';
import { buildOperationsUrl, buildTracesUrl } from '../jaeger/jaegerUrls';
import { parseLogfmtTags } from '../jaeger/logfmtTags';
import { JaegerDataflowQuery, TimescaleDataflowQuery } from '../types';
import { ReplaceFn, interpolateQuery } from './interpolateQuery';

/** Grafana's template-service contract ($name, ${name}, ${name:format}, [[name]]) as the sandbox implements it. */
function replacer(vars: Record<string, string | string[]>): ReplaceFn {
  const templateSrv = new SandboxTemplateSrv();
  templateSrv.setVariables(Object.entries(vars).map(([name, value]) => ({ name, value })));
  return (target, scopedVars, format) => templateSrv.replace(target, scopedVars, format);
}

function jaeger(patch: Partial<JaegerDataflowQuery>): JaegerDataflowQuery {
  return { ...(createDefaultQuery('jaeger') as JaegerDataflowQuery), ...patch };
}

const BASE = '/api/datasources/proxy/uid/ds1/jaeger';

describe('interpolateQuery', () => {
  it('replaces variables in every Jaeger field', () => {
    const query = interpolateQuery(
      jaeger({
        service: '$svc',
        operation: '${op}',
        minDuration: '$min',
        lookback: '$lb',
        traceId: '$id',
        tags: 'env=$env',
      }),
      replacer({ svc: 'payments', op: 'POST /pay', min: '100ms', lb: '2h', id: 'abc123', env: 'prod' })
    );
    expect(query).toMatchObject({
      service: 'payments',
      operation: 'POST /pay',
      minDuration: '100ms',
      lookback: '2h',
      traceId: 'abc123',
    });
    expect(parseLogfmtTags(query.tags ?? '')).toEqual({ env: 'prod' });
  });

  it('keeps a hostile service value inside its parameter', () => {
    const query = interpolateQuery(jaeger({ service: '$svc' }), replacer({ svc: 'a&limit=999999&service=b' }));
    const url = new URL(
      buildTracesUrl(BASE, { service: query.service ?? '', startMs: 0, endMs: 1000, limit: 20 }),
      'http://grafana'
    );
    expect(url.searchParams.getAll('service')).toEqual(['a&limit=999999&service=b']);
    expect(url.searchParams.getAll('limit')).toEqual(['20']);
  });

  it('keeps a hostile service value inside its path segment', () => {
    const query = interpolateQuery(jaeger({ service: '$svc' }), replacer({ svc: '../../admin?x=1#' }));
    const url = new URL(buildOperationsUrl(BASE, query.service ?? ''), 'http://grafana');
    expect(url.pathname).toBe(
      '/api/datasources/proxy/uid/ds1/jaeger/api/services/..%2F..%2Fadmin%3Fx%3D1%23/operations'
    );
    expect(url.search).toBe('');
  });

  it('keeps a hostile tag value as one value of one tag', () => {
    const query = interpolateQuery(jaeger({ tags: 'http.route=$route' }), replacer({ route: 'x" error=true "y' }));
    expect(parseLogfmtTags(query.tags ?? '')).toEqual({ 'http.route': 'x" error=true "y' });
  });

  it('interpolates a variable inside a quoted tag value and in a tag key', () => {
    const query = interpolateQuery(
      jaeger({ tags: 'http.route="$route" $k=1 error=true' }),
      replacer({ route: '/api/pay now', k: 'http.status_code' })
    );
    expect(parseLogfmtTags(query.tags ?? '')).toEqual({
      'http.route': '/api/pay now',
      'http.status_code': '1',
      error: 'true',
    });
  });

  it('joins a multi-value tag variable, and refuses a key variable with spaces', () => {
    const joined = interpolateQuery(jaeger({ tags: 'env=$env' }), replacer({ env: ['prod', 'eu"1'] }));
    expect(parseLogfmtTags(joined.tags ?? '')).toEqual({ env: 'prod,eu"1' });
    expect(() => interpolateQuery(jaeger({ tags: '$k=1' }), replacer({ k: 'a b' }))).toThrow(
      'Tags: "$k" is not a usable tag key (empty, or contains spaces, = or ")'
    );
  });

  it('keeps a tag named like an Object.prototype member as an ordinary tag', () => {
    const query = interpolateQuery(jaeger({ tags: '__proto__=x constructor=$v' }), replacer({ v: 'y' }));
    expect(JSON.parse(JSON.stringify(parseLogfmtTags(query.tags ?? '')))).toEqual(
      JSON.parse('{"__proto__":"x","constructor":"y"}')
    );
  });

  it('honours an explicit ${var:format} the way Grafana does', () => {
    const query = interpolateQuery(jaeger({ operation: '${op:percentencode}' }), replacer({ op: 'GET /a b' }));
    expect(query.operation).toBe('GET%20%2Fa%20b');
  });

  it('names a multi-value variable in a single-value field', () => {
    expect(() => interpolateQuery(jaeger({ service: '$svc' }), replacer({ svc: ['a', 'b'] }))).toThrow(
      'Service: the variable has several values (a, b…); this field takes one'
    );
  });

  it('names control characters from a variable', () => {
    expect(() => interpolateQuery(jaeger({ operation: '$op' }), replacer({ op: 'GET\r\nX-Evil: 1' }))).toThrow(
      'Operation: the value contains control characters (line breaks, tabs); check the variable'
    );
  });

  it('expands a multi-value variable into several Timescale services', () => {
    const query = interpolateQuery(
      { ...(createDefaultQuery('timescale') as TimescaleDataflowQuery), services: ['$svc', 'gateway'] },
      replacer({ svc: ['orders', "o'brien"] })
    );
    expect(query.services).toEqual(['orders', "o'brien", 'gateway']);
  });
});

describe('buildTracesUrl', () => {
  it('sends times in microseconds, tags as JSON and durations as typed', () => {
    const url = new URL(
      buildTracesUrl(BASE, {
        service: 'orders',
        operation: 'checkout',
        tags: 'error=true note="two words"',
        extraTags: { env: 'prod' },
        minDuration: '1.5s',
        startMs: 1000,
        endMs: 2000,
        limit: 50,
      }),
      'http://grafana'
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      service: 'orders',
      operation: 'checkout',
      tags: '{"error":"true","note":"two words","env":"prod"}',
      minDuration: '1.5s',
      start: '1000000',
      end: '2000000',
      limit: '50',
    });
  });

  it('rejects a tag filter that is not logfmt', () => {
    expect(() => buildTracesUrl(BASE, { service: 's', tags: 'error', startMs: 0, endMs: 1, limit: 1 })).toThrow(
      'Tags: expected key=value at "error"'
    );
    expect(() => buildTracesUrl(BASE, { service: 's', tags: 'a="open', startMs: 0, endMs: 1, limit: 1 })).toThrow(
      'Tags: unterminated quote in the value of "a"'
    );
  });

  it('asks for a service', () => {
    expect(() => buildTracesUrl(BASE, { service: ' ', startMs: 0, endMs: 1, limit: 1 })).toThrow(
      'Service: choose a service (Jaeger searches traces per service)'
    );
  });
});
