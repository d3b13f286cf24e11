/**
 * @jest-environment node
 *
 * Service names and units that are Object.prototype member names (`__proto__`, `constructor`,
 * `hasOwnProperty`, `valueOf`) are ordinary names: the `edges` CLI gives each its inferred kind.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { classifyStat } from '../frames/readStats';
import { addObservation, createEdgeWindow } from './edgeWindow';
import { windowToGraph } from './windowToGraph';

const ROOT = join(__dirname, '../../..');
const TRACE_ID = '00000000000000000000000000000abc';
const START_US = 1_700_000_000_000_000;

function span(id: number, parent: number | undefined, processID: string, kind: string, tags: object[] = []) {
  return {
    traceID: TRACE_ID,
    spanID: id.toString(16).padStart(16, '0'),
    operationName: `op${id}`,
    references: parent
      ? [{ refType: 'CHILD_OF', traceID: TRACE_ID, spanID: parent.toString(16).padStart(16, '0') }]
      : [],
    startTime: START_US + id * 1000,
    duration: 10_000,
    tags: [{ key: 'span.kind', type: 'string', value: kind }, ...tags],
    logs: [],
    processID,
  };
}

/** user → __proto__ → constructor → database hasOwnProperty, and constructor → virtual peer valueOf. */
const TRACE = {
  traceID: TRACE_ID,
  processes: { p1: { serviceName: '__proto__', tags: [] }, p2: { serviceName: 'constructor', tags: [] } },
  spans: [
    span(1, undefined, 'p1', 'server'),
    span(2, 1, 'p1', 'client'),
    span(3, 2, 'p2', 'server'),
    span(4, 3, 'p2', 'client', [
      { key: 'db.system', type: 'string', value: 'postgresql' },
      { key: 'peer.service', type: 'string', value: 'hasOwnProperty' },
    ]),
    span(5, 3, 'p2', 'client', [{ key: 'peer.service', type: 'string', value: 'valueOf' }]),
  ],
};

describe('Object.prototype names as service names', () => {
  it('each gets its kind in the edges CLI output', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'proto-names-')), 'traces.json');
    writeFileSync(file, JSON.stringify({ data: [TRACE] }));
    const result = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'servicegraph/src/cli/edgesCli.ts'), file],
      {
        cwd: ROOT,
        encoding: 'utf8',
      }
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { nodes: unknown[]; edges: Array<{ source: string; target: string }> };
    expect(report.nodes).toEqual([
      { id: '__proto__', kind: 'service' },
      { id: 'constructor', kind: 'service' },
      { id: 'hasOwnProperty', kind: 'database' },
      { id: 'user', kind: 'virtual' },
      { id: 'valueOf', kind: 'virtual' },
    ]);
    expect(report.edges.map((e) => `${e.source}->${e.target}`)).toEqual([
      '__proto__->constructor',
      'constructor->hasOwnProperty',
      'constructor->valueOf',
      'user->__proto__',
    ]);
  }, 60_000);

  it('a node named constructor has no group unless one is given for it', () => {
    const window = createEdgeWindow();
    addObservation(window, {
      traceId: 't1',
      clientService: 'constructor',
      serverService: 'orders',
      connectionType: '',
      failed: false,
      latencyMs: 5,
      timeMs: 0,
    });
    const graph = windowToGraph(window, { startMs: 0, endMs: 1000, groups: { orders: 'checkout' } });
    expect(graph.nodes.map((node) => [node.id, node.group])).toEqual([
      ['constructor', undefined],
      ['orders', 'checkout'],
    ]);
  });

  it('a frame field with unit "constructor" is not read as a latency', () => {
    const field = { name: 'stat', type: 'number', config: { unit: 'constructor' }, values: [1] };
    expect(classifyStat(field as never)).toBeUndefined();
  });
});
