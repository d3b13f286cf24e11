/** AttributeValue → OTLP AnyValue / Jaeger tag, the inverse of the parsers' flattening. */
import type { AttributeValue } from '../types';

export interface OtlpKeyValue {
  key: string;
  value: { stringValue: string } | { boolValue: boolean } | { intValue: string } | { doubleValue: number };
}

export interface JaegerTag {
  key: string;
  type: 'string' | 'bool' | 'int64' | 'float64';
  value: AttributeValue;
}

export function toOtlpKeyValues(attributes: Record<string, AttributeValue>): OtlpKeyValue[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: toAnyValue(value) }));
}

export function toJaegerTags(attributes: Record<string, AttributeValue>): JaegerTag[] {
  return Object.entries(attributes).map(([key, value]) => {
    if (typeof value === 'boolean') {
      return { key, type: 'bool', value };
    }
    if (typeof value === 'number') {
      return { key, type: Number.isInteger(value) ? 'int64' : 'float64', value };
    }
    return { key, type: 'string', value };
  });
}

function toAnyValue(value: AttributeValue): OtlpKeyValue['value'] {
  if (typeof value === 'boolean') {
    return { boolValue: value };
  }
  if (typeof value === 'number') {
    // OTLP/JSON writes int64 as a decimal string.
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  }
  return { stringValue: value };
}
