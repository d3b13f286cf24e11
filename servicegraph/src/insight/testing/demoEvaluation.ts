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

export interface IncidentScenario {
  seed: number;
  startMs: number;
  normalWindows: number;
  incidentWindows: number;
  windowMs: number;
  incident: string;
  /** The flag that counts as detecting the incident. */
  isDetection: (flag: AnomalyFlag) => boolean;
  detector?: AnomalyDetectorOptions;
}

/** Simulates normal traffic, then the incident, and scores the detector on it. */
export function evaluateIncident(scenario: IncidentScenario): IncidentEvaluation {
  const { seed, startMs, windowMs, normalWindows, incidentWindows, incident } = scenario;
  const incidentAtMs = startMs + normalWindows * windowMs;
  const normal = [...demoWindows({ seed, startMs, windows: normalWindows, windowMs })];
  const during = [...demoWindows({ seed, startMs: incidentAtMs, windows: incidentWindows, windowMs, incident, incidentAtMs })];
  return scoreDetector(normal, during, scenario);
}

/**
 * Runs a fresh detector over normal windows then incident windows (the same shop and seed give the same
 * normal windows, so a benchmark simulates them once for several incidents).
 */
export function scoreDetector(
  normal: readonly DemoWindow[],
  during: readonly DemoWindow[],
  scenario: Pick<IncidentScenario, 'windowMs' | 'isDetection' | 'detector'>
): IncidentEvaluation {
  const detector = createAnomalyDetector({ windowMs: scenario.windowMs, ...scenario.detector });
  const warmup = scenario.detector?.warmupWindows ?? 10;
  const normalFlags: AnomalyFlag[] = [];
  let evaluated = 0;
  let flaggedWindows = 0;
  normal.forEach(({ windowStartMs, graph }, index) => {
    const flags = detector.update(graph, windowStartMs);
    if (index >= warmup) {
      evaluated += graph.nodes.length + graph.edges.length;
      normalFlags.push(...flags);
      flaggedWindows += flags.length > 0 ? 1 : 0;
    }
  });
  let detectionDelayWindows: number | undefined;
  let detection: AnomalyFlag | undefined;
  for (let i = 0; i < during.length && detection === undefined; i++) {
    detection = detector.update(during[i].graph, during[i].windowStartMs).find(scenario.isDetection);
    detectionDelayWindows = detection === undefined ? undefined : i + 1;
  }
  return {
    falseFlagRate: evaluated > 0 ? normalFlags.length / evaluated : 0,
    windowsWithFalseFlags: flaggedWindows / Math.max(1, normal.length - warmup),
    detectionDelayWindows,
    detection,
    normalFlags,
  };
}
