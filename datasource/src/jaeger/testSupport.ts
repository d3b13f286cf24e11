/** Helpers for the Jaeger tests against the replay server (not shipped: only *.test.ts files import this). */
import { toNodeGraphFrames } from '../graph/servicegraph';
import { JaegerClient, createJaegerClient } from './jaegerClient';
import { JaegerRunContext } from './jaegerSource';
import { createNodeHttpGet } from './nodeHttpGet';

/** A client of the Jaeger at `baseUrl` over Node's HTTP, with a response cap of `maxBytes`. */
export function nodeJaegerClient(baseUrl: string, maxBytes = 50 << 20, timeoutMs = 10_000): JaegerClient {
  return createJaegerClient({ baseUrl, http: createNodeHttpGet({ maxBytes }), timeoutMs });
}

/** What the datasource hands runJaegerQuery for [fromMs, toMs): refId A, no ad-hoc filters, Node Graph frames. */
export function jaegerRunContext(
  client: JaegerClient,
  fromMs: number,
  toMs: number,
  more: Partial<JaegerRunContext> = {}
): JaegerRunContext {
  return {
    client,
    refId: 'A',
    fromMs,
    toMs,
    requestIdAttribute: 'http.request_id',
    extraTags: {},
    toFrames: (graph) => toNodeGraphFrames(graph),
    ...more,
  };
}
