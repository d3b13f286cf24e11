/**
 * Throwaway PostgreSQL clusters for tests and benchmarks.
 *
 * Each call to `startTestPostgres()` runs `initdb` into a fresh temp directory and starts a postmaster on
 * 127.0.0.1 with a free port and trust auth. Postgres refuses to run as root, so when we are root the
 * binaries run as the `postgres` OS user (via `runuser`). A detached watchdog deletes the cluster when
 * the owning Node process dies for any reason (test failure, SIGKILL of a jest worker), so nothing leaks.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

/** A running throwaway cluster. */
export interface TestPostgres {
  /** Connection URL of the default `postgres` database. */
  url: string;
  port: number;
  host: string;
  /** Temp directory holding the data dir, the socket and the server log. */
  baseDir: string;
  /** Creates an empty database (random name unless given) and returns its connection URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the postmaster but keeps the data (for fault tests); `startServer()` brings it back on the same port. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Stops the cluster and deletes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface TestPostgresOptions {
  /** Directory of initdb/pg_ctl; default `$KOMPAS_PG_BIN`, then /usr/lib/postgresql/15/bin. */
  binDir?: string;
  /** Extra `postgresql.conf` settings, e.g. `{ max_connections: '50' }`. */
  settings?: Record<string, string>;
}

const DEFAULT_BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];
const PG_USER = 'postgres';

/** Durability is pointless for throwaway data; these settings make start and writes fast. */
const FAST_SETTINGS: Record<string, string> = {
  listen_addresses: "'127.0.0.1'",
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  shared_buffers: '32MB',
  max_connections: '100',
  max_wal_size: '1GB',
  log_min_messages: 'warning',
  timezone: "'UTC'",
};

/** Finds initdb/pg_ctl; throws a message that says how to install them. */
export function findPostgresBinDir(explicit?: string, defaults: string[] = DEFAULT_BIN_DIRS): string {
  const candidates = [explicit, process.env.KOMPAS_PG_BIN, ...defaults].filter(Boolean) as string[];
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      `PostgreSQL server binaries not found (looked for initdb and pg_ctl in ${candidates.join(', ')}). ` +
        'Install postgresql: apt-get install -y postgresql (or set KOMPAS_PG_BIN).'
    );
  }
  return found;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a PostgreSQL binary, as the postgres OS user when we are root. */
async function runPg(bin: string, args: string[]): Promise<void> {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', PG_USER, '--', bin, ...args]] : [bin, args];
  try {
    await execFileAsync(cmd, argv, { env: { ...process.env, LC_ALL: 'C' } });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin} ${args[0] ?? ''} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUid(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', PG_USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', PG_USER]).toString().trim());
  return { uid, gid };
}

/**
 * Watches this process from outside: when it is gone (or the directory was removed by `stop()`), stops
 * the postmaster and deletes the directory. Runs detached so it survives a SIGKILL of the test process.
 */
function spawnWatchdog(pgCtl: string, baseDir: string, dataDir: string): void {
  const asPg = isRoot() ? `runuser -u ${PG_USER} -- ` : '';
  const script =
    `while kill -0 ${process.pid} 2>/dev/null && [ -d '${baseDir}' ]; do sleep 1; done; ` +
    `[ -d '${dataDir}' ] && ${asPg}'${pgCtl}' stop -D '${dataDir}' -m immediate >/dev/null 2>&1; ` +
    `rm -rf '${baseDir}'`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
}

function databaseUrl(port: number, database: string): string {
  return `postgres://${PG_USER}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

let databaseCounter = 0;

/** Starts a fresh cluster. Takes about a second with the fast settings. */
export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const binDir = findPostgresBinDir(options.binDir);
  const initdb = join(binDir, 'initdb');
  const pgCtl = join(binDir, 'pg_ctl');
  const baseDir = mkdtempSync(join(tmpdir(), 'kompas-pg-'));
  const dataDir = join(baseDir, 'data');
  const logFile = join(baseDir, 'server.log');
  if (isRoot()) {
    const { uid, gid } = postgresUid();
    chownSync(baseDir, uid, gid);
  }
  spawnWatchdog(pgCtl, baseDir, dataDir);

  let stopped = false;
  try {
    await runPg(initdb, ['-D', dataDir, '-U', PG_USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  } catch (err) {
    rmSync(baseDir, { recursive: true, force: true });
    throw err;
  }

  const port = await findFreePort();
  const settings = { ...FAST_SETTINGS, port: String(port), unix_socket_directories: `'${baseDir}'`, ...options.settings };
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    '\n# kompas testkit\n' + Object.entries(settings).map(([k, v]) => `${k} = ${v}`).join('\n') + '\n'
  );

  const startServer = async (): Promise<void> => {
    await runPg(pgCtl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60']);
  };
  const stopServer = async (): Promise<void> => {
    await runPg(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60']);
  };

  try {
    await startServer();
  } catch (err) {
    rmSync(baseDir, { recursive: true, force: true });
    throw err;
  }

  const cleanupSync = (): void => {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      const [cmd, argv] = isRoot()
        ? ['runuser', ['-u', PG_USER, '--', pgCtl, 'stop', '-D', dataDir, '-m', 'immediate']]
        : [pgCtl, ['stop', '-D', dataDir, '-m', 'immediate']];
      execFileSync(cmd, argv, { stdio: 'ignore' });
    } catch {
      // Already stopped (e.g. by a fault test); deleting the directory is what matters.
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  process.once('exit', cleanupSync);

  const createDatabase = async (name?: string): Promise<string> => {
    const database = name ?? `test_${process.pid}_${++databaseCounter}_${Math.random().toString(36).slice(2, 8)}`;
    const client = new Client({ connectionString: databaseUrl(port, 'postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
    return databaseUrl(port, database);
  };

  const stop = async (): Promise<void> => {
    if (stopped) {
      return;
    }
    stopped = true;
    process.removeListener('exit', cleanupSync);
    try {
      await runPg(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
    } catch {
      // Not running (stopServer() was called last): just delete.
    }
    rmSync(baseDir, { recursive: true, force: true });
  };

  return {
    url: databaseUrl(port, 'postgres'),
    port,
    host: '127.0.0.1',
    baseDir,
    createDatabase,
    stopServer,
    startServer,
    stop,
  };
}
