import { makeSpan } from '../../testdata/makeSpan';
import { databaseNodeName, isDatabaseSpan } from './databaseName';

const name = (attributes: Record<string, string | number>) =>
  databaseNodeName(makeSpan({ spanId: 'd', service: 's', kind: 'client', attributes }));

describe('database node naming (first of the design.md list)', () => {
  it('takes peer.service first, then server.address', () => {
    expect(name({ 'peer.service': 'orders-db', 'server.address': 'pg1', 'db.name': 'orders' })).toBe('orders-db');
    expect(name({ 'server.address': 'pg1', 'db.name': 'orders' })).toBe('pg1');
  });

  it('appends network.peer.port to network.peer.address', () => {
    expect(name({ 'network.peer.address': '10.0.0.5', 'network.peer.port': 5432, 'db.system': 'postgresql' })).toBe(
      '10.0.0.5:5432'
    );
    expect(name({ 'network.peer.address': '10.0.0.5', 'db.system': 'postgresql' })).toBe('10.0.0.5');
  });

  it('falls back to db.namespace, db.name, db.system, db.system.name in that order', () => {
    expect(name({ 'db.namespace': 'ns', 'db.name': 'n', 'db.system': 'sys' })).toBe('ns');
    expect(name({ 'db.name': 'n', 'db.system': 'sys' })).toBe('n');
    expect(name({ 'db.system': 'sys', 'db.system.name': 'sysname' })).toBe('sys');
    expect(name({ 'db.system.name': 'sysname' })).toBe('sysname');
  });

  it('does not use net.peer.name (as Tempo)', () => {
    expect(name({ 'db.name': 'postgres', 'net.peer.name': 'pg1' })).toBe('postgres');
  });

  it('recognises database spans by any db marker attribute', () => {
    for (const key of ['db.system', 'db.system.name', 'db.name', 'db.namespace']) {
      expect(isDatabaseSpan(makeSpan({ spanId: 'd', service: 's', attributes: { [key]: 'x' } }))).toBe(true);
    }
    expect(isDatabaseSpan(makeSpan({ spanId: 'd', service: 's', attributes: { 'db.statement': 'SELECT 1' } }))).toBe(
      false
    );
  });
});
