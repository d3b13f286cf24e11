/** What a traces query asks Jaeger for, shared by the one-shot and the live search. */
import { DEFAULT_TRACE_LIMIT } from '../defaults';
import { DataflowError } from '../errors';
import { JaegerDataflowQuery } from '../types';
import { TraceSearch } from './jaegerUrls';

export type SearchOptions = Omit<TraceSearch, 'startMs' | 'endMs' | 'limit'>;

export function searchOf(query: JaegerDataflowQuery, extraTags: Record<string, string>): SearchOptions {
  return {
    service: query.service ?? '',
    operation: query.operation,
    tags: query.tags,
    extraTags,
    minDuration: query.minDuration,
    maxDuration: query.maxDuration,
  };
}

export function limitOf(query: JaegerDataflowQuery): number {
  const limit = query.limit ?? DEFAULT_TRACE_LIMIT;
  if (!Number.isInteger(limit) || limit <= 0) {
    throw new DataflowError(`Limit: "${limit}" must be a whole number above 0`);
  }
  return limit;
}
