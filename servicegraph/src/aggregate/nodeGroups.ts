import type { Graph, Span } from '../types';
import { createDataRecord } from '../dataRecord';
import { ownValue } from './ownValue';

/** The resource attribute OpenTelemetry uses for a service's domain (Tempo and the collector group by it too). */
export const GROUP_ATTRIBUTE = 'service.namespace';

/**
 * Service -> group from the spans' resource attributes (`service.namespace` unless told otherwise), added to
 * `into` so a stream can collect over its ticks. The first value seen for a service wins.
 */
export function collectNodeGroups(
  spans: Iterable<Span>,
  into: Record<string, string> = createDataRecord(),
  attribute = GROUP_ATTRIBUTE
): Record<string, string> {
  for (const span of spans) {
    const value = span.resource?.[attribute];
    if (typeof value === 'string' && value !== '' && ownValue(into, span.service) === undefined) {
      into[span.service] = value;
    }
  }
  return into;
}

/** The graph with each node that has no group yet given the one `groups` names for it. */
export function applyNodeGroups(graph: Graph, groups: Readonly<Record<string, string>>): Graph {
  const nodes = graph.nodes.map((node) => {
    const group = node.group === undefined ? ownValue(groups, node.id) : undefined;
    return group === undefined ? node : { ...node, group };
  });
  return { ...graph, nodes };
}
