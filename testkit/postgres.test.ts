/**
 * @jest-environment node
 */
import { Client } from 'pg';
import { setupTestPostgres } from './jest';
import { findPostgresBinDir } from './postgres';

const handle = setupTestPostgres();

async function queryOne(url: string, sql: string): Promise<Record<string, unknown>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0];
  } finally {
    await client.end();
  }
}

describe('startTestPostgres', () => {
  it('serves a PostgreSQL 15+ database on 127.0.0.1', async () => {
    const row = await queryOne(handle.pg.url, 'SHOW server_version_num');
    expect(Number(row.server_version_num)).toBeGreaterThanOrEqual(150000);
    expect(handle.pg.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
  });

  it('creates separate databases', async () => {
    const a = await handle.pg.createDatabase();
    const b = await handle.pg.createDatabase('named_db');
    expect(a).not.toEqual(b);
    expect(b.endsWith('/named_db')).toBe(true);
    const row = await queryOne(b, 'SELECT current_database() AS db');
    expect(row.db).toBe('named_db');
  });

  it('can be stopped and started again on the same port with the data kept', async () => {
    const url = await handle.pg.createDatabase();
    await queryOne(url, 'CREATE TABLE kept AS SELECT 7 AS x');
    await handle.pg.stopServer();
    await expect(queryOne(url, 'SELECT 1')).rejects.toThrow();
    await handle.pg.startServer();
    const row = await queryOne(url, 'SELECT x FROM kept');
    expect(row.x).toBe(7);
  }, 60_000);

  it('names the missing binaries and how to install them', () => {
    const saved = process.env.KOMPAS_PG_BIN;
    delete process.env.KOMPAS_PG_BIN;
    try {
      expect(() => findPostgresBinDir('/nonexistent/bin', [])).toThrow(/apt-get install -y postgresql/);
      expect(findPostgresBinDir('/nonexistent/bin')).toMatch(/postgresql\/\d+\/bin$/);
    } finally {
      if (saved !== undefined) {
        process.env.KOMPAS_PG_BIN = saved;
      }
    }
  });
});
