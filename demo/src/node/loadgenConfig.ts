/**
 * Load generator settings from environment variables, with a specific message for each bad value.
 */
import { INCIDENTS, isIncidentName } from '../incidents';

export type OtlpFormat = 'json' | 'protobuf';

export interface LoadgenConfig {
  /** OTLP/HTTP traces URL. */
  endpoint: string;
  format: OtlpFormat;
  /** Extra request headers (e.g. authorization), from `k=v,k=v` like OTEL_EXPORTER_OTLP_HEADERS. */
  headers: Record<string, string>;
  ratePerSecond: number;
  seed: number;
  diurnal: boolean;
  /** Incidents switched on at start. */
  incidents: string[];
  /** Control endpoint port; 0 picks a free one; -1 disables it. */
  controlPort: number;
  controlHost: string;
  /** Largest number of spans in one export request. */
  batchMaxSpans: number;
  /** How often new traffic is generated and sent. */
  flushIntervalMs: number;
  maxRetries: number;
  /** Minutes of past traffic sent right after start, so dashboards have history. */
  backfillMinutes: number;
}

export class LoadgenConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'LoadgenConfigError';
  }
}

export const DEFAULT_ENDPOINT = 'http://localhost:4318/v1/traces';
export const DEFAULT_CONTROL_PORT = 8090;

type Env = Record<string, string | undefined>;

function readNumber(
  env: Env,
  name: string,
  fallback: number,
  check: (n: number) => boolean,
  expectation: string
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) {
    throw new LoadgenConfigError(name, `expected ${expectation}, got "${raw}"`);
  }
  return value;
}

function readEndpoint(env: Env): string {
  const name = env.KOMPAS_OTLP_ENDPOINT ? 'KOMPAS_OTLP_ENDPOINT' : 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT';
  const raw = env[name]?.trim() || DEFAULT_ENDPOINT;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new LoadgenConfigError(name, `not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LoadgenConfigError(name, `expected an http(s) URL, got "${raw}"`);
  }
  return url.toString();
}

function readHeaders(env: Env): Record<string, string> {
  const raw = env.KOMPAS_OTLP_HEADERS?.trim();
  const headers: Record<string, string> = {};
  for (const pair of raw ? raw.split(',') : []) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new LoadgenConfigError(
        'KOMPAS_OTLP_HEADERS',
        `expected key=value pairs separated by commas, got "${pair}"`
      );
    }
    headers[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

function readIncidents(env: Env): string[] {
  const names = (env.KOMPAS_INCIDENTS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!isIncidentName(name)) {
      throw new LoadgenConfigError(
        'KOMPAS_INCIDENTS',
        `unknown incident "${name}"; known: ${INCIDENTS.map((i) => i.name).join(', ')}`
      );
    }
  }
  return names;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (['1', 'true', 'yes', 'on'].includes(raw)) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(raw)) {
    return false;
  }
  throw new LoadgenConfigError(name, `expected true or false, got "${env[name]}"`);
}

export function readLoadgenConfig(env: Env): LoadgenConfig {
  const format = (env.KOMPAS_OTLP_FORMAT?.trim() || 'json').toLowerCase();
  if (format !== 'json' && format !== 'protobuf') {
    throw new LoadgenConfigError('KOMPAS_OTLP_FORMAT', `expected json or protobuf, got "${env.KOMPAS_OTLP_FORMAT}"`);
  }
  const positive = (n: number) => n > 0;
  const integer = (min: number) => (n: number) => Number.isInteger(n) && n >= min;
  return {
    endpoint: readEndpoint(env),
    format,
    headers: readHeaders(env),
    ratePerSecond: readNumber(env, 'KOMPAS_RATE', 50, (n) => n >= 0, 'requests per second >= 0'),
    seed: readNumber(env, 'KOMPAS_SEED', 1, Number.isSafeInteger, 'an integer'),
    diurnal: readBoolean(env, 'KOMPAS_DIURNAL', true),
    incidents: readIncidents(env),
    controlPort: readNumber(
      env,
      'KOMPAS_CONTROL_PORT',
      DEFAULT_CONTROL_PORT,
      (n) => n === -1 || (integer(0)(n) && n < 65536),
      'a port 0-65535, or -1 to disable'
    ),
    controlHost: env.KOMPAS_CONTROL_HOST?.trim() || '0.0.0.0',
    batchMaxSpans: readNumber(env, 'KOMPAS_BATCH_SPANS', 5000, integer(1), 'an integer >= 1'),
    flushIntervalMs: readNumber(env, 'KOMPAS_FLUSH_MS', 1000, positive, 'milliseconds > 0'),
    maxRetries: readNumber(env, 'KOMPAS_MAX_RETRIES', 5, integer(0), 'an integer >= 0'),
    backfillMinutes: readNumber(
      env,
      'KOMPAS_BACKFILL_MINUTES',
      0,
      (n) => n >= 0 && n <= 1440,
      'minutes between 0 and 1440'
    ),
  };
}
