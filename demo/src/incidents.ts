/**
 * Switchable incidents: what each one does to the shop, as data the emitter applies per request.
 */

export type IncidentName = 'payments-db-locking' | 'inventory-errors' | 'kafka-consumer-lag';

export interface IncidentDescriptor {
  name: IncidentName;
  /** Short human label for a switch. */
  label: string;
  description: string;
}

export interface StoreEffect {
  latencyFactor: number;
  errorRate: number;
  errorType: string;
  errorMessage: string;
}

export interface ServiceEffect {
  errorRate: number;
  statusCode: number;
}

export interface LagEffect {
  medianMs: number;
  sigma: number;
}

/** The combined effect of the incidents active for one request. */
export interface IncidentEffects {
  stores: Record<string, StoreEffect>;
  services: Record<string, ServiceEffect>;
  consumerLag?: LagEffect;
}

export const INCIDENTS: readonly IncidentDescriptor[] = [
  {
    name: 'payments-db-locking',
    label: 'Payments DB locking',
    description:
      'Row locks on payments-db make its queries 20x slower; some hit the lock timeout, payments and orders time out and checkout fails at the gateway.',
  },
  {
    name: 'inventory-errors',
    label: 'Inventory errors',
    description:
      'inventory answers 503 for 40% of requests; add to cart and checkout fail, product pages lose stock info.',
  },
  {
    name: 'kafka-consumer-lag',
    label: 'Kafka consumer lag',
    description:
      'Consumers of order-events and clickstream fall behind: messages are processed about 45 s after they are produced.',
  },
];

const EFFECTS: Record<IncidentName, Partial<IncidentEffects>> = {
  'payments-db-locking': {
    stores: {
      'payments-db': {
        latencyFactor: 20,
        errorRate: 0.04,
        errorType: '55P03',
        errorMessage: 'canceling statement due to lock timeout',
      },
    },
  },
  'inventory-errors': { services: { inventory: { errorRate: 0.4, statusCode: 503 } } },
  'kafka-consumer-lag': { consumerLag: { medianMs: 45000, sigma: 0.25 } },
};

export const NO_EFFECTS: IncidentEffects = { stores: {}, services: {} };

export function isIncidentName(name: string): name is IncidentName {
  return INCIDENTS.some((incident) => incident.name === name);
}

/** Merges the effects of the given incidents (names must be valid). */
export function combineEffects(names: readonly IncidentName[]): IncidentEffects {
  const combined: IncidentEffects = { stores: {}, services: {} };
  for (const name of names) {
    const effect = EFFECTS[name];
    Object.assign(combined.stores, effect.stores);
    Object.assign(combined.services, effect.services);
    combined.consumerLag = effect.consumerLag ?? combined.consumerLag;
  }
  return combined;
}
