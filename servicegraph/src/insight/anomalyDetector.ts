/**
 * Anomaly flags per edge and node: each window's rate, error rate and p95 are compared with a robust
 * baseline of past windows (anomalyBaseline.ts) and flagged when they deviate by more than
 * `sensitivity` robust standard deviations in the harmful direction (p95 and error rate up, rate
 * either way), subject to guards that keep low traffic and tiny changes quiet:
 * - p95 and error rate need `minRequests` requests in the window (and their baseline only learns from
 *   such windows: a p95 of three requests is noise);
 * - p95 must also be `minRatio` times its baseline and `minP95IncreaseMs` above it, the error rate
 *   `minErrorRateIncrease` above its baseline;
 * - rate needs a baseline of `minRequests` requests per window and a `minRatio` change; its scale is at
 *   least the Poisson noise of the count;
 * - the error-rate scale is at least the binomial noise of the window's count;
 * - consumer lag p95 (messaging edges) is judged like p95, on ln(lag), but needs only `minLagMessages`
 *   messages (message flows are thinner than request flows) and must be `minLagIncreaseMs` above its
 *   baseline: a broker queue of a few hundred ms is normal jitter, tens of seconds is a stuck consumer.
 * Seasonality (the shop's day curve) is slow next to 10 s windows, so the EWMA follows it without a
 * seasonal term.
 */
import type { Graph } from '../types';
import { createBaseline, isWarm, updateBaseline, type Baseline, type BaselineOptions } from './anomalyBaseline';
import { describeAnomaly, type AnomalyMetric } from './anomalyReason';

export type { AnomalyMetric } from './anomalyReason';

export interface AnomalyFlag {
  element: 'edge' | 'node';
  /** Edge id or node id as in Graph. */
  id: string;
  metric: AnomalyMetric;
  value: number;
  /** The baseline level the value is compared with. */
  usual: number;
  /** Deviation in robust standard deviations. */
  score: number;
  windowStartMs: number;
  /** E.g. "p95 2.3 s is 21× the usual 110 ms". */
  reason: string;
}

export interface AnomalyDetectorOptions {
  /** Robust standard deviations a value must deviate by; default 6. Lower flags more. */
  sensitivity?: number;
  /** EWMA weight of a new window; default 0.1 (a memory of about 10 windows). */
  alpha?: number;
  /** Windows that start a baseline before it can flag; default 10. */
  warmupWindows?: number;
  /** Fraction of alpha used for a window that was flagged; default 0.1. */
  flaggedAlphaFactor?: number;
  /** Requests a window needs before p95 and error rate count, and a rate baseline needs; default 20. */
  minRequests?: number;
  /** p95 (and rate) must be at least this many times the usual value (or rate at most 1/minRatio); default 1.5. */
  minRatio?: number;
  /** p95 must exceed the usual one by at least this many ms; default 5. */
  minP95IncreaseMs?: number;
  /** Error rate must exceed the usual one by at least this; default 0.03. */
  minErrorRateIncrease?: number;
  /** Messages a messaging edge needs in a window before its consumer lag counts; default 5. */
  minLagMessages?: number;
  /** Consumer lag p95 must exceed the usual one by at least this many ms; default 1000. */
  minLagIncreaseMs?: number;
  /** Window length, for the Poisson noise of the rate; default 10 000 ms. */
  windowMs?: number;
  /** Windows after which an element that sent nothing is forgotten (bounds memory under churn); default 360. */
  forgetAfterWindows?: number;
}

export interface AnomalyDetector {
  /** Compares the window's graph with the baselines, then folds it in; returns the flags of the window. */
  update(graph: Graph, windowStartMs: number): AnomalyFlag[];
}

const MIN_P95_MS = 0.001;
const P95_LOG_FLOOR = 0.05;

interface Tracked {
  element: 'edge' | 'node';
  id: string;
  rate: Baseline;
  errorRate: Baseline;
  p95: Baseline;
  lag: Baseline;
  /** Consecutive windows without traffic. */
  idleWindows: number;
}

interface Observed {
  requests: number;
  rate: number;
  errorRate: number;
  p95Ms: number;
  /** Messaging edges only. */
  lagP95Ms?: number;
}

export class AnomalyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnomalyConfigError';
  }
}

export function createAnomalyDetector(options: AnomalyDetectorOptions = {}): AnomalyDetector {
  const settings = checkOptions(options);
  const baselineOptions: BaselineOptions = settings;
  const windowSeconds = settings.windowMs / 1000;
  const tracked = new Map<string, Tracked>();

  function track(element: 'edge' | 'node', id: string): Tracked {
    const key = `${element}:${id}`;
    let entry = tracked.get(key);
    if (entry === undefined) {
      entry = { element, id, rate: createBaseline(), errorRate: createBaseline(), p95: createBaseline(), lag: createBaseline(), idleWindows: 0 };
      tracked.set(key, entry);
    }
    return entry;
  }

  function check(entry: Tracked, observed: Observed, windowStartMs: number, flags: AnomalyFlag[]): void {
    const flag = (metric: AnomalyMetric, value: number, usual: number, score: number) =>
      flags.push({ element: entry.element, id: entry.id, metric, value, usual, score, windowStartMs, reason: describeAnomaly(metric, value, usual) });
    const busy = observed.requests >= settings.minRequests;
    if (observed.lagP95Ms !== undefined && observed.requests >= settings.minLagMessages) {
      checkLag(entry, observed.lagP95Ms, flag);
    }

    const rateFloor = Math.sqrt(Math.max(entry.rate.level, 0) * windowSeconds) / windowSeconds;
    const rateScore = scoreOf(entry.rate, observed.rate, rateFloor);
    const rateFlagged =
      isWarm(entry.rate, baselineOptions) &&
      entry.rate.level * windowSeconds >= settings.minRequests &&
      Math.abs(rateScore) > settings.sensitivity &&
      (observed.rate >= entry.rate.level * settings.minRatio || observed.rate * settings.minRatio <= entry.rate.level);
    if (rateFlagged) {
      flag('rate', observed.rate, entry.rate.level, rateScore);
    }
    updateBaseline(entry.rate, observed.rate, rateFloor, rateFlagged, baselineOptions);
    if (!busy) {
      return;
    }

    const usualErrors = Math.min(Math.max(entry.errorRate.level, 1 / observed.requests), 1);
    const errorFloor = Math.sqrt((usualErrors * (1 - usualErrors)) / observed.requests);
    const errorScore = scoreOf(entry.errorRate, observed.errorRate, errorFloor);
    const errorFlagged =
      isWarm(entry.errorRate, baselineOptions) &&
      errorScore > settings.sensitivity &&
      observed.errorRate - entry.errorRate.level >= settings.minErrorRateIncrease;
    if (errorFlagged) {
      flag('errorRate', observed.errorRate, entry.errorRate.level, errorScore);
    }
    updateBaseline(entry.errorRate, observed.errorRate, errorFloor, errorFlagged, baselineOptions);

    // Latency varies by factors, so its baseline is of ln(p95); a p95 is never known better than about 5 %.
    const logP95 = Math.log(Math.max(observed.p95Ms, MIN_P95_MS));
    const p95Score = scoreOf(entry.p95, logP95, P95_LOG_FLOOR);
    const usualP95 = Math.exp(entry.p95.level);
    const p95Flagged =
      isWarm(entry.p95, baselineOptions) &&
      p95Score > settings.sensitivity &&
      observed.p95Ms >= usualP95 * settings.minRatio &&
      observed.p95Ms - usualP95 >= settings.minP95IncreaseMs;
    if (p95Flagged) {
      flag('p95', observed.p95Ms, usualP95, p95Score);
    }
    updateBaseline(entry.p95, logP95, P95_LOG_FLOOR, p95Flagged, baselineOptions);
  }

  function checkLag(entry: Tracked, lagP95Ms: number, flag: (metric: AnomalyMetric, value: number, usual: number, score: number) => void): void {
    const logLag = Math.log(Math.max(lagP95Ms, MIN_P95_MS));
    const score = scoreOf(entry.lag, logLag, P95_LOG_FLOOR);
    const usual = Math.exp(entry.lag.level);
    const flagged =
      isWarm(entry.lag, baselineOptions) &&
      score > settings.sensitivity &&
      lagP95Ms >= usual * settings.minRatio &&
      lagP95Ms - usual >= settings.minLagIncreaseMs;
    if (flagged) {
      flag('lagP95', lagP95Ms, usual, score);
    }
    updateBaseline(entry.lag, logLag, P95_LOG_FLOOR, flagged, baselineOptions);
  }

  return {
    update(graph, windowStartMs) {
      const flags: AnomalyFlag[] = [];
      const seen = new Set<Tracked>();
      for (const edge of graph.edges) {
        const entry = track('edge', edge.id);
        entry.idleWindows = 0;
        seen.add(entry);
        check(entry, edge, windowStartMs, flags);
      }
      for (const node of graph.nodes) {
        const entry = track('node', node.id);
        entry.idleWindows = 0;
        seen.add(entry);
        check(entry, node, windowStartMs, flags);
      }
      // Elements that sent nothing this window: their rate is 0 (traffic stopping is news too).
      for (const [key, entry] of tracked) {
        if (seen.has(entry)) {
          continue;
        }
        if (++entry.idleWindows > settings.forgetAfterWindows) {
          tracked.delete(key);
          continue;
        }
        check(entry, { requests: 0, rate: 0, errorRate: 0, p95Ms: 0 }, windowStartMs, flags);
      }
      return flags;
    },
  };
}

function scoreOf(baseline: Baseline, value: number, floorScale: number): number {
  return (value - baseline.level) / Math.max(baseline.scale, floorScale, Number.MIN_VALUE);
}

function checkOptions(options: AnomalyDetectorOptions): Required<AnomalyDetectorOptions> {
  const settings: Required<AnomalyDetectorOptions> = {
    sensitivity: options.sensitivity ?? 6,
    alpha: options.alpha ?? 0.1,
    warmupWindows: options.warmupWindows ?? 10,
    flaggedAlphaFactor: options.flaggedAlphaFactor ?? 0.1,
    minRequests: options.minRequests ?? 20,
    minRatio: options.minRatio ?? 1.5,
    minErrorRateIncrease: options.minErrorRateIncrease ?? 0.03,
    minP95IncreaseMs: options.minP95IncreaseMs ?? 5,
    minLagMessages: options.minLagMessages ?? 5,
    minLagIncreaseMs: options.minLagIncreaseMs ?? 1000,
    windowMs: options.windowMs ?? 10_000,
    forgetAfterWindows: options.forgetAfterWindows ?? 360,
  };
  const positive = (name: keyof AnomalyDetectorOptions, value: number) => {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new AnomalyConfigError(`anomaly detector: ${name} must be a positive number, got ${value}`);
    }
  };
  positive('sensitivity', settings.sensitivity);
  positive('windowMs', settings.windowMs);
  positive('minRatio', settings.minRatio);
  if (!(settings.alpha > 0 && settings.alpha <= 1)) {
    throw new AnomalyConfigError(`anomaly detector: alpha must be in (0, 1], got ${settings.alpha}`);
  }
  if (!(settings.flaggedAlphaFactor >= 0 && settings.flaggedAlphaFactor <= 1)) {
    throw new AnomalyConfigError(`anomaly detector: flaggedAlphaFactor must be in [0, 1], got ${settings.flaggedAlphaFactor}`);
  }
  for (const name of ['warmupWindows', 'forgetAfterWindows'] as const) {
    if (!(Number.isInteger(settings[name]) && settings[name] >= 1)) {
      throw new AnomalyConfigError(`anomaly detector: ${name} must be a whole number >= 1, got ${settings[name]}`);
    }
  }
  for (const name of ['minRequests', 'minErrorRateIncrease', 'minP95IncreaseMs', 'minLagMessages', 'minLagIncreaseMs'] as const) {
    if (!(settings[name] >= 0)) {
      throw new AnomalyConfigError(`anomaly detector: ${name} must be >= 0, got ${settings[name]}`);
    }
  }
  return settings;
}
