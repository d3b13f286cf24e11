import type { DataFrame, LinkModel } from '@grafana/data';
import { findFrameRow, GraphElementKind } from './findFrameRow';

/**
 * Data links configured on the frame fields (field config `links`, resolved by Grafana into `getLinks`) for
 * the row of a node or edge. Duplicates (the same link on several fields) are listed once.
 */
export function readDataLinks(
  series: DataFrame[],
  kind: GraphElementKind,
  id: string,
  endpoints?: { source: string; target: string }
): LinkModel[] {
  const found = findFrameRow(series, kind, id, endpoints);
  if (!found) {
    return [];
  }
  const links: LinkModel[] = [];
  const seen = new Set<string>();
  for (const field of found.frame.fields) {
    for (const link of field.getLinks?.({ valueRowIndex: found.row }) ?? []) {
      const key = `${link.title}\u0000${link.href}`;
      if (!seen.has(key)) {
        seen.add(key);
        links.push(link);
      }
    }
  }
  return links;
}
