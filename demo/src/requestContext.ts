/**
 * The state shared while one request's spans are emitted, and the span constructor.
 */
import type { Span, SpanKind } from '../../servicegraph/src/types';
import type { CompiledEndpoint } from './compileShop';
import type { IncidentEffects } from './incidents';
import { randomHex, type Rng } from './random';

export interface RequestContext {
  rng: Rng;
  traceId: string;
  spans: Span[];
  effects: IncidentEffects;
  /** Multiplier on handlers' own work: busy hours are a little slower. */
  loadFactor: number;
}

/** What a caller learns from a call. */
export interface Outcome {
  durationMs: number;
  failed: boolean;
  timedOut: boolean;
  /** HTTP status the callee answered with (0 when it never answered). */
  statusCode: number;
}

/** Creates a span of the endpoint's service (duration, status and attributes are filled in later) and records it. */
export function newSpan(
  ctx: RequestContext,
  endpointOrService: CompiledEndpoint,
  parentSpanId: string,
  kind: SpanKind,
  name: string,
  startMs: number
): Span {
  const span: Span = {
    traceId: ctx.traceId,
    spanId: randomHex(ctx.rng, 8),
    parentSpanId,
    followsFrom: false,
    service: endpointOrService.service.name,
    name,
    kind,
    startMs,
    durationMs: 0,
    error: false,
    attributes: {},
    resource: endpointOrService.resource,
  };
  ctx.spans.push(span);
  return span;
}
