/**
 * Records keyed by names that come from data (tag and attribute keys, service names). A plain `{}` drops a
 * `__proto__` key without a word (assigning to it sets the prototype) and answers `constructor` or
 * `hasOwnProperty` with Object.prototype's members; a record whose prototype chain ends in an empty,
 * frozen object keeps every key as it is. JSON.stringify, Object.keys/entries, spread and `in` work as usual.
 */

/**
 * `new` on a function whose prototype has no prototype: objects in V8's fast mode. Object.create(null) gives
 * dictionary-mode objects, which made the Jaeger JSON parser 40 % and the OTLP parsers 12-20 % slower.
 */
const DataRecord = function DataRecord() {} as unknown as new () => Record<string, never>;
DataRecord.prototype = Object.freeze(Object.create(null));

export function createDataRecord<T>(): Record<string, T> {
  return new DataRecord() as Record<string, T>;
}
