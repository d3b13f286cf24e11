/**
 * Fills a PostgreSQL database with edge tables written by the real Kompas collector from the demo shop:
 * an hour of normal traffic ending `incidentMinutes` before `endMs`, then the payments-db-locking incident
 * until `endMs`. For browser tests of the "Shop dataflow" dashboard (its map, side panels and alert SQL
 * then have something to show), and for the alert rule tests.
 */
import { Pool } from 'pg';
import { migrate } from '../../collector/src/db/migrate';
import { startCollector } from '../../collector/src/service';
import { testCollectorConfig } from '../../collector/src/testing/collectorHarness';
import { sendShopTraffic, type TrafficPhase } from './shopTraffic';

/** The demo shop seed of the seeded traffic unless a caller picks another. */
export const DEFAULT_SEED = 21;

export interface SeedOptions {
  /** End of the seeded traffic (ms since epoch), e.g. Date.now(). */
  endMs: number;
  /** Minutes of payments-db-locking before endMs (0 = normal traffic only). Default 5. */
  incidentMinutes?: number;
  /** Requests per second (default 4). */
  ratePerSecond?: number;
  seed?: number;
}

export function seedPhases(options: SeedOptions): TrafficPhase[] {
  const minute = 60_000;
  const rate = options.ratePerSecond ?? 4;
  const incidentStart = options.endMs - (options.incidentMinutes ?? 5) * minute;
  const phases: TrafficPhase[] = [
    { fromMs: incidentStart - 60 * minute, toMs: incidentStart, ratePerSecond: rate, incidents: [] },
  ];
  if (incidentStart < options.endMs) {
    phases.push({
      fromMs: incidentStart,
      toMs: options.endMs,
      ratePerSecond: rate,
      incidents: ['payments-db-locking'],
    });
  }
  return phases;
}

/** Migrates the database, runs a collector against it, sends the phases and stops it (flushing). Returns spans sent. */
export async function seedShopData(databaseUrl: string, options: SeedOptions): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  const collector = await startCollector(testCollectorConfig(databaseUrl, { collectorId: 'kompas-seed' }), {
    processMetrics: false,
    log: () => undefined,
  });
  try {
    return await sendShopTraffic(collector.url, seedPhases(options), options.seed ?? DEFAULT_SEED);
  } finally {
    await collector.stop();
  }
}
