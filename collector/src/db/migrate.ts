/**
 * Versioned, idempotent schema migrations. Each `NNNN_name.sql` in collector/migrations runs once, in a
 * transaction, recorded in kompas.schema_migrations with a checksum; an advisory lock keeps several
 * collectors starting at once from racing. Re-running is a no-op; an edited, already-applied file is an error.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

export const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

/** Arbitrary constant shared by all Kompas collectors: the advisory lock id for migrations. */
const MIGRATION_LOCK_ID = 7_346_219_004;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Reads `NNNN_name.sql` files in version order. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql'));
  const migrations = files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) {
      throw new MigrationError(`${join(dir, file)}: migration files must be named NNNN_name.sql`);
    }
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version: Number(match[1]), name: match[2], sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1].version === m.version) {
      throw new MigrationError(`${dir}: two migrations have version ${m.version}`);
    }
  });
  return migrations;
}

/** The whole schema as one script (what collector/schema.sql holds). */
export function renderSchema(migrations: Migration[] = loadMigrations()): string {
  const header =
    '-- Kompas schema, generated from collector/migrations by\n' +
    '-- `npx tsx collector/src/migrate.ts --print > collector/schema.sql`.\n' +
    '-- Apply with `tsx collector/src/migrate.ts` (records versions) rather than psql where possible.\n';
  return header + migrations.map((m) => `\n-- ==== ${String(m.version).padStart(4, '0')}_${m.name}.sql ====\n${m.sql}`).join('');
}

export interface MigrateResult {
  applied: number[];
  skipped: number[];
}

/** Brings the database up to the newest migration. Safe to call from every collector at start. */
export async function migrate(pool: Pool, migrations: Migration[] = loadMigrations()): Promise<MigrateResult> {
  const client = await pool.connect();
  const result: MigrateResult = { applied: [], skipped: [] };
  // A server restart mid-migration surfaces through the failing query; the event alone must not crash.
  const onError = (): void => undefined;
  client.on('error', onError);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query('CREATE SCHEMA IF NOT EXISTS kompas');
    await client.query(`CREATE TABLE IF NOT EXISTS kompas.schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await client.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM kompas.schema_migrations'
    );
    const applied = new Map(done.rows.map((row) => [row.version, row.checksum]));
    for (const m of migrations) {
      const checksum = applied.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new MigrationError(
            `migration ${String(m.version).padStart(4, '0')}_${m.name}.sql was changed after it was applied; add a new migration instead`
          );
        }
        result.skipped.push(m.version);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO kompas.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new MigrationError(`migration ${String(m.version).padStart(4, '0')}_${m.name}.sql failed: ${(err as Error).message}`);
      }
      result.applied.push(m.version);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.removeListener('error', onError);
    client.release();
  }
}
