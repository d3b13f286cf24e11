/**
 * `$variable` interpolation of every text field of a query. Values are substituted as text only; the
 * Jaeger URL builders encode them afterwards, so a hostile value cannot add parameters or path
 * segments. Values that cannot mean what the field needs (several values for one service, control
 * characters) become a clear error instead of a strange request.
 */
import { ScopedVars } from '@grafana/data';

import { DataflowError } from '../errors';
import { parseLogfmtTags } from '../jaeger/logfmtTags';
import { DataflowQuery, JaegerDataflowQuery, TimescaleDataflowQuery } from '../types';

/** The subset of Grafana's TemplateSrv.replace used here (injectable for tests). */
export type ReplaceFn = (target: string, scopedVars?: ScopedVars, format?: (value: unknown) => string) => string;

const MAX_VALUE_CHARS = 1000;
const LIST_SEPARATOR = '\u0001';

export function interpolateQuery<Q extends DataflowQuery>(query: Q, replace: ReplaceFn, scopedVars?: ScopedVars): Q {
  switch (query.source) {
    case 'jaeger':
      return interpolateJaeger(query, replace, scopedVars) as Q;
    case 'timescale':
      return interpolateTimescale(query, replace, scopedVars) as Q;
    case 'demo':
      return { ...query, traceId: interpolateSingle('Trace id', query.traceId, replace, scopedVars) };
  }
}

function interpolateJaeger(
  query: JaegerDataflowQuery,
  replace: ReplaceFn,
  scopedVars?: ScopedVars
): JaegerDataflowQuery {
  const single = (field: string, value: string | undefined) => interpolateSingle(field, value, replace, scopedVars);
  return {
    ...query,
    service: single('Service', query.service),
    operation: single('Operation', query.operation),
    minDuration: single('Min duration', query.minDuration),
    maxDuration: single('Max duration', query.maxDuration),
    lookback: single('Lookback', query.lookback),
    traceId: single('Trace id', query.traceId),
    tags: interpolateTags(query.tags, replace, scopedVars),
  };
}

function interpolateTimescale(
  query: TimescaleDataflowQuery,
  replace: ReplaceFn,
  scopedVars?: ScopedVars
): TimescaleDataflowQuery {
  const services = (query.services ?? []).flatMap((service) =>
    replace(service, scopedVars, formatList)
      .split(LIST_SEPARATOR)
      .map((value) => checkValue('Services', value))
      .filter((value) => value !== '')
  );
  return {
    ...query,
    services,
    connectionType: interpolateSingle('Connection type', query.connectionType, replace, scopedVars),
    traceId: interpolateSingle('Trace id', query.traceId, replace, scopedVars),
  };
}

/** One value per field: a multi-value variable with several selections is a mistake worth naming. */
export function interpolateSingle(
  field: string,
  value: string | undefined,
  replace: ReplaceFn,
  scopedVars?: ScopedVars
): string | undefined {
  if (value === undefined || value === '') {
    return value;
  }
  let several: string[] | undefined;
  const result = replace(value, scopedVars, (raw: unknown) => {
    const values = toValues(raw);
    if (values.length > 1) {
      several = values;
    }
    return values[0] ?? '';
  });
  if (several) {
    throw new DataflowError(
      `${field}: the variable has several values (${several.slice(0, 3).join(', ')}…); this field takes one`
    );
  }
  return checkValue(field, result.trim());
}

/**
 * Tags are parsed as logfmt before interpolation and each key and value is interpolated on its own, so a value
 * (`x" error=true "y`) cannot add a tag, and `k="$v"` or `$key=v` work as written. Re-serialised with quoted values.
 */
function interpolateTags(tags: string | undefined, replace: ReplaceFn, scopedVars?: ScopedVars): string | undefined {
  if (!tags) {
    return tags;
  }
  const pairs = Object.entries(parseLogfmtTags(tags)).map(([rawKey, rawValue]) => {
    const key = interpolateSingle('Tags', rawKey, replace, scopedVars) ?? '';
    if (key === '' || /[\s="]/.test(key)) {
      throw new DataflowError(`Tags: "${rawKey}" is not a usable tag key (empty, or contains spaces, = or ")`);
    }
    const value = checkValue('Tags', replace(rawValue, scopedVars, (raw: unknown) => toValues(raw).join(',')));
    return `${key}="${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  });
  return pairs.join(' ');
}

function formatList(raw: unknown): string {
  return toValues(raw).join(LIST_SEPARATOR);
}

function toValues(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.map(String) : [String(raw ?? '')];
}

function checkValue(field: string, value: string): string {
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new DataflowError(`${field}: the value contains control characters (line breaks, tabs); check the variable`);
  }
  if (value.length > MAX_VALUE_CHARS) {
    throw new DataflowError(`${field}: the value is longer than ${MAX_VALUE_CHARS} characters; check the variable`);
  }
  return value;
}
