import { FieldType, toDataFrame } from '@grafana/data';
import { fromNodeGraphFrames, isGraphFramesError } from '../../../servicegraph/src/frames/fromNodeGraphFrames';
import type { Graph } from '../../../servicegraph/src/types';

/**
 * The frames Grafana's PostgreSQL datasource returns for a hand-written Node Graph query (a reviewer's query:
 * id/title/subtitle, unitless mainstat, text secondarystat, arc__* and color; no requests, rates or p95), read
 * by the same code the panel uses.
 */
export function readSqlNodeGraph(): Graph {
  const nodes = toDataFrame({
    refId: 'B',
    fields: [
      { name: 'id', type: FieldType.string, values: ['fe', 'api', 'db', 'cache', 'ext'] },
      { name: 'title', type: FieldType.string, values: ['frontend', 'api', 'postgres', 'redis', 'stripe'] },
      { name: 'subtitle', type: FieldType.string, values: ['web', 'backend', 'database', 'cache', 'external'] },
      { name: 'mainstat', type: FieldType.number, values: [120.5, 80.1, 50, 30, 5] },
      { name: 'secondarystat', type: FieldType.string, values: ['3 ms', '12 ms', '40 ms', '1 ms', '900 ms'] },
      { name: 'arc__success', type: FieldType.number, values: [0.9, 0.97, 1, 1, 0.6] },
      { name: 'arc__failed', type: FieldType.number, values: [0.1, 0.03, 0, 0, 0.4] },
      { name: 'color', type: FieldType.string, values: ['green', 'green', 'blue', 'blue', 'red'] },
    ],
  });
  const edges = toDataFrame({
    refId: 'A',
    fields: [
      { name: 'id', type: FieldType.string, values: ['e1', 'e2', 'e3', 'e4'] },
      { name: 'source', type: FieldType.string, values: ['fe', 'api', 'api', 'api'] },
      { name: 'target', type: FieldType.string, values: ['api', 'db', 'cache', 'ext'] },
      { name: 'mainstat', type: FieldType.number, values: [80.1, 50, 30, 5] },
      { name: 'secondarystat', type: FieldType.string, values: ['12 ms', '40 ms', '1 ms', '900 ms'] },
    ],
  });
  const graph = fromNodeGraphFrames([edges, nodes]);
  if (isGraphFramesError(graph)) {
    throw new Error(graph.message);
  }
  return graph;
}
