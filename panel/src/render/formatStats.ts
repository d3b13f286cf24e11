/** Requests per second, compact: 0.25/s, 12/s, 1.2k/s. */
export function formatRate(rate: number): string {
  if (!(rate > 0)) {
    return '0/s';
  }
  if (rate >= 1000) {
    return `${(rate / 1000).toFixed(rate >= 10000 ? 0 : 1)}k/s`;
  }
  return `${rate >= 10 ? Math.round(rate) : rate.toFixed(rate >= 1 ? 1 : 2)}/s`;
}

export function formatPercent(share: number): string {
  const pct = share * 100;
  return `${pct >= 10 || pct === 0 ? Math.round(pct) : pct.toFixed(1)}%`;
}

export function formatMs(ms: number): string {
  if (!(ms > 0)) {
    return '0 ms';
  }
  return ms >= 1000
    ? `${(ms / 1000).toFixed(ms >= 10000 ? 0 : 1)} s`
    : `${ms >= 10 ? Math.round(ms) : ms.toFixed(1)} ms`;
}

/** The one-line edge label: rate, error share, p95. */
export function formatEdgeLabel(rate: number, errorRate: number, p95Ms: number): string {
  return `${formatRate(rate)} | ${formatPercent(errorRate)} | p95 ${formatMs(p95Ms)}`;
}

/** The short edge label where the full one has no room: what makes an unhealthy edge unhealthy, else its rate. */
export function formatEdgeLabelShort(rate: number, errorRate: number, p95Ms: number, unhealthy: boolean): string {
  if (!unhealthy) {
    return formatRate(rate);
  }
  return errorRate > 0 ? `${formatPercent(errorRate)} · ${formatMs(p95Ms)}` : `p95 ${formatMs(p95Ms)}`;
}
