import { convexHull } from './convexHull';

/** A group member as drawn: its centre and radius. */
export interface HullMember {
  group: string;
  x: number;
  y: number;
  radius: number;
}

/** How far a hull stays outside its members' circles (world units). */
export const HULL_MARGIN = 10;

/**
 * Each group's hull (counter-clockwise, by group in first-seen order): around every member's circle plus the
 * margin, via four corner points per member, so the hull encloses the nodes and not just their centres.
 */
export function buildGroupHulls(
  members: Iterable<HullMember>,
  margin = HULL_MARGIN
): Map<string, Array<[number, number]>> {
  const points = new Map<string, Array<[number, number]>>();
  for (const { group, x, y, radius } of members) {
    const r = radius + margin;
    const list = points.get(group) ?? [];
    list.push([x - r, y], [x + r, y], [x, y - r], [x, y + r]);
    points.set(group, list);
  }
  return new Map(Array.from(points, ([group, list]) => [group, convexHull(list)]));
}
