/**
 * @jest-environment node
 */
import { fromNodeGraphFrames, isGraphFramesError } from '../frames/fromNodeGraphFrames';
import { toNodeGraphFrames } from '../frames/toNodeGraphFrames';
import type { Graph } from '../types';
import { applyAnomalies } from './anomalyFlags';

const stats = { requests: 300, failed: 3, rate: 30, errorRate: 0.01, p50Ms: 50, p95Ms: 2300, p99Ms: 2500 };

describe('anomaly frame field', () => {
  it('goes out as the `anomaly` string field of both frames and comes back into the graph', () => {
    const graph: Graph = applyAnomalies(
      {
        nodes: [
          { id: 'payments', title: 'payments', kind: 'service', ...stats },
          { id: 'payments-db', title: 'payments-db', kind: 'database', ...stats },
        ],
        edges: [{ id: 'payments->payments-db#database', source: 'payments', target: 'payments-db', connectionType: 'database', ...stats }],
      },
      [
        {
          element: 'edge',
          id: 'payments->payments-db#database',
          metric: 'p95',
          value: 2300,
          usual: 110,
          score: 30,
          windowStartMs: 0,
          reason: 'p95 2.3 s is 21× the usual 110 ms',
        },
      ]
    );
    const frames = toNodeGraphFrames(graph);
    const field = (frame: number) => frames[frame].fields.find((f) => f.name === 'anomaly');
    expect(field(0)?.values).toEqual(['', '']);
    expect(field(1)?.values).toEqual(['p95 2.3 s is 21× the usual 110 ms']);
    const back = fromNodeGraphFrames(frames);
    if (isGraphFramesError(back)) {
      throw new Error(back.message);
    }
    expect(back.edges[0].anomaly).toBe('p95 2.3 s is 21× the usual 110 ms');
    expect(back.nodes.every((n) => n.anomaly === undefined)).toBe(true);
  });
});
