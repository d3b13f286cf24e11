import { ConfigError, loadConfig } from './config';

const URL = 'postgres://kompas@localhost:5432/kompas';

describe('loadConfig', () => {
  it('fills defaults from a minimal environment', () => {
    const config = loadConfig({ KOMPAS_DATABASE_URL: URL, KOMPAS_COLLECTOR_ID: 'c1' });
    expect(config).toMatchObject({
      databaseUrl: URL,
      listenHost: '0.0.0.0',
      listenPort: 4318,
      collectorId: 'c1',
      flushIntervalMs: 1000,
      pairingTtlMs: 5000,
      decodeWorkers: 2,
      migrate: true,
    });
    expect(config.authToken).toBeUndefined();
  });

  it('names the variable and the problem', () => {
    expect(() => loadConfig({})).toThrow(/KOMPAS_DATABASE_URL: expected a postgres:\/\/ URL/);
    expect(() => loadConfig({ KOMPAS_DATABASE_URL: URL, KOMPAS_LISTEN_PORT: '99999' })).toThrow(
      'KOMPAS_LISTEN_PORT: expected an integer between 0 and 65535, got "99999"'
    );
    expect(() => loadConfig({ KOMPAS_DATABASE_URL: URL, KOMPAS_FLUSH_INTERVAL_MS: '1.5' })).toThrow(ConfigError);
    expect(() => loadConfig({ KOMPAS_DATABASE_URL: URL, KOMPAS_MIGRATE: 'maybe' })).toThrow('KOMPAS_MIGRATE: expected true or false, got "maybe"');
    expect(() =>
      loadConfig({ KOMPAS_DATABASE_URL: URL, KOMPAS_SPOOL_MAX_BYTES: String(2 ** 20), KOMPAS_SPOOL_SEGMENT_BYTES: String(2 ** 20) })
    ).toThrow(/at least twice KOMPAS_SPOOL_SEGMENT_BYTES/);
  });

  it('reads booleans and the optional token', () => {
    const config = loadConfig({ KOMPAS_DATABASE_URL: URL, KOMPAS_MIGRATE: 'off', KOMPAS_AUTH_TOKEN: 't0ken' });
    expect(config.migrate).toBe(false);
    expect(config.authToken).toBe('t0ken');
  });
});
