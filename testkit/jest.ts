/**
 * Jest wiring for the PostgreSQL harness: one cluster per test file, started in beforeAll and always
 * stopped in afterAll (and by the harness's watchdog if the worker dies).
 */
import { startTestPostgres, TestPostgres, TestPostgresOptions } from './postgres';

/** initdb + start takes about a second, but a busy 2-core CI machine can be much slower. */
export const POSTGRES_SETUP_TIMEOUT_MS = 120_000;

/**
 * Call at the top of a test file (or describe block). The returned handle's `pg` is set once
 * beforeAll ran; each test can take a fresh database with `await handle.pg.createDatabase()`.
 */
export function setupTestPostgres(options?: TestPostgresOptions): { readonly pg: TestPostgres } {
  let current: TestPostgres | undefined;
  beforeAll(async () => {
    current = await startTestPostgres(options);
  }, POSTGRES_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await current?.stop();
  }, POSTGRES_SETUP_TIMEOUT_MS);
  return {
    get pg(): TestPostgres {
      if (!current) {
        throw new Error('setupTestPostgres: the cluster is not started (use it inside tests, not at collection time)');
      }
      return current;
    },
  };
}
