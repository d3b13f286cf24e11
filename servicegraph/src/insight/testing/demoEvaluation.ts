/**
 * Test and benchmark support (imports the demo shop; not part of the servicegraph API): the demo shop
 * run through derivation and aggregation in fixed windows, and the anomaly detector scored on it.
 */
import { createShop } from '../../../../demo/src';
import { addObservation, createEdgeWindow } from '../../aggregate/edgeWindow';
import { windowToGraph } from '../../aggregate/windowToGraph';
import { spansToObservations } from '../../derive/spansToObservations';
import type { Graph } from '../../types';
import { createAnomalyDetector, type AnomalyDetectorOptions, type AnomalyFlag } from '../anomalyDetector';

export interface DemoWindow {
  windowStartMs: number;
  graph: Graph;
}

/** Graph of each window [start, start + windowMs) of a shop's traffic, incident switched on at `incidentAtMs`. */
export function* demoWindows(options: {
  seed: number;
  startMs: number;
  windows: number;
  windowMs: number;
  incident?: string;
  incidentAtMs?: number;
}): Generator<DemoWindow> {
  const shop = createShop({ seed: options.seed });
  if (options.incident !== undefined) {
    shop.setIncident(options.incident, true, options.incidentAtMs ?? options.startMs);
  }
  for (let i = 0; i < options.windows; i++) {
    const windowStartMs = options.startMs + i * options.windowMs;
    const window = createEdgeWindow();
    for (const observation of spansToObservations(shop.spansBetween(windowStartMs, windowStartMs + options.windowMs))) {
      addObservation(window, observation);
    }
    yield { windowStartMs, graph: windowToGraph(window, { startMs: windowStartMs, endMs: windowStartMs + options.windowMs }) };
  }
}

export interface IncidentEvaluation {
  /** Flags per evaluated (element, window) on normal traffic after warm-up. */
  falseFlagRate: number;
  /** Share of normal windows (after warm-up) with at least one flag. */
  windowsWithFalseFlags: number;
  /** 1 when the right element is flagged in the incident's first window; undefined when never. */
  detectionDelayWindows: number | undefined;
  /** The first flag on the right element. */
  detection: AnomalyFlag | undefined;
  normalFlags: AnomalyFlag[];
}

export function evaluateIncident(options: {
  seed: number;
  startMs: number;
  normalWindows: number;
  incidentWindows: number;
  windowMs: number;
  incident: string;
  /** The flag that counts as detecting the incident. */
  isDetection: (flag: AnomalyFlag) => boolean;
  detector?: AnomalyDetectorOptions;
}): IncidentEvaluation {
  const detector = createAnomalyDetector({ windowMs: options.windowMs, ...options.detector });
  const warmup = options.detector?.warmupWindows ?? 10;
  const incidentAtMs = options.startMs + options.normalWindows * options.windowMs;
  const normalFlags: AnomalyFlag[] = [];
  let evaluated = 0;
  let flaggedWindows = 0;
  let index = 0;
  for (const { windowStartMs, graph } of demoWindows({
    seed: options.seed,
    startMs: options.startMs,
    windows: options.normalWindows + options.incidentWindows,
    windowMs: options.windowMs,
    incident: options.incident,
    incidentAtMs,
  })) {
    const flags = detector.update(graph, windowStartMs);
    if (index >= warmup && index < options.normalWindows) {
      evaluated += graph.nodes.length + graph.edges.length;
      normalFlags.push(...flags);
      flaggedWindows += flags.length > 0 ? 1 : 0;
    }
    if (index >= options.normalWindows) {
      const detection = flags.find(options.isDetection);
      if (detection !== undefined) {
        return finish(index - options.normalWindows + 1, detection);
      }
    }
    index++;
  }
  return finish(undefined, undefined);

  function finish(delay: number | undefined, detection: AnomalyFlag | undefined): IncidentEvaluation {
    const normalCount = Math.max(1, options.normalWindows - warmup);
    return {
      falseFlagRate: evaluated > 0 ? normalFlags.length / evaluated : 0,
      windowsWithFalseFlags: flaggedWindows / normalCount,
      detectionDelayWindows: delay,
      detection,
      normalFlags,
    };
  }
}
