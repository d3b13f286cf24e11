/**
 * Reading statistics out of Node Graph frames from any datasource. Stock frames only say what a stat
 * means through its unit and display name (Tempo: `ms/r` "Average response time", `r/sec` "Requests per
 * second"; X-Ray: `t/min`), so those are interpreted here; Kompas's own fields override them.
 */
import type { DataFrame, Field } from '@grafana/data';

import type { RawStat } from '../types';
import { KOMPAS_FIELD, NODE_GRAPH_FIELD } from './fieldNames';

export interface RowStats {
  requests?: number;
  failed?: number;
  rate?: number;
  errorRate?: number;
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  meanMs?: number;
}

type Meaning =
  | { stat: 'rate' | 'errorRate' | 'requests' | 'failed'; factor: number }
  | { stat: 'latency'; factor: number; percentile?: 'p50Ms' | 'p95Ms' | 'p99Ms' };

/** A Map: units come from other datasources' frames, and a unit like `constructor` must not match. */
const TIME_UNITS = new Map<string, number>([
  ['ms', 1],
  ['s', 1000],
  ['µs', 0.001],
  ['us', 0.001],
  ['ns', 1e-6],
  ['dtdurationms', 1],
  ['dtdurations', 1000],
]);
const PER_SECOND_UNITS = new Set(['reqps', 'rps', 'r/sec', 'r/s', 'req/s', 'ops', 'opsps', 't/sec', 't/s']);
const PER_MINUTE_UNITS = new Set(['reqpm', 'rpm', 'r/min', 't/min', 'opm', 'opsmin']);

/** Case-insensitive field lookup: SQL datasources often return column names in whatever case was typed. */
export class FrameReader {
  readonly length: number;
  private readonly byName = new Map<string, Field>();
  private readers?: Array<[unknown[], Meaning]>;

  constructor(readonly frame: DataFrame) {
    for (const field of frame.fields) {
      const key = field.name.toLowerCase();
      if (!this.byName.has(key)) {
        this.byName.set(key, field);
      }
    }
    this.length = Math.max(frame.length ?? 0, ...frame.fields.map((f) => valuesOf(f).length));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  fieldsStartingWith(prefix: string): Field[] {
    return this.frame.fields.filter((f) => f.name.toLowerCase().startsWith(prefix));
  }

  string(name: string, row: number): string | undefined {
    const field = this.byName.get(name);
    return field ? stringValue(valuesOf(field)[row]) : undefined;
  }

  number(name: string, row: number): number | undefined {
    const field = this.byName.get(name);
    return field ? numberValue(valuesOf(field)[row]) : undefined;
  }

  boolean(name: string, row: number): boolean | undefined {
    const field = this.byName.get(name);
    const value = field ? valuesOf(field)[row] : undefined;
    return typeof value === 'boolean' ? value : typeof value === 'string' ? value === 'true' : undefined;
  }

  /** Statistics of one row: interpreted stat fields first, then Kompas's exact fields. */
  stats(row: number): RowStats {
    const stats: RowStats = {};
    for (const [values, meaning] of this.statReaders()) {
      const value = numberValue(values[row]);
      if (value !== undefined) {
        applyMeaning(stats, meaning, value);
      }
    }
    return stats;
  }

  /**
   * The row's mainstat/secondarystat values that no statistic could be read from (no telling unit or name, or
   * text such as "3 ms"), as the stock Node Graph shows them: label, value and the field's unit.
   */
  rawStats(row: number): RawStat[] {
    const raw: RawStat[] = [];
    for (const name of [NODE_GRAPH_FIELD.mainStat, NODE_GRAPH_FIELD.secondaryStat]) {
      const field = this.byName.get(name);
      const value = field ? valuesOf(field)[row] : undefined;
      if (!field || value === null || value === undefined || value === '') {
        continue;
      }
      const number = numberValue(value);
      if (number !== undefined && classifyStat(field)) {
        continue;
      }
      const unit = field.config?.unit;
      raw.push({
        label: field.config?.displayName || field.name,
        value: number ?? String(value),
        ...(unit ? { unit } : {}),
      });
    }
    return raw;
  }

  /** Each statistic field with its meaning, worked out once per frame, in the order later ones override. */
  private statReaders(): Array<[unknown[], Meaning]> {
    if (this.readers) {
      return this.readers;
    }
    const readers: Array<[unknown[], Meaning]> = [];
    const statFields = [
      ...[NODE_GRAPH_FIELD.mainStat, NODE_GRAPH_FIELD.secondaryStat].flatMap((name) => this.byName.get(name) ?? []),
      ...this.fieldsStartingWith(NODE_GRAPH_FIELD.detail),
    ];
    for (const field of statFields) {
      const meaning = classifyStat(field);
      if (meaning) {
        readers.push([valuesOf(field), meaning]);
      }
    }
    for (const arc of this.fieldsStartingWith(NODE_GRAPH_FIELD.arc)) {
      if (/fail|error|fault/i.test(`${arc.name} ${arc.config?.displayName ?? ''}`)) {
        readers.push([valuesOf(arc), { stat: 'errorRate', factor: 1 }]);
      }
    }
    for (const [name, meaning] of EXACT_FIELDS) {
      const field = this.byName.get(name);
      if (field) {
        readers.push([valuesOf(field), meaning]);
      }
    }
    this.readers = readers;
    return readers;
  }
}

/** Kompas's own fields: exact values in ms and fractions, so they override anything interpreted. */
const EXACT_FIELDS: Array<[string, Meaning]> = [
  [KOMPAS_FIELD.requests, { stat: 'requests', factor: 1 }],
  [KOMPAS_FIELD.failed, { stat: 'failed', factor: 1 }],
  [KOMPAS_FIELD.rate, { stat: 'rate', factor: 1 }],
  [KOMPAS_FIELD.errorRate, { stat: 'errorRate', factor: 1 }],
  [KOMPAS_FIELD.p50, { stat: 'latency', factor: 1, percentile: 'p50Ms' }],
  [KOMPAS_FIELD.p95, { stat: 'latency', factor: 1, percentile: 'p95Ms' }],
  [KOMPAS_FIELD.p99, { stat: 'latency', factor: 1, percentile: 'p99Ms' }],
  [KOMPAS_FIELD.mean, { stat: 'latency', factor: 1 }],
];

/** What a stat field measures, judged by its unit and label; undefined when it cannot be told. */
export function classifyStat(field: Field): Meaning | undefined {
  const unit = (field.config?.unit ?? '').toLowerCase();
  const label = `${field.config?.displayName ?? ''} ${field.name}`.toLowerCase();
  if (/error|fail|fault/.test(label)) {
    if (unit === 'percent') {
      return { stat: 'errorRate', factor: 0.01 };
    }
    return unit === 'percentunit' || /rate|ratio/.test(label)
      ? { stat: 'errorRate', factor: 1 }
      : { stat: 'failed', factor: 1 };
  }
  const timeFactor = TIME_UNITS.get(unit.split('/')[0]);
  if (timeFactor !== undefined || (unit === '' && /latency|response time|duration/.test(label))) {
    return { stat: 'latency', factor: timeFactor ?? 1, percentile: percentileOf(label) };
  }
  if (PER_SECOND_UNITS.has(unit) || /per second|req\/s|\brps\b/.test(label)) {
    return { stat: 'rate', factor: 1 };
  }
  if (PER_MINUTE_UNITS.has(unit) || /per minute/.test(label)) {
    return { stat: 'rate', factor: 1 / 60 };
  }
  if (/request|call|transaction|count/.test(label)) {
    return { stat: 'requests', factor: 1 };
  }
  return undefined;
}

function percentileOf(label: string): 'p50Ms' | 'p95Ms' | 'p99Ms' | undefined {
  if (/\bp50\b|median/.test(label)) {
    return 'p50Ms';
  }
  if (/\bp95\b/.test(label)) {
    return 'p95Ms';
  }
  return /\bp99\b/.test(label) ? 'p99Ms' : undefined;
}

function applyMeaning(stats: RowStats, meaning: Meaning, value: number): void {
  const scaled = value * meaning.factor;
  if (meaning.stat === 'latency') {
    stats[meaning.percentile ?? 'meanMs'] = scaled;
  } else {
    stats[meaning.stat] = scaled;
  }
}

function valuesOf(field: Field): unknown[] {
  return Array.isArray(field.values) ? field.values : [];
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : undefined;
}

/** Finite numbers only; numeric strings (PostgreSQL `numeric` columns) are accepted, NaN means "no value". */
function numberValue(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}
