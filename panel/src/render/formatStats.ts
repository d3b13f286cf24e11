import { formattedValueToString, getValueFormat } from '@grafana/data';
import type { GraphEdge, RawStat, StatName } from '../../../servicegraph/src/types';

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

/** Whether the source gave a statistic (a foreign Node Graph frame may not; Kompas's frames give all). */
export function isStatKnown(stats: { unknownStats?: StatName[] }, name: StatName): boolean {
  return !stats.unknownStats?.includes(name);
}

/** A foreign stat the panel cannot interpret, as the stock Node Graph shows it: formatted with its field's unit. */
export function formatRawStat(stat: RawStat): string {
  if (typeof stat.value === 'string') {
    return stat.value;
  }
  return formattedValueToString(getValueFormat(stat.unit || 'none')(stat.value));
}

export type EdgeLabelStats = Pick<GraphEdge, 'rate' | 'errorRate' | 'p95Ms' | 'meanMs' | 'unknownStats' | 'rawStats'>;

const SEPARATOR = ' · ';

/** p95 when known, else the mean a foreign source gives (marked, so it is never read as a p95). */
function formatLatencyPart(stats: EdgeLabelStats): string | undefined {
  if (isStatKnown(stats, 'p95Ms')) {
    return `p95 ${formatMs(stats.p95Ms)}`;
  }
  return stats.meanMs !== undefined ? `avg ${formatMs(stats.meanMs)}` : undefined;
}

function isPart(part: string | undefined): part is string {
  return part !== undefined;
}

/**
 * The one-line edge label: rate, error share, p95, each only when known ("2.5/s · 0% · p95 347 ms"); an edge
 * whose source gave none of them shows its raw stats instead; '' when there is nothing to show.
 */
export function formatEdgeLabel(stats: EdgeLabelStats): string {
  const parts = [
    isStatKnown(stats, 'rate') ? formatRate(stats.rate) : undefined,
    isStatKnown(stats, 'errorRate') ? formatPercent(stats.errorRate) : undefined,
    formatLatencyPart(stats),
  ].filter(isPart);
  return (parts.length > 0 ? parts : (stats.rawStats ?? []).map(formatRawStat)).join(SEPARATOR);
}

/**
 * The short edge label where the full one has no room, a part of the full one in the same format: what makes
 * an unhealthy edge unhealthy (error share when above 0, and p95: "1.2% · p95 3.2 ms"), else the first number.
 */
export function formatEdgeLabelShort(stats: EdgeLabelStats, unhealthy: boolean): string {
  if (unhealthy) {
    const errors = isStatKnown(stats, 'errorRate') && stats.errorRate > 0 ? formatPercent(stats.errorRate) : undefined;
    const parts = [errors, formatLatencyPart(stats)].filter(isPart);
    if (parts.length > 0) {
      return parts.join(SEPARATOR);
    }
  }
  return formatEdgeLabel(stats).split(SEPARATOR)[0];
}

/**
 * Every form of an edge's label, longest first, for a label placer to try in turn: the full one, the short
 * one, then the short one's first number alone (a long unhealthy short form may not fit a crowded edge).
 */
export function formatEdgeLabelForms(stats: EdgeLabelStats, unhealthy: boolean): string[] {
  const short = formatEdgeLabelShort(stats, unhealthy);
  const forms = [formatEdgeLabel(stats), short, short.split(SEPARATOR)[0]];
  return forms.filter((form, i) => form !== '' && forms.indexOf(form) === i);
}
