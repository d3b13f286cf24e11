/**
 * Calls that end in a client span with no server span: data stores (database edges named by
 * server.address) and external providers (virtual nodes named by peer.service).
 */
import type { CompiledCall, CompiledEndpoint, CompiledTarget } from './compileShop';
import { sampleLogNormal } from './random';
import { newSpan, type Outcome, type RequestContext } from './requestContext';

export function callStore(
  ctx: RequestContext,
  call: CompiledCall,
  caller: CompiledEndpoint,
  target: Extract<CompiledTarget, { type: 'store' }>,
  startMs: number,
  parentSpanId: string
): Outcome {
  const { store, operation } = target;
  const span = newSpan(ctx, caller, parentSpanId, 'client', target.spanName, startMs);
  const effect = ctx.effects.stores[store.name];
  const failed = ctx.rng() < (effect ? effect.errorRate : operation.errorRate);
  const latencyMs =
    sampleLogNormal(ctx.rng, operation.medianMs, operation.sigma) *
    ctx.loadFactor *
    (effect ? effect.latencyFactor : 1);
  const timedOut = latencyMs > call.timeoutMs;
  span.durationMs = timedOut ? call.timeoutMs : latencyMs;
  span.error = failed || timedOut;
  span.attributes = {
    'db.system': store.system,
    'db.namespace': store.namespace,
    'db.operation.name': operation.operation,
    'db.collection.name': operation.collection,
    'db.query.text': operation.query,
    'server.address': store.name,
    'server.port': store.port,
  };
  if (span.error) {
    span.attributes['error.type'] = timedOut ? 'timeout' : (effect?.errorType ?? 'connection_error');
    if (effect && failed) {
      span.attributes['db.response.status_code'] = effect.errorType;
      span.attributes['exception.message'] = effect.errorMessage;
    }
  }
  return { durationMs: span.durationMs, failed: span.error, timedOut, statusCode: 0 };
}

export function callExternal(
  ctx: RequestContext,
  call: CompiledCall,
  caller: CompiledEndpoint,
  target: Extract<CompiledTarget, { type: 'external' }>,
  startMs: number,
  parentSpanId: string
): Outcome {
  const { external, operation } = target;
  const span = newSpan(ctx, caller, parentSpanId, 'client', target.spanName, startMs);
  const failed = ctx.rng() < operation.errorRate;
  const latencyMs = sampleLogNormal(ctx.rng, operation.medianMs, operation.sigma);
  const timedOut = latencyMs > call.timeoutMs;
  const statusCode = timedOut ? 0 : failed ? 503 : 200;
  span.durationMs = timedOut ? call.timeoutMs : latencyMs;
  span.error = failed || timedOut;
  span.attributes = {
    'peer.service': external.name,
    'server.address': external.address,
    'server.port': 443,
    'http.request.method': operation.method,
    'url.template': operation.route,
  };
  if (statusCode > 0) {
    span.attributes['http.response.status_code'] = statusCode;
  }
  if (span.error) {
    span.attributes['error.type'] = timedOut ? 'timeout' : String(statusCode);
  }
  return { durationMs: span.durationMs, failed: span.error, timedOut, statusCode };
}
