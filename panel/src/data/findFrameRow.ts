import type { DataFrame, Field } from '@grafana/data';

export type GraphElementKind = 'node' | 'edge';

/** The frame and row that describe a node (by `id`) or an edge (by `id`, else `source`/`target`). */
export function findFrameRow(
  series: DataFrame[],
  kind: GraphElementKind,
  id: string,
  endpoints?: { source: string; target: string }
): { frame: DataFrame; row: number } | undefined {
  for (const frame of series) {
    const field = (name: string): Field | undefined => frame.fields.find((f) => f.name === name);
    const isEdges = field('source') !== undefined && field('target') !== undefined;
    if (isEdges !== (kind === 'edge')) {
      continue;
    }
    const ids = field('id');
    for (let row = 0; row < frame.length; row++) {
      if (ids && String(ids.values[row]) === id) {
        return { frame, row };
      }
      if (
        kind === 'edge' &&
        endpoints &&
        String(field('source')?.values[row]) === endpoints.source &&
        String(field('target')?.values[row]) === endpoints.target
      ) {
        return { frame, row };
      }
    }
  }
  return undefined;
}
