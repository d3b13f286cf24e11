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
