/** Anomaly reasons in words, e.g. "p95 2.3 s is 21× the usual 110 ms". */
import { formatDuration, formatRatio, formatShare } from './formatDuration';

export type AnomalyMetric = 'rate' | 'errorRate' | 'p95' | 'lagP95';

export function describeAnomaly(metric: AnomalyMetric, value: number, usual: number): string {
  switch (metric) {
    case 'p95':
      return `p95 ${formatDuration(value)} is ${formatRatio(value / usual)} the usual ${formatDuration(usual)}`;
    case 'lagP95':
      return `consumer lag p95 ${formatDuration(value)}, usually ${formatDuration(usual)}`;
    case 'errorRate':
      return `${formatShare(value)} of requests fail, usually ${formatShare(usual)}`;
    case 'rate':
      return value === 0
        ? `no requests, usually ${formatRate(usual)}`
        : `${formatRate(value)} is ${formatRatio(value / usual)} the usual ${formatRate(usual)}`;
  }
}

function formatRate(perSecond: number): string {
  const rounded = perSecond >= 10 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10;
  return `${rounded} req/s`;
}
