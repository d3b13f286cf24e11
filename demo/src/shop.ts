/**
 * The demo shop: a deterministic simulation that yields the spans of every request starting in a
 * time window. Same seed, same window, same incident timeline: same spans, however the window is sliced.
 */
import type { Span } from '../../servicegraph/src/types';
import { compileShop, type CompiledShop } from './compileShop';
import { emitRequest } from './emitRequest';
import { createIncidentTimeline } from './incidentTimeline';
import { INCIDENTS, type IncidentDescriptor, type IncidentName } from './incidents';
import { createRng } from './random';
import { arrivalOffsets, loadFactorAt, rateAt, requestSeed } from './traffic';

export const DEFAULT_RATE_PER_SECOND = 30;
/** Guards against a window that would not fit in memory; callers slice larger ranges. */
export const MAX_REQUESTS_PER_CALL = 1_000_000;

export interface ShopOptions {
  /** Default 1. Integers; the same seed gives the same traffic. */
  seed?: number;
  /** Mean requests per second over a day (default 30). */
  ratePerSecond?: number;
  /** Vary the rate over the day (UTC), default true. */
  diurnal?: boolean;
  /** Incidents switched on from the start of time. */
  incidents?: readonly string[];
}

/** One simulated request: its trace. */
export interface ShopRequest {
  traceId: string;
  scenario: string;
  startMs: number;
  spans: Span[];
}

export interface IncidentState extends IncidentDescriptor {
  /** Latest state (after the last switch). */
  active: boolean;
}

export interface Shop {
  readonly seed: number;
  readonly ratePerSecond: number;
  readonly diurnal: boolean;
  /** Spans of all requests that start in [fromMs, toMs), in request order (spans may end after toMs). */
  spansBetween(fromMs: number, toMs: number): Span[];
  /** The same requests, grouped per trace with their scenario name. */
  requestsBetween(fromMs: number, toMs: number): ShopRequest[];
  /**
   * Switches an incident. Without `atMs` the state holds for all time (history included); with `atMs`
   * (e.g. Date.now() in live mode) it holds for requests starting at or after that moment.
   */
  setIncident(name: string, on: boolean, atMs?: number): void;
  /** Every incident with its label, description and latest state. */
  incidents(): IncidentState[];
  /** Names of the incidents active for a request starting at `timeMs` (latest state when omitted). */
  activeIncidents(timeMs?: number): IncidentName[];
}

let compiled: CompiledShop | undefined;

function compiledShop(): CompiledShop {
  compiled ??= compileShop();
  return compiled;
}

function checkOptions(options: ShopOptions): Required<Omit<ShopOptions, 'incidents'>> {
  const { seed = 1, ratePerSecond = DEFAULT_RATE_PER_SECOND, diurnal = true } = options;
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`demo shop: seed must be an integer, got ${seed}`);
  }
  if (!Number.isFinite(ratePerSecond) || ratePerSecond < 0) {
    throw new Error(`demo shop: ratePerSecond must be a finite number >= 0, got ${ratePerSecond}`);
  }
  return { seed, ratePerSecond, diurnal };
}

export function createShop(options: ShopOptions = {}): Shop {
  const { seed, ratePerSecond, diurnal } = checkOptions(options);
  const shop = compiledShop();
  const timeline = createIncidentTimeline();

  const requestsBetween = (fromMs: number, toMs: number): ShopRequest[] => {
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
      throw new Error(`demo shop: need finite fromMs <= toMs, got [${fromMs}, ${toMs})`);
    }
    const firstSecond = Math.floor(fromMs / 1000);
    const lastSecond = Math.ceil(toMs / 1000);
    if ((lastSecond - firstSecond) * ratePerSecond * 2 > MAX_REQUESTS_PER_CALL) {
      throw new Error(
        `demo shop: window of ${Math.round((toMs - fromMs) / 1000)} s at ${ratePerSecond} req/s is too large for one call; slice it`
      );
    }
    const requests: ShopRequest[] = [];
    for (let second = firstSecond; second < lastSecond; second++) {
      const secondStart = second * 1000;
      const offsets = arrivalOffsets(seed, second, rateAt(secondStart + 500, ratePerSecond, diurnal));
      const loadFactor = loadFactorAt(secondStart + 500, diurnal);
      for (let index = 0; index < offsets.length; index++) {
        const startMs = secondStart + offsets[index];
        if (startMs < fromMs || startMs >= toMs) {
          continue;
        }
        const rng = createRng(requestSeed(seed, second, index));
        const pick = rng();
        const scenario = shop.scenarios.find((s) => pick < s.cumulative) ?? shop.scenarios[shop.scenarios.length - 1];
        const spans = emitRequest(rng, scenario.entry, startMs, timeline.effectsAt(startMs), loadFactor);
        requests.push({ traceId: spans[0].traceId, scenario: scenario.name, startMs, spans });
      }
    }
    return requests;
  };

  const api: Shop = {
    seed,
    ratePerSecond,
    diurnal,
    requestsBetween,
    spansBetween: (fromMs, toMs) => requestsBetween(fromMs, toMs).flatMap((request) => request.spans),
    setIncident: (name, on, atMs) => timeline.set(name, on, atMs),
    incidents: () => {
      const active = new Set(timeline.activeAt());
      return INCIDENTS.map((incident) => ({ ...incident, active: active.has(incident.name) }));
    },
    activeIncidents: (timeMs) => timeline.activeAt(timeMs),
  };
  for (const name of options.incidents ?? []) {
    api.setIncident(name, true);
  }
  return api;
}
