/**
 * Data without span kinds (plain Jaeger, OTLP kind 0): a CHILD_OF parent in another service gives the
 * edge parentService → childService. Applies only when both spans lack a kind, so kinded data never
 * double-counts a call; FOLLOWS_FROM children are not calls and give no edge.
 */
import type { EdgeObservation, Span } from '../types';

export function isKindless(span: Span): boolean {
  return span.kind === 'unspecified';
}

export function kindlessObservation(parent: Span, child: Span): EdgeObservation | undefined {
  if (child.followsFrom || parent.service === child.service) {
    return undefined;
  }
  return {
    clientService: parent.service,
    serverService: child.service,
    connectionType: '',
    traceId: child.traceId,
    timeMs: parent.startMs,
    latencyMs: child.durationMs,
    failed: parent.error || child.error,
    clientLatencyMs: parent.durationMs,
  };
}
