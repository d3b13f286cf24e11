/**
 * The attributes edge derivation reads (span kind and error signals, peer and database naming). The fast
 * scanners keep only these; a property test checks that derivation gives the same edges either way.
 */
export const DERIVATION_ATTRIBUTES: readonly string[] = [
  'span.kind',
  'error',
  'otel.status_code',
  'http.status_code',
  'http.response.status_code',
  'peer.service',
  'server.address',
  'network.peer.address',
  'network.peer.port',
  'db.system',
  'db.system.name',
  'db.name',
  'db.namespace',
];

/** Candidates by length, the form JsonCursor.readStringIn takes. */
export function toLengthTable(names: readonly string[]): Array<string[] | undefined> {
  const table: Array<string[] | undefined> = [];
  for (const name of names) {
    (table[name.length] ??= []).push(name);
  }
  return table;
}

export const DERIVATION_ATTRIBUTE_TABLE = toLengthTable(DERIVATION_ATTRIBUTES);
