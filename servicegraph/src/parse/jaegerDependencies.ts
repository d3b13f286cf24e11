/**
 * Jaeger `/api/dependencies` (`[{parent, child, callCount}]`, bare or wrapped in `{data: […]}`): already
 * edges, with call counts but no latencies or failures, so they bypass span derivation.
 */
import { ParseError } from './parseError';

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
    if (typeof item.parent !== 'string' || typeof item.child !== 'string') {
      throw new ParseError(file, `${where}: parent and child must be service names`);
    }
    const callCount = item.callCount === undefined ? 1 : Number(item.callCount);
    if (!Number.isFinite(callCount) || callCount < 0) {
      throw new ParseError(file, `${where}.callCount: expected a non-negative number`);
    }
    links.push({ parent: item.parent, child: item.child, callCount });
  }
  return links;
}

/** True when the value looks like a dependency link (used by format detection). */
export function isDependencyLink(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'parent' in value && 'child' in value;
}
