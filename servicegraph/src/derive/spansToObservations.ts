/**
 * Batch derivation: all spans of a dump → edge observations. Runs the streaming store with no TTL and no
 * size limit, pairing deferred to the final flush, so the result does not depend on span order.
 */
import type { EdgeObservation, Span } from '../types';
import { createEdgeStore } from './edgeStore';
import type { UnpairedOptions } from './virtualNodes';

export function spansToObservations(spans: readonly Span[], options: UnpairedOptions = {}): EdgeObservation[] {
  const observations: EdgeObservation[] = [];
  const store = createEdgeStore({
    ttlMs: Infinity,
    maxItems: Infinity,
    deferPairing: true,
    unnamedPeer: options.unnamedPeer,
    onComplete: (observation) => observations.push(observation),
  });
  for (let i = 0; i < spans.length; i++) {
    store.addSpan(spans[i], 0);
  }
  store.flush();
  return observations;
}
