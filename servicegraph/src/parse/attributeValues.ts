/**
 * Attribute values from the wire formats → `AttributeValue` (string | number | boolean). OTLP AnyValue
 * arrays and key/value lists become JSON strings; int64 values arrive as strings in OTLP/JSON and are
 * turned into numbers (precision beyond 2^53 does not matter for the attributes derivation reads).
 */
import type { AttributeValue } from '../types';
import { createDataRecord } from '../dataRecord';

type Json = unknown;

/** OTLP AnyValue (`{stringValue}`, `{intValue}`, `{arrayValue:{values}}`, …) → AttributeValue; undefined when empty. */
export function anyValueToAttribute(value: Json): AttributeValue | undefined {
  if (value === null || typeof value !== 'object') {
    return undefined;
  }
  const v = value as Record<string, Json>;
  if (typeof v.stringValue === 'string') {
    return v.stringValue;
  }
  if (v.intValue !== undefined && v.intValue !== null) {
    return toNumberOrString(v.intValue);
  }
  if (typeof v.boolValue === 'boolean') {
    return v.boolValue;
  }
  if (v.doubleValue !== undefined && v.doubleValue !== null) {
    return toNumberOrString(v.doubleValue);
  }
  if (typeof v.bytesValue === 'string') {
    return v.bytesValue;
  }
  if (v.arrayValue !== undefined || v.kvlistValue !== undefined) {
    return JSON.stringify(anyValueToPlain(value));
  }
  return undefined;
}

/** Jaeger tag value (typed by `type`, but real dumps put numbers and booleans in strings and vice versa). */
export function tagValueToAttribute(value: Json): AttributeValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      return value === null ? undefined : JSON.stringify(value);
    default:
      return undefined;
  }
}

/** Reads an OTLP `[{key, value}]` attribute list into `into`; entries without a string key are skipped. */
export function readKeyValues(list: Json, into: Record<string, AttributeValue>): void {
  if (!Array.isArray(list)) {
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const entry = list[i] as { key?: Json; value?: Json } | null;
    if (entry === null || typeof entry !== 'object' || typeof entry.key !== 'string') {
      continue;
    }
    const attribute = anyValueToAttribute(entry.value);
    if (attribute !== undefined) {
      into[entry.key] = attribute;
    }
  }
}

function toNumberOrString(value: Json): AttributeValue {
  if (typeof value === 'number') {
    return value;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : String(value);
}

function anyValueToPlain(value: Json): Json {
  if (value === null || typeof value !== 'object') {
    return null;
  }
  const v = value as Record<string, Json>;
  const array = v.arrayValue as { values?: Json } | undefined;
  if (array !== undefined) {
    const values = array !== null && Array.isArray(array.values) ? array.values : [];
    return values.map(anyValueToPlain);
  }
  const kvlist = v.kvlistValue as { values?: Json } | undefined;
  if (kvlist !== undefined) {
    const values = kvlist !== null && Array.isArray(kvlist.values) ? kvlist.values : [];
    const out = createDataRecord<Json>();
    for (const entry of values as Array<{ key?: Json; value?: Json } | null>) {
      if (entry !== null && typeof entry === 'object' && typeof entry.key === 'string') {
        out[entry.key] = anyValueToPlain(entry.value);
      }
    }
    return out;
  }
  const scalar = anyValueToAttribute(value);
  return scalar === undefined ? null : scalar;
}
