/**
 * `record[key]` for keys that come from data (service names, tag keys): only the record's own entries,
 * so names like `__proto__`, `constructor` or `hasOwnProperty` do not find Object.prototype's members.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
