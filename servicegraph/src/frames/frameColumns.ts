/** Frames as lists of columns: each column names a field and says how to read its value from an item. */
import type { DataFrame, FieldConfig, FieldType } from '@grafana/data';

import { FIELD_TYPE, KOMPAS_FIELD, NODE_GRAPH_FIELD, NODE_GRAPH_VISUALISATION } from './fieldNames';
import type { Stats } from './frameStyle';

export interface Column<T> {
  name: string;
  type: FieldType;
  value: (item: T) => unknown;
  config?: FieldConfig;
}

export function buildFrame<T>(name: string, items: T[], columns: Array<Column<T>>, refId?: string): DataFrame {
  return {
    name,
    ...(refId !== undefined ? { refId } : {}),
    fields: columns.map((column) => ({
      name: column.name,
      type: column.type,
      config: column.config ?? {},
      values: items.map(column.value),
    })),
    length: items.length,
    meta: { preferredVisualisationType: NODE_GRAPH_VISUALISATION },
  };
}

const number = <T>(name: string, value: (item: T) => number, config?: FieldConfig): Column<T> => ({
  name,
  type: FIELD_TYPE.number,
  value,
  config,
});

/** mainstat / secondarystat as the stock Node Graph shows them: rate and p95 with units. */
export function statColumns<T extends Stats>(): Array<Column<T>> {
  return [
    number(NODE_GRAPH_FIELD.mainStat, (s) => s.rate, {
      displayName: 'Requests per second',
      unit: 'reqps',
      decimals: 2,
    }),
    number(NODE_GRAPH_FIELD.secondaryStat, (s) => s.p95Ms, { displayName: 'p95 latency', unit: 'ms', decimals: 1 }),
  ];
}

/** detail__* fields: shown in the stock Node Graph's context menu. */
export function detailColumns<T extends Stats>(): Array<Column<T>> {
  const detail = `${NODE_GRAPH_FIELD.detail}`;
  return [
    number(`${detail}requests`, (s) => s.requests, { displayName: 'Requests' }),
    number(`${detail}error_rate`, (s) => s.errorRate, { displayName: 'Error rate', unit: 'percentunit' }),
    number(`${detail}p50`, (s) => s.p50Ms, { displayName: 'p50 latency', unit: 'ms' }),
    number(`${detail}p99`, (s) => s.p99Ms, { displayName: 'p99 latency', unit: 'ms' }),
  ];
}

/** Kompas's exact numbers, read back by fromNodeGraphFrames and the Kompas panel. */
export function kompasStatColumns<T extends Stats>(items: T[]): Array<Column<T>> {
  const columns = [
    number<T>(KOMPAS_FIELD.requests, (s) => s.requests),
    number<T>(KOMPAS_FIELD.failed, (s) => s.failed),
    number<T>(KOMPAS_FIELD.rate, (s) => s.rate, { unit: 'reqps' }),
    number<T>(KOMPAS_FIELD.errorRate, (s) => s.errorRate, { unit: 'percentunit' }),
    number<T>(KOMPAS_FIELD.p50, (s) => s.p50Ms, { unit: 'ms' }),
    number<T>(KOMPAS_FIELD.p95, (s) => s.p95Ms, { unit: 'ms' }),
    number<T>(KOMPAS_FIELD.p99, (s) => s.p99Ms, { unit: 'ms' }),
  ];
  // Only foreign sources carry a mean; Kompas's own graphs keep the frame free of an all-empty column.
  if (items.some((s) => s.meanMs !== undefined)) {
    columns.push(number<T>(KOMPAS_FIELD.mean, (s) => s.meanMs ?? Number.NaN, { unit: 'ms' }));
  }
  return columns;
}
