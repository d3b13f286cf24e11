/**
 * Bottlenecks of a live stream: the spans of the last `windowMs` are kept (bottleneck analysis needs whole
 * traces, not aggregates) and analysed again every `everyMs`; the analysis of one window earlier is the
 * baseline for "was …" in the explanation.
 */
import { DataFrame } from '@grafana/data';

import { BottleneckAnalysis, Span, analyzeBottlenecks } from '../graph/servicegraph';
import { addBottleneckFields, baselineOf } from './bottleneckFields';

export interface BottleneckTracker {
  add(spans: readonly Span[]): void;
  /** The frames with the bottleneck fields of the latest analysis (run again when due at `nowMs`). */
  decorate(frames: DataFrame[], nowMs: number): DataFrame[];
}

/** 30 s of the demo shop is about 900 traces / 35k spans: enough for a stable slowest 5 %, cheap to analyse. */
export const BOTTLENECK_WINDOW_MS = 30_000;
const ANALYSE_EVERY_MS = 5_000;

export function createBottleneckTracker(windowMs = BOTTLENECK_WINDOW_MS, everyMs = ANALYSE_EVERY_MS): BottleneckTracker {
  let spans: Span[] = [];
  let newestMs = -Infinity;
  let latest: { atMs: number; analysis: BottleneckAnalysis } | undefined;
  const history: Array<{ atMs: number; analysis: BottleneckAnalysis }> = [];
  return {
    add(more) {
      for (const span of more) {
        newestMs = Math.max(newestMs, span.startMs);
      }
      const cutoff = newestMs - windowMs;
      spans = spans.concat(more).filter((s) => s.startMs >= cutoff);
    },
    decorate(frames, nowMs) {
      if (spans.length > 0 && (!latest || nowMs - latest.atMs >= everyMs)) {
        latest = { atMs: nowMs, analysis: analyzeBottlenecks(spans) };
        history.push(latest);
        while (history.length > 1 && nowMs - history[1].atMs >= windowMs) {
          history.shift();
        }
      }
      if (!latest) {
        return frames;
      }
      const earlier = history[0] !== latest && nowMs - history[0].atMs >= windowMs ? history[0].analysis : undefined;
      return addBottleneckFields(frames, latest.analysis, earlier ? baselineOf(earlier) : undefined);
    },
  };
}
