/**
 * `tsx collector/src/migrate.ts`          applies pending migrations to $KOMPAS_DATABASE_URL
 * `tsx collector/src/migrate.ts --print`  prints the whole schema (collector/schema.sql) without a database
 */
import { Pool } from 'pg';
import { migrate, renderSchema } from './db/migrate';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--print')) {
    process.stdout.write(renderSchema());
    return 0;
  }
  const url = process.env.KOMPAS_DATABASE_URL;
  if (!url) {
    console.error('migrate: set KOMPAS_DATABASE_URL (e.g. postgres://user:pass@localhost:5432/kompas)');
    return 2;
  }
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const result = await migrate(pool);
    console.log(`migrate: applied ${JSON.stringify(result.applied)}, already present ${JSON.stringify(result.skipped)}`);
    return 0;
  } catch (err) {
    console.error(`migrate: ${(err as Error).message}`);
    return 1;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
