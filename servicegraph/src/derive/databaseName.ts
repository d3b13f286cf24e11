/**
 * Database edges (design.md): a CLIENT span with database attributes that no server span answers goes to a
 * database node named by the first attribute present in DATABASE_NAME_ATTRIBUTES. `net.peer.name` is
 * deliberately not used (Tempo does the same), so `db.name=postgres` + `net.peer.name=pg1` names `postgres`.
 */
import type { AttributeValue, Span } from '../types';

/** Attributes that mark a span as a database call. */
export const DATABASE_MARKER_ATTRIBUTES = ['db.system', 'db.system.name', 'db.name', 'db.namespace'] as const;

export function isDatabaseSpan(span: Span): boolean {
  const attributes = span.attributes;
  for (const key of DATABASE_MARKER_ATTRIBUTES) {
    if (hasValue(attributes[key])) {
      return true;
    }
  }
  return false;
}

/** The database node name, or undefined when no naming attribute is present. */
export function databaseNodeName(span: Span): string | undefined {
  const a = span.attributes;
  const peer = a['peer.service'];
  if (hasValue(peer)) {
    return String(peer);
  }
  const server = a['server.address'];
  if (hasValue(server)) {
    return String(server);
  }
  const address = a['network.peer.address'];
  if (hasValue(address)) {
    const port = a['network.peer.port'];
    return hasValue(port) ? `${String(address)}:${String(port)}` : String(address);
  }
  for (const key of ['db.namespace', 'db.name', 'db.system', 'db.system.name']) {
    const value = a[key];
    if (hasValue(value)) {
      return String(value);
    }
  }
  return undefined;
}

function hasValue(value: AttributeValue | undefined): value is AttributeValue {
  return value !== undefined && value !== '';
}
