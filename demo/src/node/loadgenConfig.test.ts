import { DEFAULT_CONTROL_PORT, DEFAULT_ENDPOINT, readLoadgenConfig } from './loadgenConfig';

describe('readLoadgenConfig', () => {
  it('has defaults that reach a local collector', () => {
    expect(readLoadgenConfig({})).toEqual({
      endpoint: DEFAULT_ENDPOINT,
      format: 'json',
      headers: {},
      ratePerSecond: 50,
      seed: 1,
      diurnal: true,
      incidents: [],
      controlPort: DEFAULT_CONTROL_PORT,
      controlHost: '0.0.0.0',
      batchMaxSpans: 5000,
      flushIntervalMs: 1000,
      maxRetries: 5,
      backfillMinutes: 0,
    });
  });

  it('reads every variable', () => {
    const config = readLoadgenConfig({
      KOMPAS_OTLP_ENDPOINT: 'http://otel-collector:4318/v1/traces',
      KOMPAS_OTLP_FORMAT: 'Protobuf',
      KOMPAS_OTLP_HEADERS: 'authorization=Bearer%20abc, x-tenant=shop',
      KOMPAS_RATE: '500',
      KOMPAS_SEED: '42',
      KOMPAS_DIURNAL: 'off',
      KOMPAS_INCIDENTS: 'payments-db-locking, kafka-consumer-lag',
      KOMPAS_CONTROL_PORT: '-1',
      KOMPAS_BATCH_SPANS: '2000',
      KOMPAS_BACKFILL_MINUTES: '15',
    });
    expect(config).toEqual(
      expect.objectContaining({
        endpoint: 'http://otel-collector:4318/v1/traces',
        format: 'protobuf',
        headers: { authorization: 'Bearer abc', 'x-tenant': 'shop' },
        ratePerSecond: 500,
        seed: 42,
        diurnal: false,
        incidents: ['payments-db-locking', 'kafka-consumer-lag'],
        controlPort: -1,
        batchMaxSpans: 2000,
        backfillMinutes: 15,
      })
    );
    expect(readLoadgenConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://x:4318/v1/traces' }).endpoint).toBe(
      'https://x:4318/v1/traces'
    );
  });

  it.each([
    [{ KOMPAS_OTLP_ENDPOINT: 'not a url' }, 'KOMPAS_OTLP_ENDPOINT: not a URL: "not a url"'],
    [{ KOMPAS_OTLP_ENDPOINT: 'ftp://x/' }, 'KOMPAS_OTLP_ENDPOINT: expected an http(s) URL, got "ftp://x/"'],
    [{ KOMPAS_OTLP_FORMAT: 'xml' }, 'KOMPAS_OTLP_FORMAT: expected json or protobuf, got "xml"'],
    [{ KOMPAS_RATE: 'fast' }, 'KOMPAS_RATE: expected requests per second >= 0, got "fast"'],
    [{ KOMPAS_SEED: '1.5' }, 'KOMPAS_SEED: expected an integer, got "1.5"'],
    [{ KOMPAS_DIURNAL: 'sometimes' }, 'KOMPAS_DIURNAL: expected true or false, got "sometimes"'],
    [
      { KOMPAS_INCIDENTS: 'fire' },
      'KOMPAS_INCIDENTS: unknown incident "fire"; known: payments-db-locking, inventory-errors, kafka-consumer-lag',
    ],
    [{ KOMPAS_CONTROL_PORT: '70000' }, 'KOMPAS_CONTROL_PORT: expected a port 0-65535, or -1 to disable, got "70000"'],
    [{ KOMPAS_BATCH_SPANS: '0' }, 'KOMPAS_BATCH_SPANS: expected an integer >= 1, got "0"'],
    [
      { KOMPAS_OTLP_HEADERS: 'novalue' },
      'KOMPAS_OTLP_HEADERS: expected key=value pairs separated by commas, got "novalue"',
    ],
  ])('rejects %j', (env, message) => {
    expect(() => readLoadgenConfig(env)).toThrow(message);
  });
});
