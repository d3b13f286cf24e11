/*
 * `npm start`: builds the plugins and the host page when their sources changed, starts the Jaeger replay server,
 * and serves the sandbox on http://localhost:3030 (PORT to change it). A development tool, not part of the plugins.
 */
import { execSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { loadProvisionedDataSources } from './datasourceStore';
import { startSandboxServer } from './sandboxServer';

const ROOT = path.resolve(__dirname, '..', '..');

function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) {
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) {
        continue;
      }
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  dirs.forEach((d) => walk(path.join(ROOT, d)));
  return newest;
}

function mtimeOf(file: string): number {
  const full = path.join(ROOT, file);
  return fs.existsSync(full) ? fs.statSync(full).mtimeMs : 0;
}

function buildIfStale(label: string, output: string, sources: string[], command: string): void {
  if (mtimeOf(output) >= newestMtime(sources)) {
    console.log(`${label}: up to date`);
    return;
  }
  console.log(`${label}: building…`);
  execSync(command, { cwd: ROOT, stdio: 'inherit' });
}

async function startJaeger(): Promise<string | undefined> {
  if (process.env.KOMPAS_JAEGER_URL) {
    return process.env.KOMPAS_JAEGER_URL;
  }
  const modulePath = path.join(ROOT, 'sandbox', 'jaeger-replay', 'src', 'index.ts');
  if (!fs.existsSync(modulePath)) {
    return undefined;
  }
  const { startJaegerReplay } = await import(modulePath);
  const now = Date.now();
  // Recorded traces shifted to end now, plus a minute of demo-shop traces, so recent time ranges find them.
  const replay = await startJaegerReplay({
    port: Number(process.env.KOMPAS_JAEGER_PORT ?? 16686),
    shiftToMs: now,
    demoShop: { endMs: now, durationMs: 60_000 },
  });
  return replay.url;
}

async function main(): Promise<void> {
  const shared = ['servicegraph', 'demo'];
  buildIfStale('datasource plugin', 'dist/kompas-dataflow-datasource/module.js', ['datasource', ...shared], 'npm run --silent build:datasource');
  buildIfStale('panel plugin', 'dist/kompas-dataflow-panel/module.js', ['panel', ...shared], 'npm run --silent build:panel');
  buildIfStale('sandbox host page', 'sandbox/public/host.js', ['sandbox/src'], 'npm run --silent build:sandbox');

  const jaegerUrl = await startJaeger();
  const pg = process.env.KOMPAS_PG_URL ? new URL(process.env.KOMPAS_PG_URL) : undefined;
  const env = {
    ...process.env,
    KOMPAS_JAEGER_URL: jaegerUrl ?? '',
    KOMPAS_PG_HOSTPORT: pg ? `${pg.hostname}:${pg.port || 5432}` : '',
    KOMPAS_PG_DATABASE: pg ? decodeURIComponent(pg.pathname.slice(1)) : '',
    KOMPAS_PG_USER: pg ? decodeURIComponent(pg.username) : '',
    KOMPAS_PG_PASSWORD: pg ? decodeURIComponent(pg.password) : '',
  };
  const dataSources = loadProvisionedDataSources(path.join(ROOT, 'provisioning', 'datasources', 'kompas.yaml'), env);
  const server = await startSandboxServer({
    port: Number(process.env.PORT ?? 3030),
    host: process.env.HOST ?? '127.0.0.1',
    rootDir: ROOT,
    dataSources,
  });
  console.log(`Kompas sandbox: ${server.url.replace('127.0.0.1', 'localhost')}`);
  console.log(`  Jaeger: ${jaegerUrl ?? 'not started'}   PostgreSQL: ${pg ? pg.host : 'not configured (set KOMPAS_PG_URL)'}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`sandbox: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
