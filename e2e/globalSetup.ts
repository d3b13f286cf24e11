import fs from 'fs';
import path from 'path';
import { loadProvisionedDataSources, StoredDataSource } from '../sandbox/server/datasourceStore';
import { startSandboxServer } from '../sandbox/server/sandboxServer';
import { startJaegerReplay } from '../sandbox/jaeger-replay/src';
import { startTestPostgres } from '../testkit/postgres';
import { seedShopData } from '../provisioning/testing/seedShopData';
import { seedShopTraces } from '../provisioning/testing/seedShopTraces';

const ROOT = path.resolve(__dirname, '..');
/** Minutes of payments-db-locking at the end of the seeded hour (e2e/shopExpectations.ts counts the same). */
const INCIDENT_MINUTES = 5;
const TIMESCALE_UID = 'kompas-timescale';

function withJaegerUrl(ds: StoredDataSource, url: string): StoredDataSource {
  return { ...ds, url, jsonData: { ...ds.jsonData, jaegerUrl: url } };
}

function requireBuilt(file: string): void {
  if (!fs.existsSync(path.join(ROOT, file))) {
    throw new Error(`${file} is missing: run "npm run build && npm run build:sandbox" before the browser tests`);
  }
}

/** Starts PostgreSQL, the Jaeger replay server and the sandbox; returns the teardown Playwright calls at the end. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  requireBuilt('dist/kompas-dataflow-datasource/module.js');
  requireBuilt('dist/kompas-dataflow-panel/module.js');
  requireBuilt('sandbox/public/host.js');

  const pg = await startTestPostgres();
  const databaseUrl = await pg.createDatabase('kompas_e2e');
  process.env.KOMPAS_E2E_PG_URL = databaseUrl;
  // An hour of demo-shop traffic written by the real collector, ending in 5 minutes of payments-db-locking:
  // what the Timescale datasource, the "Shop dataflow" dashboard and the alert SQL read in the browser tests.
  const seedEndMs = Date.now();
  process.env.KOMPAS_E2E_SEED_END_MS = String(seedEndMs);
  const seed = { endMs: seedEndMs, incidentMinutes: INCIDENT_MINUTES };
  await seedShopData(databaseUrl, seed);
  // The Jaeger stand-ins serve the same shop traffic, so the trace ids the edge tables keep as exemplars are
  // traces Jaeger has. Jaeger mode searches every service: its stand-in keeps the recorded traces (shifted to
  // end now) and only the last minute of the shop. Timescale mode only looks traces up by id ("Show an example
  // request"): its stand-in also holds every seeded request of the minutes the dashboard's live window covers.
  const jaeger = await startJaegerReplay({
    port: 0,
    shiftToMs: seedEndMs,
    extraTraces: seedShopTraces(seed, seedEndMs - 60_000, seedEndMs),
  });
  const exemplarJaeger = await startJaegerReplay({
    port: 0,
    shiftToMs: seedEndMs,
    extraTraces: seedShopTraces(seed, seedEndMs - (INCIDENT_MINUTES + 2) * 60_000, seedEndMs),
  });
  const db = new URL(databaseUrl);
  const dataSources = loadProvisionedDataSources(path.join(ROOT, 'provisioning', 'datasources', 'kompas.yaml'), {
    KOMPAS_JAEGER_URL: jaeger.url,
    KOMPAS_PG_HOSTPORT: `${db.hostname}:${db.port}`,
    KOMPAS_PG_DATABASE: db.pathname.slice(1),
    KOMPAS_PG_USER: decodeURIComponent(db.username),
    KOMPAS_PG_PASSWORD: decodeURIComponent(db.password),
  }).map((ds) => (ds.uid === TIMESCALE_UID ? withJaegerUrl(ds, exemplarJaeger.url) : ds));
  const sandbox = await startSandboxServer({ port: 0, rootDir: ROOT, dataSources });
  process.env.KOMPAS_SANDBOX_URL = sandbox.url;
  process.env.KOMPAS_JAEGER_URL = jaeger.url;
  fs.mkdirSync(path.join(ROOT, 'artifacts', 'screenshots'), { recursive: true });

  return async () => {
    await sandbox.close();
    await jaeger.close();
    await exemplarJaeger.close();
    await pg.stop();
  };
}
