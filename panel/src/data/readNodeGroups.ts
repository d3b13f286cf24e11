import type { DataFrame } from '@grafana/data';
import type { Graph } from '../../../servicegraph/src/types';

/**
 * Node id -> group for hulls. `group` uses the graph's own grouping (Kompas's group field; a Node Graph
 * subtitle groups only when named here: `subtitle`); any other name is read from that field of the nodes frame.
 * Empty name: no grouping.
 */
export function readNodeGroups(series: DataFrame[], graph: Graph, fieldName: string): Map<string, string> | undefined {
  if (!fieldName) {
    return undefined;
  }
  const groups = new Map<string, string>();
  if (fieldName === 'group') {
    for (const node of graph.nodes) {
      if (node.group) {
        groups.set(node.id, node.group);
      }
    }
    return groups;
  }
  for (const frame of series) {
    const ids = frame.fields.find((f) => f.name === 'id');
    const values = frame.fields.find((f) => f.name === fieldName || f.config.displayName === fieldName);
    if (!ids || !values || frame.fields.some((f) => f.name === 'source')) {
      continue;
    }
    for (let row = 0; row < frame.length; row++) {
      const value = values.values[row];
      if (value !== null && value !== undefined && value !== '') {
        groups.set(String(ids.values[row]), String(value));
      }
    }
  }
  return groups;
}
