import type { Graph } from '../../../servicegraph/src/types';

/** Values Grafana gives an unset or multi "All" variable: nothing to focus. */
const NO_FOCUS = new Set(['', 'All', '$__all', '*']);

/**
 * The node a dashboard variable points at: `replaced` is the variable's interpolated value; an unknown
 * variable stays as the literal `$name` text. Matches a node id first, then a title (case-insensitive).
 */
export function findFocusNode(graph: Graph, variableName: string, replaced: string): string | undefined {
  const value = replaced.trim();
  if (!variableName || NO_FOCUS.has(value) || value === `$${variableName}` || value === `\${${variableName}}`) {
    return undefined;
  }
  const exact = graph.nodes.find((n) => n.id === value);
  if (exact) {
    return exact.id;
  }
  const lower = value.toLowerCase();
  return graph.nodes.find((n) => n.title.toLowerCase() === lower || n.id.toLowerCase() === lower)?.id;
}
