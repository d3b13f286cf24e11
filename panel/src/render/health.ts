import type { GraphEdge, StatName } from '../../../servicegraph/src/types';
import { isStatKnown } from './formatStats';
import { HealthLevel } from './sceneTypes';

/** Health thresholds: error rate in percent (ascending steps) and p95 latency in ms. */
export interface HealthRules {
  /** Error-rate percentages where warning and critical start. */
  errorWarnPct: number;
  errorCritPct: number;
  latencyWarnMs: number;
  latencyCritMs: number;
}

/** The worse of the error-rate and latency levels; idle when nothing flowed. */
export function classifyHealth(rate: number, errorRate: number, p95Ms: number, rules: HealthRules): HealthLevel {
  if (!(rate > 0) && !(errorRate > 0)) {
    return -1;
  }
  const pct = errorRate * 100;
  const byErrors = pct >= rules.errorCritPct ? 2 : pct >= rules.errorWarnPct ? 1 : 0;
  const byLatency = p95Ms >= rules.latencyCritMs ? 2 : p95Ms >= rules.latencyWarnMs ? 1 : 0;
  return Math.max(byErrors, byLatency) as HealthLevel;
}

export type HealthStats = Pick<
  GraphEdge,
  'rate' | 'requests' | 'errorRate' | 'p95Ms' | 'meanMs' | 'unknownStats' | 'rawStats'
>;

/**
 * Health from the statistics the source gave: one it left out (a foreign Node Graph frame) neither passes nor
 * fails. Known traffic of 0 is idle; stats without error rate or p95 (a mainstat, a rate, a mean) are neutral
 * (-2): the map cannot tell healthy from unhealthy there. Kompas's frames give everything: classifyHealth.
 */
export function classifyStatsHealth(stats: HealthStats, rules: HealthRules): HealthLevel {
  if (!stats.unknownStats?.length) {
    return classifyHealth(stats.rate, stats.errorRate, stats.p95Ms, rules);
  }
  const known = (name: StatName) => isStatKnown(stats, name);
  const errorRate = known('errorRate') ? stats.errorRate : undefined;
  const p95Ms = known('p95Ms') ? stats.p95Ms : undefined;
  const traffic = known('rate') ? stats.rate : known('requests') ? stats.requests : undefined;
  if (traffic !== undefined && !(traffic > 0) && !(errorRate !== undefined && errorRate > 0)) {
    return -1;
  }
  if (errorRate === undefined && p95Ms === undefined) {
    const saysSomething = traffic !== undefined || stats.meanMs !== undefined || (stats.rawStats?.length ?? 0) > 0;
    return saysSomething ? -2 : -1;
  }
  return classifyHealth(1, errorRate ?? 0, p95Ms ?? 0, rules);
}
