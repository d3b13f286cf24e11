/**
 * What servicegraph derives from the very spans globalSetup sent to the collector (same seed, phases and
 * shop), computed in the test process: the reference the Timescale map must match.
 */
import { createShop } from '../demo/src/shop';
import { spansToObservations } from '../servicegraph/src/derive/spansToObservations';
import { DEFAULT_SEED, seedPhases } from '../provisioning/testing/seedShopData';

export interface ExpectedEdge {
  client: string;
  server: string;
  requests: number;
  failed: number;
}

/** globalSetup's seed: seedShopData's defaults (4 requests/s), 5 incident minutes. */
const SEED = DEFAULT_SEED;
const INCIDENT_MINUTES = 5;
/** Requests derived together: traces never span requests, so batches give the same pairs as one big call. */
const BATCH = 150;

export function seedEndMs(): number {
  const end = Number(process.env.KOMPAS_E2E_SEED_END_MS);
  if (!Number.isFinite(end) || end <= 0) {
    throw new Error(
      'KOMPAS_E2E_SEED_END_MS is not set: run through e2e/playwright.config.ts (globalSetup seeds PostgreSQL)'
    );
  }
  return end;
}

/** Edges (client → server) of the whole seeded traffic with their request and failure counts, busiest first. */
export function expectedSeedEdges(endMs = seedEndMs()): ExpectedEdge[] {
  const totals = new Map<string, ExpectedEdge>();
  for (const phase of seedPhases({ endMs, incidentMinutes: INCIDENT_MINUTES })) {
    const shop = createShop({
      seed: SEED,
      ratePerSecond: phase.ratePerSecond,
      diurnal: false,
      incidents: phase.incidents,
    });
    const requests = shop.requestsBetween(phase.fromMs, phase.toMs);
    for (let i = 0; i < requests.length; i += BATCH) {
      const spans = requests.slice(i, i + BATCH).flatMap((r) => r.spans);
      for (const obs of spansToObservations(spans)) {
        const key = `${obs.clientService}\u0000${obs.serverService}`;
        const edge = totals.get(key) ?? {
          client: obs.clientService,
          server: obs.serverService,
          requests: 0,
          failed: 0,
        };
        edge.requests += 1;
        edge.failed += obs.failed ? 1 : 0;
        totals.set(key, edge);
      }
    }
  }
  return [...totals.values()].sort((a, b) => b.requests - a.requests);
}
