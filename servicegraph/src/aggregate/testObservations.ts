/** Observation builders and generators shared by the aggregation and frames tests. */
import fc from 'fast-check';

import type { ConnectionType, EdgeObservation } from '../types';

export function observation(
  overrides: Partial<EdgeObservation> & Pick<EdgeObservation, 'clientService' | 'serverService'>
): EdgeObservation {
  return {
    connectionType: '',
    traceId: 'trace-1',
    timeMs: 1_700_000_000_000,
    latencyMs: 10,
    failed: false,
    ...overrides,
  };
}

const services = ['user', 'frontend', 'orders', 'payments', 'postgres', 'kafka', 'stripe'];

/** Random observations over a small web shop, so edges repeat and windows overlap. */
export const observationArbitrary: fc.Arbitrary<EdgeObservation> = fc.record({
  clientService: fc.constantFrom(...services),
  serverService: fc.constantFrom(...services),
  connectionType: fc.constantFrom<ConnectionType>('', 'database', 'messaging_system', 'virtual_node'),
  traceId: fc.stringMatching(/^[0-9a-f]{1,4}$/),
  timeMs: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_060_000 }),
  latencyMs: fc.double({ min: 0, max: 5_000, noNaN: true }),
  failed: fc.boolean(),
  lag: fc.double({ min: 0, max: 60_000, noNaN: true }),
}).map(({ lag, ...obs }) => (obs.connectionType === 'messaging_system' ? { ...obs, messagingLagMs: lag } : obs));

export const observationsArbitrary = fc.array(observationArbitrary, { maxLength: 40 });
