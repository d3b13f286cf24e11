import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

import { DemoTraceOptions, demoShopTraces } from './demoTraces';
import { FaultMode, isFaultMode, sendFault, sendJson } from './faults';
import { JaegerDependencyLink, JaegerTrace } from './jaegerModel';
import { DEPENDENCY_FILES, loadDependencyFile, loadTraceFiles, shiftTraces } from './loadTraces';
import { revealedTraces } from './revealedTraces';
import { deriveDependencies, findTraces, listOperations, listServices, parseGoDurationUs } from './queryTraces';

export interface JaegerReplayOptions {
  /** 0 (default) lets the OS pick a free port. */
  port?: number;
  host?: string;
  /** Traces to serve; default: every recorded trace in testdata/. */
  traces?: JaegerTrace[];
  /** Extra traces (e.g. the demo shop's, as Jaeger JSON) served next to the recordings. */
  extraTraces?: JaegerTrace[];
  /** Also serve the demo shop's traces for this interval (see demoTraces.ts). */
  demoShop?: DemoTraceOptions;
  /** Move the recorded traces next to this time (ms) so "last 15 minutes" shows them; default: as recorded. */
  shiftToMs?: number;
  /** Gap between shifted traces, ms (default 20 s). */
  shiftSpacingMs?: number;
  /** /api/dependencies source: 'derived' from the traces (default) or a recorded file in testdata/. */
  dependencies?: 'derived' | (typeof DEPENDENCY_FILES)[number];
  /** When set, requests must carry exactly this Authorization header value, else 401 (a guarded Jaeger). */
  requiredAuthorization?: string;
  /** When set, requests must carry this header with this value, else 401. */
  requiredHeader?: { name: string; value: string };
  /** Delay of the `slow` fault, ms (default 3000). */
  slowMs?: number;
  /** Body size of the `huge` fault, bytes (default 64 MB). */
  hugeBytes?: number;
  /**
   * Late ingestion, as a real Jaeger has it: a span is served only once `clock()` is this many ms past
   * the span's end, so a trace fills in over time (consumer spans of a lagging Kafka topic come last).
   */
  revealAfterEndMs?: number;
  /** The server's clock for `revealAfterEndMs`, ms (default Date.now); tests share one with the client. */
  clock?: () => number;
}

/** One request the server received, for tests that check what the datasource asked for. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string | string[] | undefined>;
}

export interface JaegerReplay {
  /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const DEFAULT_LIMIT = 100;

/** Starts a Jaeger query API v1 server that replays recorded traces; resolves once it listens. */
export async function startJaegerReplay(options: JaegerReplayOptions = {}): Promise<JaegerReplay> {
  const recorded = options.traces ?? loadTraceFiles();
  const shifted =
    options.shiftToMs === undefined
      ? recorded
      : shiftTraces(recorded, options.shiftToMs, options.shiftSpacingMs ?? 20_000);
  const traces = [
    ...shifted,
    ...(options.extraTraces ?? []),
    ...(options.demoShop ? demoShopTraces(options.demoShop) : []),
  ];
  const recordedDependencies =
    options.dependencies && options.dependencies !== 'derived' ? loadDependencyFile(options.dependencies) : undefined;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay');
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: groupParams(url.searchParams),
      headers: req.headers,
    });
    const { fault, path } = readFault(req, url.pathname);
    if (!isAuthorized(req, options)) {
      sendJson(res, 401, { data: null, errors: [{ code: 401, msg: 'Unauthorized' }] });
      return;
    }
    const answer = () => {
      if (fault && fault !== 'slow' && fault !== 'hang') {
        sendFault(res, fault, { hugeBytes: options.hugeBytes ?? 64 * 1024 * 1024 });
      } else {
        const visible =
          options.revealAfterEndMs === undefined
            ? traces
            : revealedTraces(traces, ((options.clock ?? Date.now)() - options.revealAfterEndMs) * 1000);
        route(path, url.searchParams, res, visible, recordedDependencies);
      }
    };
    if (fault === 'hang') {
      return;
    }
    if (fault === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, options.slowMs ?? 3000);
      timers.add(timer);
      return;
    }
    answer();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readFault(req: IncomingMessage, pathname: string): { fault?: FaultMode; path: string } {
  const match = /^\/fault\/([^/]+)(\/.*)?$/.exec(pathname);
  if (match && isFaultMode(match[1])) {
    return { fault: match[1], path: match[2] ?? '/' };
  }
  const header = req.headers['x-replay-fault'];
  return { fault: typeof header === 'string' && isFaultMode(header) ? header : undefined, path: pathname };
}

function isAuthorized(req: IncomingMessage, options: JaegerReplayOptions): boolean {
  if (options.requiredAuthorization !== undefined && req.headers.authorization !== options.requiredAuthorization) {
    return false;
  }
  if (
    options.requiredHeader &&
    req.headers[options.requiredHeader.name.toLowerCase()] !== options.requiredHeader.value
  ) {
    return false;
  }
  return true;
}

function route(
  path: string,
  params: URLSearchParams,
  res: ServerResponse,
  traces: JaegerTrace[],
  recordedDependencies: JaegerDependencyLink[] | undefined
): void {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (segments[0] !== 'api') {
    sendFault(res, '404', { hugeBytes: 0 });
    return;
  }
  const [, resource, id, sub] = segments;
  if (resource === 'services' && id === undefined) {
    return ok(res, listServices(traces));
  }
  if (resource === 'services' && id !== undefined && sub === 'operations' && segments.length === 4) {
    return ok(
      res,
      listOperations(traces, id)
        .map((o) => o.name)
        .filter((n, i, all) => all.indexOf(n) === i)
    );
  }
  if (resource === 'operations' && id === undefined) {
    const service = params.get('service');
    if (!service) {
      return badRequest(res, "parameter 'service' is required");
    }
    return ok(res, listOperations(traces, service, params.get('spanKind') ?? ''));
  }
  if (resource === 'traces' && id !== undefined && segments.length === 3) {
    const trace = traces.find((t) => t.traceID === id || t.traceID.replace(/^0+/, '') === id.replace(/^0+/, ''));
    if (!trace) {
      sendJson(res, 404, {
        data: null,
        total: 0,
        limit: 0,
        offset: 0,
        errors: [{ code: 404, msg: 'trace not found' }],
      });
      return;
    }
    return ok(res, [trace]);
  }
  if (resource === 'traces' && id === undefined) {
    return searchTraces(params, res, traces);
  }
  if (resource === 'dependencies' && id === undefined) {
    const endMs = Number(params.get('endTs') ?? Date.now());
    const lookbackMs = Number(params.get('lookback') ?? 24 * 3_600_000);
    if (!Number.isFinite(endMs) || !Number.isFinite(lookbackMs)) {
      return badRequest(res, "unable to parse param 'endTs' or 'lookback'");
    }
    return ok(res, recordedDependencies ?? deriveDependencies(traces, (endMs - lookbackMs) * 1000, endMs * 1000));
  }
  sendFault(res, '404', { hugeBytes: 0 });
}

function searchTraces(params: URLSearchParams, res: ServerResponse, traces: JaegerTrace[]): void {
  const service = params.get('service');
  if (!service) {
    return badRequest(res, "parameter 'service' is required");
  }
  const tags: Record<string, string> = {};
  const tagsJson = params.get('tags');
  if (tagsJson) {
    try {
      Object.assign(tags, JSON.parse(tagsJson));
    } catch {
      return badRequest(res, "malformed 'tags' parameter, expecting JSON object");
    }
  }
  for (const tag of params.getAll('tag')) {
    const colon = tag.indexOf(':');
    if (colon < 1) {
      return badRequest(res, `malformed 'tag' parameter, expecting key:value, received: ${tag}`);
    }
    tags[tag.slice(0, colon)] = tag.slice(colon + 1);
  }
  const endUs = Number(params.get('end') ?? Date.now() * 1000);
  const startUs = Number(params.get('start') ?? endUs - 3_600_000_000);
  const limit = Number(params.get('limit') ?? DEFAULT_LIMIT) || DEFAULT_LIMIT;
  const minDuration = params.get('minDuration');
  const maxDuration = params.get('maxDuration');
  const minDurationUs = minDuration ? parseGoDurationUs(minDuration) : undefined;
  const maxDurationUs = maxDuration ? parseGoDurationUs(maxDuration) : undefined;
  if ((minDuration && minDurationUs === undefined) || (maxDuration && maxDurationUs === undefined)) {
    return badRequest(res, 'unable to parse minDuration/maxDuration: use e.g. 100ms, 1.5s');
  }
  if (!Number.isFinite(startUs) || !Number.isFinite(endUs)) {
    return badRequest(res, "unable to parse param 'start' or 'end' (microseconds)");
  }
  const found = findTraces(traces, {
    service,
    operation: params.get('operation') ?? '',
    tags,
    startUs,
    endUs,
    minDurationUs,
    maxDurationUs,
    limit,
  });
  ok(res, found);
}

function ok(res: ServerResponse, data: unknown[]): void {
  sendJson(res, 200, { data, total: data.length, limit: 0, offset: 0, errors: null });
}

function badRequest(res: ServerResponse, msg: string): void {
  sendJson(res, 400, { data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 400, msg }] });
}

function groupParams(params: URLSearchParams): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  params.forEach((value, key) => {
    (grouped[key] ??= []).push(value);
  });
  return grouped;
}
