/**
 * Turns one request into spans: walks the compiled call tree, nesting each server span inside its
 * client span (with network delay either way) and children inside parents, and applies incidents.
 */
import type { AttributeValue, Span, SpanKind } from '../../servicegraph/src/types';
import { callExternal, callStore } from './emitLeafCalls';
import type { CompiledCall, CompiledEndpoint, CompiledTarget } from './compileShop';
import type { IncidentEffects } from './incidents';
import { randomHex, sampleInt, sampleLogNormal, type Rng } from './random';
import { newSpan, type Outcome, type RequestContext } from './requestContext';

/** The service whose server spans carry the request id people search for. */
export const GATEWAY_SERVICE = 'api-gateway';

const GRPC_CODE: Record<number, number> = { 200: 0, 500: 13, 503: 14, 504: 4 };
const KAFKA_PARTITIONS = 12;
const NORMAL_LAG = { medianMs: 25, sigma: 0.8 };

/** Emits the spans of one request entering at `entry` at `startMs` and returns them. */
export function emitRequest(
  rng: Rng,
  entry: CompiledEndpoint,
  startMs: number,
  effects: IncidentEffects,
  loadFactor = 1
): Span[] {
  const ctx: RequestContext = { rng, traceId: randomHex(rng, 16), spans: [], effects, loadFactor };
  runEndpoint(ctx, entry, startMs, '', 'server');
  return ctx.spans;
}

function runEndpoint(
  ctx: RequestContext,
  ep: CompiledEndpoint,
  startMs: number,
  parentSpanId: string,
  kind: SpanKind
): Outcome {
  const { rng } = ctx;
  const span = newSpan(ctx, ep, parentSpanId, kind, ep.serverSpanName, startMs);
  const effect = ctx.effects.services[ep.service.name];
  const ownFailure = rng() < (effect ? effect.errorRate : ep.errorRate);
  const selfMs = sampleLogNormal(rng, ep.selfMs, ep.sigma) * ctx.loadFactor;
  let t = startMs + selfMs * (ownFailure ? 0.3 : 0.6);
  let dependencyFailed = false;
  let dependencyTimedOut = false;
  for (const step of ownFailure ? [] : ep.steps) {
    let stepEnd = t;
    for (let i = 0; i < step.calls.length; i++) {
      const call = step.calls[i];
      if (call.p < 1 && rng() >= call.p) {
        continue;
      }
      const count = call.countMax > call.countMin ? sampleInt(rng, call.countMin, call.countMax) : call.countMin;
      // Parallel calls leave together (tiny stagger); sequential repeats follow one another.
      let callStart = step.parallel ? t + i * 0.02 : stepEnd;
      for (let n = 0; n < count; n++) {
        const outcome = runCall(ctx, call, ep, callStart, span.spanId);
        callStart += outcome.durationMs + 0.01;
        stepEnd = Math.max(stepEnd, callStart);
        if (outcome.failed && !call.optional) {
          dependencyFailed = true;
          // A timeout anywhere below surfaces as 504, as gateways and proxies report it.
          dependencyTimedOut ||= outcome.timedOut || outcome.statusCode === 504;
        }
      }
    }
    t = stepEnd;
    if (dependencyFailed) {
      break;
    }
  }
  t += selfMs * (ownFailure ? 0 : 0.4);
  const failed = ownFailure || dependencyFailed;
  const statusCode = ownFailure ? (effect?.statusCode ?? 500) : dependencyTimedOut ? 504 : dependencyFailed ? 500 : 200;
  span.durationMs = t - startMs;
  span.error = failed;
  span.attributes = serverAttributes(ctx, ep, statusCode, span.spanId);
  return { durationMs: span.durationMs, failed, timedOut: false, statusCode };
}

function serverAttributes(
  ctx: RequestContext,
  ep: CompiledEndpoint,
  statusCode: number,
  spanId: string
): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> =
    ep.protocol === 'http'
      ? {
          'http.request.method': ep.method,
          'http.route': ep.route,
          'url.scheme': 'http',
          'server.port': 8080,
          'http.response.status_code': statusCode,
        }
      : ep.protocol === 'grpc'
        ? {
            'rpc.system': 'grpc',
            'rpc.service': ep.route,
            'rpc.method': ep.method,
            'rpc.grpc.status_code': GRPC_CODE[statusCode] ?? 2,
          }
        : {
            'messaging.system': 'kafka',
            'messaging.destination.name': ep.route,
            'messaging.operation.type': 'process',
            'messaging.operation.name': 'process',
            'messaging.consumer.group.name': ep.service.name,
          };
  if (statusCode >= 500) {
    attributes['error.type'] = String(statusCode);
  }
  if (ep.service.name === GATEWAY_SERVICE && ep.protocol === 'http') {
    attributes['http.request_id'] = requestId(ctx.traceId, spanId);
  }
  return attributes;
}

/** A UUID-shaped id, derived from the trace and span so it costs no extra random draws. */
function requestId(traceId: string, spanId: string): string {
  const hex = traceId.slice(0, 12) + spanId + traceId.slice(28);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function runCall(
  ctx: RequestContext,
  call: CompiledCall,
  caller: CompiledEndpoint,
  startMs: number,
  parentSpanId: string
): Outcome {
  const target: CompiledTarget = call.target;
  switch (target.type) {
    case 'endpoint':
      return callEndpoint(ctx, call, caller, target.endpoint, startMs, parentSpanId);
    case 'store':
      return callStore(ctx, call, caller, target, startMs, parentSpanId);
    case 'external':
      return callExternal(ctx, call, caller, target, startMs, parentSpanId);
    case 'publish':
      return publish(ctx, caller, target.topic, target.consumers, startMs, parentSpanId);
  }
}

function networkDelayMs(rng: Rng): number {
  return sampleLogNormal(rng, 0.3, 0.5);
}

function callEndpoint(
  ctx: RequestContext,
  call: CompiledCall,
  caller: CompiledEndpoint,
  callee: CompiledEndpoint,
  startMs: number,
  parentSpanId: string
): Outcome {
  const client = newSpan(ctx, caller, parentSpanId, 'client', callee.clientSpanName, startMs);
  const outbound = networkDelayMs(ctx.rng);
  const server = runEndpoint(ctx, callee, startMs + outbound, client.spanId, 'server');
  const durationMs = outbound + server.durationMs + networkDelayMs(ctx.rng);
  const timedOut = durationMs > call.timeoutMs;
  const statusCode = timedOut ? 0 : server.statusCode;
  client.durationMs = timedOut ? call.timeoutMs : durationMs;
  client.error = timedOut || server.failed;
  client.attributes =
    callee.protocol === 'grpc'
      ? {
          'rpc.system': 'grpc',
          'rpc.service': callee.route,
          'rpc.method': callee.method,
          'server.address': callee.service.name,
          'server.port': 9090,
          'rpc.grpc.status_code': GRPC_CODE[timedOut ? 504 : statusCode] ?? 2,
        }
      : {
          'http.request.method': callee.method,
          'url.template': callee.route,
          'server.address': callee.service.name,
          'server.port': 8080,
        };
  if (statusCode > 0 && callee.protocol === 'http') {
    client.attributes['http.response.status_code'] = statusCode;
  }
  if (client.error) {
    client.attributes['error.type'] = timedOut ? 'timeout' : String(statusCode);
  }
  return { durationMs: client.durationMs, failed: client.error, timedOut, statusCode };
}

/** A Kafka publish: a short PRODUCER span, then one CONSUMER span per consumer group after the lag. */
function publish(
  ctx: RequestContext,
  caller: CompiledEndpoint,
  topic: string,
  consumers: CompiledEndpoint[],
  startMs: number,
  parentSpanId: string
): Outcome {
  const { rng } = ctx;
  const producer = newSpan(ctx, caller, parentSpanId, 'producer', `send ${topic}`, startMs);
  const partition = String(sampleInt(rng, 0, KAFKA_PARTITIONS - 1));
  producer.durationMs = sampleLogNormal(rng, 1.5, 0.5);
  producer.attributes = {
    'messaging.system': 'kafka',
    'messaging.destination.name': topic,
    'messaging.operation.type': 'send',
    'messaging.operation.name': 'send',
    'messaging.destination.partition.id': partition,
    'server.address': 'kafka',
    'server.port': 9092,
  };
  const lag = ctx.effects.consumerLag ?? NORMAL_LAG;
  for (const consumer of consumers) {
    const consumedAt = startMs + producer.durationMs + sampleLogNormal(rng, lag.medianMs, lag.sigma);
    const before = ctx.spans.length;
    runEndpoint(ctx, consumer, consumedAt, producer.spanId, 'consumer');
    ctx.spans[before].attributes['messaging.destination.partition.id'] = partition;
  }
  // Consumers run on their own time: their outcome never reaches the producer.
  return { durationMs: producer.durationMs, failed: false, timedOut: false, statusCode: 0 };
}
