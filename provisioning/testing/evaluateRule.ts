/**
 * Evaluates a provisioned Grafana-managed alert rule the way Grafana's ruler does for a SQL datasource:
 * the query's macros are expanded for its relative time range at `nowMs`, each result row becomes one
 * series (text columns are its labels, the one numeric column its value), then the server-side expressions
 * (reduce, threshold) run in order and the condition's non-zero results are the firing instances.
 */
import type { Pool } from 'pg';
import { expandPostgresMacros } from '../../sandbox/server/postgresMacros';
import type { AlertQuery, AlertRule } from './provisioningFiles';

export interface AlertInstance {
  labels: Record<string, string>;
  /** The value of the condition's input (the reduced query value), for messages and margins. */
  value: number;
  firing: boolean;
}

interface Series {
  labels: Record<string, string>;
  value: number;
}

/** PostgreSQL type OIDs Grafana reads as numbers. */
const NUMERIC_TYPES = new Set([20, 21, 23, 700, 701, 1700]);
/** text, varchar, name, bpchar */
const TEXT_TYPES = new Set([25, 1043, 19, 1042]);

export class RuleShapeError extends Error {
  constructor(rule: AlertRule, problem: string) {
    super(`alert rule ${rule.uid}: ${problem}`);
    this.name = 'RuleShapeError';
  }
}

function seriesKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

async function runSqlQuery(pool: Pool, rule: AlertRule, query: AlertQuery, nowMs: number): Promise<Series[]> {
  const rawSql = query.model.rawSql;
  if (typeof rawSql !== 'string' || query.model.format !== 'table') {
    throw new RuleShapeError(rule, `query ${query.refId} needs a rawSql string and format: table`);
  }
  const range = query.relativeTimeRange ?? { from: 600, to: 0 };
  const sql = expandPostgresMacros(rawSql, {
    fromMs: nowMs - range.from * 1000,
    toMs: nowMs - range.to * 1000,
    intervalMs: 10_000,
  });
  const result = await pool.query(sql);
  const numeric = result.fields.filter((f) => NUMERIC_TYPES.has(f.dataTypeID));
  const text = result.fields.filter((f) => TEXT_TYPES.has(f.dataTypeID));
  if (numeric.length !== 1 || numeric.length + text.length !== result.fields.length) {
    throw new RuleShapeError(
      rule,
      `query ${query.refId} must return text label columns and exactly one numeric column, got ${result.fields.map((f) => f.name).join(', ')}`
    );
  }
  const seen = new Set<string>();
  return result.rows.map((row: Record<string, unknown>) => {
    const labels = Object.fromEntries(text.map((f) => [f.name, String(row[f.name] ?? '')]));
    const key = seriesKey(labels);
    if (seen.has(key)) {
      throw new RuleShapeError(rule, `query ${query.refId} returned two rows with the labels ${key}`);
    }
    seen.add(key);
    const raw = row[numeric[0].name];
    return { labels, value: raw === null ? NaN : Number(raw) };
  });
}

function reduce(rule: AlertRule, input: Series[], model: Record<string, unknown>): Series[] {
  // A table query gives one number per series, so every reducer returns that number.
  if (!['last', 'mean', 'max', 'min', 'sum'].includes(String(model.reducer))) {
    throw new RuleShapeError(rule, `reducer ${String(model.reducer)} is not one this check knows`);
  }
  const mode = (model.settings as { mode?: string } | undefined)?.mode;
  return mode === 'dropNN' ? input.filter((s) => Number.isFinite(s.value)) : input;
}

function threshold(rule: AlertRule, input: Series[], model: Record<string, unknown>): Series[] {
  const conditions = model.conditions as Array<{ evaluator: { type: string; params: number[] } }> | undefined;
  const evaluator = conditions?.[0]?.evaluator;
  if (!evaluator) {
    throw new RuleShapeError(rule, 'threshold expression without conditions[0].evaluator');
  }
  const [a, b] = evaluator.params;
  const test: Record<string, (v: number) => boolean> = {
    gt: (v) => v > a,
    lt: (v) => v < a,
    within_range: (v) => v > a && v < b,
    outside_range: (v) => v < a || v > b,
  };
  const check = test[evaluator.type];
  if (!check) {
    throw new RuleShapeError(rule, `threshold type ${evaluator.type} is not one this check knows`);
  }
  return input.map((s) => ({ labels: s.labels, value: check(s.value) ? 1 : 0 }));
}

export async function evaluateRule(pool: Pool, rule: AlertRule, nowMs: number): Promise<AlertInstance[]> {
  const results = new Map<string, Series[]>();
  for (const query of rule.data) {
    if (query.datasourceUid !== '__expr__') {
      results.set(query.refId, await runSqlQuery(pool, rule, query, nowMs));
      continue;
    }
    const input = results.get(String(query.model.expression));
    if (!input) {
      throw new RuleShapeError(
        rule,
        `expression ${query.refId} reads ${String(query.model.expression)}, which is not defined before it`
      );
    }
    const type = query.model.type;
    results.set(
      query.refId,
      type === 'reduce'
        ? reduce(rule, input, query.model)
        : type === 'threshold'
          ? threshold(rule, input, query.model)
          : []
    );
    if (type !== 'reduce' && type !== 'threshold') {
      throw new RuleShapeError(rule, `expression type ${String(type)} is not one this check knows`);
    }
  }
  const condition = results.get(rule.condition);
  const conditionQuery = rule.data.find((q) => q.refId === rule.condition);
  if (!condition || !conditionQuery) {
    throw new RuleShapeError(rule, `condition ${rule.condition} is not one of its queries`);
  }
  const inputs = new Map(
    (results.get(String(conditionQuery.model.expression)) ?? []).map((s) => [seriesKey(s.labels), s.value])
  );
  return condition.map((s) => ({
    labels: s.labels,
    value: inputs.get(seriesKey(s.labels)) ?? NaN,
    firing: s.value !== 0,
  }));
}

export function firingEdges(instances: AlertInstance[]): string[] {
  return instances
    .filter((i) => i.firing)
    .map((i) => `${i.labels.client}->${i.labels.server}`)
    .sort();
}
