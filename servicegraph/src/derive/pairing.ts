/**
 * Pairing rules (OpenTelemetry servicegraph connector): a CLIENT or PRODUCER span pairs with each SERVER or
 * CONSUMER span whose parent it is → edge clientService → serverService, `messaging_system` when either side
 * is a producer/consumer. Services may be equal (a service calling itself is still a call). Kind-less
 * parent/child pairs go to the kind-less rule; mixed pairs (e.g. INTERNAL parent of a SERVER) give no edge.
 */
import type { EdgeObservation, Span, SpanKind } from '../types';
import { isKindless, kindlessObservation } from './kindlessRule';

/** Spans that others can be paired to by their own span id. */
export function isParentRole(kind: SpanKind): boolean {
  return kind === 'client' || kind === 'producer' || kind === 'unspecified';
}

/** Spans that are paired to their parent span id. */
export function isChildRole(kind: SpanKind): boolean {
  return kind === 'server' || kind === 'consumer' || kind === 'unspecified';
}

/** True when `child` answers the kinded `parent` (so the parent is not "unpaired"). */
export function isKindedPair(parent: Span, child: Span): boolean {
  return (
    (parent.kind === 'client' || parent.kind === 'producer') && (child.kind === 'server' || child.kind === 'consumer')
  );
}

export function pairObservation(parent: Span, child: Span): EdgeObservation | undefined {
  if (isKindedPair(parent, child)) {
    const messaging = parent.kind === 'producer' || child.kind === 'consumer';
    const observation: EdgeObservation = {
      clientService: parent.service,
      serverService: child.service,
      connectionType: messaging ? 'messaging_system' : '',
      traceId: parent.traceId,
      // The caller's clock: a skewed server clock does not move the request to another window.
      timeMs: parent.startMs,
      // Durations come from each span's own clock, so clock skew between hosts does not distort latency.
      latencyMs: child.durationMs,
      failed: parent.error || child.error,
      clientLatencyMs: parent.durationMs,
    };
    if (messaging) {
      // Across two hosts' clocks, so clamp: a consumer cannot start before the message was produced.
      observation.messagingLagMs = Math.max(0, child.startMs - (parent.startMs + parent.durationMs));
    }
    return observation;
  }
  if (isKindless(parent) && isKindless(child)) {
    return kindlessObservation(parent, child);
  }
  return undefined;
}
