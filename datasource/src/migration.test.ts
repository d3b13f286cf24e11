import { MIN_CADENCE_MS, MIN_WINDOW_MS, QUERY_SCHEMA_VERSION } from './defaults';
import { migrateQuery } from './migration';

describe('migrateQuery', () => {
  it('turns a bare new query into the default source query', () => {
    const query = migrateQuery({ refId: 'B' }, 'demo');
    expect(query).toMatchObject({
      refId: 'B',
      source: 'demo',
      streaming: true,
      windowMs: 300_000,
      cadenceMs: 1000,
      pluginVersion: QUERY_SCHEMA_VERSION,
    });
  });

  it('upgrades the pre-1.0 shape (mode, live)', () => {
    const legacy = { refId: 'A', mode: 'jaeger', live: true, service: 'orders' } as unknown as Parameters<
      typeof migrateQuery
    >[0];
    const query = migrateQuery(legacy, 'demo');
    expect(query).toMatchObject({ source: 'jaeger', streaming: true, service: 'orders', queryType: 'traces' });
    expect('mode' in query).toBe(false);
  });

  it('repairs non-positive window and cadence and is idempotent', () => {
    const once = migrateQuery(
      { refId: 'A', source: 'demo', windowMs: -5, cadenceMs: 0 } as Parameters<typeof migrateQuery>[0],
      'jaeger'
    );
    expect(once).toMatchObject({ windowMs: 300_000, cadenceMs: 1000 });
    expect(migrateQuery(once, 'jaeger')).toBe(once);
  });

  it('brings a current query with a hand-edited 1 ms cadence and window up to the minimums', () => {
    const edited = migrateQuery({ refId: 'A', source: 'demo' }, 'demo');
    const bounded = migrateQuery({ ...edited, cadenceMs: 1, windowMs: 1 }, 'demo');
    expect(bounded).toMatchObject({ cadenceMs: MIN_CADENCE_MS, windowMs: MIN_WINDOW_MS });
    expect(migrateQuery(bounded, 'demo')).toBe(bounded);
  });
});
