import type { Span } from '../types';
import { DERIVATION_ATTRIBUTES } from '../parse/scan/derivationAttributes';

/**
 * Total order used to pick one copy of a duplicated span id, independent of arrival order. It looks only at
 * what derivation reads, so full and scanned (lean) spans pick the same copy.
 */
export function compareSpans(a: Span, b: Span): number {
  if (a.startMs !== b.startMs) {
    return a.startMs < b.startMs ? -1 : 1;
  }
  if (a.durationMs !== b.durationMs) {
    return a.durationMs < b.durationMs ? -1 : 1;
  }
  if (a.service !== b.service) {
    return a.service < b.service ? -1 : 1;
  }
  if (a.kind !== b.kind) {
    return a.kind < b.kind ? -1 : 1;
  }
  if (a.error !== b.error) {
    return a.error ? 1 : -1;
  }
  const signatureA = derivationSignature(a);
  const signatureB = derivationSignature(b);
  return signatureA < signatureB ? -1 : signatureA > signatureB ? 1 : 0;
}

function derivationSignature(span: Span): string {
  return JSON.stringify(DERIVATION_ATTRIBUTES.map((key) => span.attributes[key] ?? null));
}
