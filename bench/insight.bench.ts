/*
 * Insight benchmark.
 * 1. Bottleneck analysis throughput on the derive bench's ~60 MB Jaeger dump (same generator and seed:
 *    4500 traces x 25 spans, 50 services), against plain edge derivation (pairing + folding into an edge
 *    window, what the edges CLI does after parsing) of the same parsed spans, interleaved, medians.
 *    ratio_vs_derive is a time ratio: analysis time / derivation time.
 * 2. Anomaly flags on the demo shop: 30 min of normal traffic in 10 s windows, then each incident for
 *    2 min: detection delay in windows (1 = flagged in the incident's first window, 0 = never) and the
 *    false-flag rate on normal traffic (flags per node/edge window after warm-up).
 * Usage: npm run bench -- insight [--smoke]
 */
import type { Span } from '../servicegraph/src/types';
import { generateSyntheticSpans } from '../servicegraph/testdata/syntheticTraces';
import { toJaegerJson } from '../servicegraph/src/encode/jaegerJsonEncoder';
import { scanTraceText } from '../servicegraph/src/parse/scan/scanTraceText';
import { spansToObservations } from '../servicegraph/src/derive/spansToObservations';
import { addObservation, createEdgeWindow } from '../servicegraph/src/aggregate/edgeWindow';
import { bottlenecks } from '../servicegraph/src/insight/bottlenecks';
import type { AnomalyFlag } from '../servicegraph/src/insight/anomalyDetector';
import { demoWindows, scoreDetector } from '../servicegraph/src/insight/testing/demoEvaluation';
import type { BenchResult } from './benchResult';
import { median, round, timeMs } from './benchStats';

const DUMP = { seed: 42, traces: 4500, spansPerTrace: 25, services: 50 };
const WINDOW_MS = 10_000;
const DEMO_START = Date.UTC(2026, 0, 15, 16);

const INCIDENTS: Array<{ name: string; key: string; isDetection: (flag: AnomalyFlag) => boolean }> = [
  {
    name: 'payments-db-locking',
    key: 'payments_db_locking',
    isDetection: (f) => f.id === 'payments->payments-db#database',
  },
  {
    name: 'inventory-errors',
    key: 'inventory_errors',
    isDetection: (f) => f.element === 'edge' && f.id.endsWith('->inventory'),
  },
  // Consumer lag: the messaging edges' own metric (their consumer-span latency does not change).
  {
    name: 'kafka-consumer-lag',
    key: 'kafka_consumer_lag',
    isDetection: (f) => f.element === 'edge' && f.id.endsWith('#messaging_system') && f.metric === 'lagP95',
  },
];

function deriveEdges(spans: Span[]): number {
  const window = createEdgeWindow();
  for (const observation of spansToObservations(spans)) {
    addObservation(window, observation);
  }
  return window.edges.size;
}

function bottleneckThroughput(smoke: boolean): BenchResult[] {
  const traces = smoke ? Math.ceil(DUMP.traces / 100) : DUMP.traces;
  const text = JSON.stringify(toJaegerJson(generateSyntheticSpans({ ...DUMP, traces })));
  const spans = scanTraceText(text, 'insight-bench.json').spans;
  const reps = smoke ? 1 : 5;
  const derive: number[] = [];
  const analyse: number[] = [];
  // One untimed round first so both sides run optimised code.
  deriveEdges(spans);
  bottlenecks(spans);
  for (let i = 0; i < reps; i++) {
    derive.push(timeMs(() => deriveEdges(spans)));
    analyse.push(timeMs(() => bottlenecks(spans)));
  }
  const deriveMs = median(derive);
  const analyseMs = median(analyse);
  const spansPerS = (ms: number) => Math.round((spans.length / ms) * 1000);
  return [
    { name: 'insight.dump.size_mb', value: round(text.length / 1e6, 1), unit: 'MB' },
    { name: 'insight.bottlenecks.ms', value: round(analyseMs, 0), unit: 'ms' },
    { name: 'insight.derive.spans_per_s', value: spansPerS(deriveMs), unit: 'spans/s' },
    {
      name: 'insight.bottlenecks.spans_per_s',
      value: spansPerS(analyseMs),
      unit: 'spans/s',
      baseline: spansPerS(deriveMs),
      ratio: round(deriveMs / analyseMs),
    },
    {
      name: 'insight.bottlenecks.ratio_vs_derive',
      value: round(analyseMs / deriveMs),
      unit: 'x',
      baseline: round(deriveMs, 0),
      ratio: round(analyseMs / deriveMs),
    },
  ];
}

function anomalyEvaluation(smoke: boolean): BenchResult[] {
  const normalWindows = smoke ? 15 : 180;
  const incidentWindows = smoke ? 2 : 12;
  const incidentAtMs = DEMO_START + normalWindows * WINDOW_MS;
  const normal = [...demoWindows({ seed: 9, startMs: DEMO_START, windows: normalWindows, windowMs: WINDOW_MS })];
  const results: BenchResult[] = [];
  let falseFlagRate = 0;
  let windowsWithFalseFlags = 0;
  for (const incident of INCIDENTS) {
    const during = [
      ...demoWindows({
        seed: 9,
        startMs: incidentAtMs,
        windows: incidentWindows,
        windowMs: WINDOW_MS,
        incident: incident.name,
        incidentAtMs,
      }),
    ];
    const score = scoreDetector(normal, during, { windowMs: WINDOW_MS, isDetection: incident.isDetection });
    falseFlagRate = score.falseFlagRate;
    windowsWithFalseFlags = score.windowsWithFalseFlags;
    // A missed incident must not read as "detected at once": record detection and the delay separately.
    const detected = score.detectionDelayWindows !== undefined;
    results.push({ name: `insight.anomaly.${incident.key}.detected`, value: detected ? 1 : 0, unit: 'bool' });
    if (detected) {
      results.push({
        name: `insight.anomaly.${incident.key}.delay_windows`,
        value: score.detectionDelayWindows!,
        unit: 'windows',
      });
    }
  }
  results.push(
    { name: 'insight.anomaly.false_flag_rate', value: round(falseFlagRate, 5), unit: 'flags/element-window' },
    { name: 'insight.anomaly.windows_with_false_flags', value: round(windowsWithFalseFlags, 3), unit: 'share' }
  );
  return results;
}

export async function run(opts: { smoke?: boolean } = {}): Promise<BenchResult[]> {
  const smoke = opts.smoke === true;
  return [...bottleneckThroughput(smoke), ...anomalyEvaluation(smoke)];
}
