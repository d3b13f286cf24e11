/*
 * `npm start`: builds the plugins and the host page when their sources changed, starts the Jaeger replay server,
 * and serves the sandbox on http://localhost:3030 (PORT to change it). A development tool, not part of the plugins.
 */
import { execSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { loadSandboxDataSources } from './sandboxDataSources';
import { startSandboxServer } from './sandboxServer';

const ROOT = path.resolve(__dirname, '..', '..');

/** Newest modification time among files and folders (walked, skipping node_modules and dot entries inside). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) {
      return;
    }
    if (!fs.statSync(dir).isDirectory()) {
      newest = Math.max(newest, fs.statSync(dir).mtimeMs);
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
  paths.forEach((p) => walk(path.join(ROOT, p)));
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

/** What a plugin build reads besides its sources: the build configuration and the installed dependencies. */
const BUILD_INPUTS = ['webpack.config.ts', '.config', 'package-lock.json', 'tsconfig.json'];

async function main(): Promise<void> {
  const shared = ['servicegraph', 'demo', ...BUILD_INPUTS];
  buildIfStale('datasource plugin', 'dist/kompas-dataflow-datasource/module.js', ['datasource', ...shared], 'npm run --silent build:datasource');
  buildIfStale('panel plugin', 'dist/kompas-dataflow-panel/module.js', ['panel', ...shared], 'npm run --silent build:panel');
  buildIfStale(
    'sandbox host page',
    'sandbox/public/host.js',
    ['sandbox/src', 'sandbox/webpack.config.ts', 'package-lock.json'],
    'npm run --silent build:sandbox'
  );

  const jaegerUrl = await startJaeger();
  const pg = process.env.KOMPAS_PG_URL ? new URL(process.env.KOMPAS_PG_URL) : undefined;
  const dataSources = loadSandboxDataSources(ROOT, {
    jaegerUrl,
    postgresUrl: process.env.KOMPAS_PG_URL,
    postgresSslMode: process.env.KOMPAS_PG_SSLMODE,
  });
  const server = await startSandboxServer({
    port: Number(process.env.PORT ?? 3030),
    host: process.env.HOST ?? '127.0.0.1',
    rootDir: ROOT,
    dataSources,
  });
  console.log(`Kompas sandbox: ${server.url.replace('127.0.0.1', 'localhost')}`);
  console.log(`  Jaeger: ${jaegerUrl ?? 'not started'}   PostgreSQL: ${pg ? pg.host : 'not configured (set KOMPAS_PG_URL)'}`);
  console.log(`  Default datasource: ${dataSources.find((ds) => ds.isDefault)?.name ?? 'none'}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`sandbox: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
