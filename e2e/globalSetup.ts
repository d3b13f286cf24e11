import fs from 'fs';
import path from 'path';
import { loadProvisionedDataSources } from '../sandbox/server/datasourceStore';
import { startSandboxServer } from '../sandbox/server/sandboxServer';
import { startJaegerReplay } from '../sandbox/jaeger-replay/src';
import { startTestPostgres } from '../testkit/postgres';
import { seedShopData } from '../provisioning/testing/seedShopData';

const ROOT = path.resolve(__dirname, '..');

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
  await seedShopData(databaseUrl, { endMs: seedEndMs, incidentMinutes: 5 });
  // Recorded traces are shifted to end now, plus a minute of demo-shop traces, so "Last 5 minutes" finds them.
  const jaeger = await startJaegerReplay({ port: 0, shiftToMs: seedEndMs, demoShop: { endMs: seedEndMs, durationMs: 60_000 } });
  const db = new URL(databaseUrl);
  const dataSources = loadProvisionedDataSources(path.join(ROOT, 'provisioning', 'datasources', 'kompas.yaml'), {
    KOMPAS_JAEGER_URL: jaeger.url,
    KOMPAS_PG_HOSTPORT: `${db.hostname}:${db.port}`,
    KOMPAS_PG_DATABASE: db.pathname.slice(1),
    KOMPAS_PG_USER: decodeURIComponent(db.username),
    KOMPAS_PG_PASSWORD: decodeURIComponent(db.password),
  });
  const sandbox = await startSandboxServer({ port: 0, rootDir: ROOT, dataSources });
  process.env.KOMPAS_SANDBOX_URL = sandbox.url;
  process.env.KOMPAS_JAEGER_URL = jaeger.url;
  fs.mkdirSync(path.join(ROOT, 'artifacts', 'screenshots'), { recursive: true });

  return async () => {
    await sandbox.close();
    await jaeger.close();
    await pg.stop();
  };
}
