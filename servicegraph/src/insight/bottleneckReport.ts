/** The `--bottlenecks` part of the edges CLI: the key it adds to the report. */
import type { Span } from '../types';
import { bottlenecks } from './bottlenecks';

export const BOTTLENECKS_FLAG = '--bottlenecks';

export interface BottleneckReportEntry {
  source: string;
  target: string;
  share: number;
  shareSlowest: number;
}

/** Edges by share of the slowest requests' critical-path time (4 decimals is far finer than the data). */
export function buildBottleneckReport(spans: readonly Span[]): BottleneckReportEntry[] {
  return bottlenecks(spans).map((b) => ({ source: b.source, target: b.target, share: round4(b.share), shareSlowest: round4(b.shareSlowest) }));
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
