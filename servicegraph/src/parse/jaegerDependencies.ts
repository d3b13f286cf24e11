/**
 * Jaeger `/api/dependencies` (`[{parent, child, callCount}]`, bare or wrapped in `{data: […]}`): already
 * edges, with call counts but no latencies or failures, so they bypass span derivation.
 */
import { describeValue, ParseError } from './parseError';

/** One service-to-service link as Jaeger's dependency store reports it. */
export interface DependencyLink {
  parent: string;
  child: string;
  callCount: number;
}

export function parseJaegerDependencies(items: unknown[], file: string, path = ''): DependencyLink[] {
  const links: DependencyLink[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Record<string, unknown> | null;
    const where = `${path}[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new ParseError(file, `${where}: expected a {parent, child, callCount} object`);
    }
    for (const field of ['parent', 'child'] as const) {
      if (typeof item[field] !== 'string' || item[field] === '') {
        throw new ParseError(file, `${where}.${field}: expected a service name, got ${describeValue(item[field])}`);
      }
    }
    const callCount = item.callCount === undefined ? 1 : item.callCount;
    // Safe integers only: 1e308 links summed to Infinity, which JSON prints as null.
    if (typeof callCount !== 'number' || !Number.isSafeInteger(callCount) || callCount < 0) {
      throw new ParseError(
        file,
        `${where}.callCount: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${describeValue(callCount)}`
      );
    }
    links.push({ parent: item.parent as string, child: item.child as string, callCount });
  }
  return links;
}

/** True when the value looks like a dependency link (used by format detection). */
export function isDependencyLink(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'parent' in value && 'child' in value;
}
