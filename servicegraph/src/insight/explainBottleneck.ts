/** The tooltip sentence for a bottleneck, e.g. "payments → payments-db: 71 % of critical-path time of the slowest requests, p95 2.3 s, was 110 ms". */
import { formatDuration, formatShare } from './formatDuration';

export interface BottleneckNumbers {
  source: string;
  target: string;
  shareSlowest: number;
  /** The edge's p95 in the current window. */
  p95Ms: number;
}

/** `baseline` is the same edge in an earlier (normal) window; without one the "was" part is left out. */
export function explainBottleneck(current: BottleneckNumbers, baseline?: { p95Ms: number }): string {
  const was = baseline !== undefined && baseline.p95Ms > 0 ? `, was ${formatDuration(baseline.p95Ms)}` : '';
  return `${current.source} → ${current.target}: ${formatShare(current.shareSlowest)} of critical-path time of the slowest requests, p95 ${formatDuration(current.p95Ms)}${was}`;
}
