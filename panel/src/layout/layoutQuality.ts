import { buildGroupHulls, HULL_MARGIN, HullMember } from '../render/groupHulls';
import { LayoutInputEdge, PositionMap } from './layoutTypes';
import { Segment, segmentsCross } from './untangleColumns';

/**
 * Measures of how readable a layout is, for tests and tuning: edge crossings, nodes too close, and nodes
 * inside another group's hull.
 */

/** Pairs of straight edges that cross (edges sharing a node never count), each undirected pair once. */
export function countCrossings(positions: PositionMap, edges: readonly LayoutInputEdge[]): number {
  const seen = new Set<string>();
  const segments: Array<{ a: string; b: string; s: Segment }> = [];
  for (const { source, target } of edges) {
    const p = positions[source];
    const q = positions[target];
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    if (p && q && source !== target && !seen.has(key)) {
      seen.add(key);
      segments.push({ a: source, b: target, s: [p.x, p.y, q.x, q.y] });
    }
  }
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const e = segments[i];
      const f = segments[j];
      if (e.a !== f.a && e.a !== f.b && e.b !== f.a && e.b !== f.b && segmentsCross(e.s, f.s)) {
        count++;
      }
    }
  }
  return count;
}

/** Node pairs whose centres are closer than their radii plus `gap`, as "a~b distance" strings. */
export function findOverlaps(positions: PositionMap, radius: ReadonlyMap<string, number>, gap: number): string[] {
  const ids = Object.keys(positions).sort();
  const found: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const p = positions[ids[i]];
      const q = positions[ids[j]];
      const d = Math.hypot(p.x - q.x, p.y - q.y);
      if (d < (radius.get(ids[i]) ?? 0) + (radius.get(ids[j]) ?? 0) + gap) {
        found.push(`${ids[i]}~${ids[j]} ${d.toFixed(1)}`);
      }
    }
  }
  return found;
}

function insideConvex(hull: Array<[number, number]>, x: number, y: number): boolean {
  if (hull.length < 3) {
    return false;
  }
  for (let i = 0; i < hull.length; i++) {
    const [ax, ay] = hull[i];
    const [bx, by] = hull[(i + 1) % hull.length];
    if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) {
      return false;
    }
  }
  return true;
}

/** The groups' hulls as the panel draws them, from laid-out positions. */
function hullsOf(
  positions: PositionMap,
  groups: ReadonlyMap<string, string>,
  radius: ReadonlyMap<string, number>,
  margin: number
): Map<string, Array<[number, number]>> {
  const members: HullMember[] = [];
  for (const [id, group] of groups) {
    const p = positions[id];
    if (p) {
      members.push({ group, x: p.x, y: p.y, radius: radius.get(id) ?? 0 });
    }
  }
  return buildGroupHulls(members, margin);
}

/**
 * Grouped nodes whose centre lies inside the hull of another group, as "node in group" strings. The
 * hulls are built as the panel draws them: around each member node's circle plus a margin.
 */
export function findNodesInForeignHulls(
  positions: PositionMap,
  groups: ReadonlyMap<string, string>,
  radius: ReadonlyMap<string, number>,
  margin = HULL_MARGIN
): string[] {
  const found: string[] = [];
  for (const [group, hull] of hullsOf(positions, groups, radius, margin)) {
    for (const [id, p] of Object.entries(positions)) {
      const own = groups.get(id);
      if (own !== undefined && own !== group && insideConvex(hull, p.x, p.y)) {
        found.push(`${id} in ${group}`);
      }
    }
  }
  return found.sort();
}

function area(polygon: Array<[number, number]>): number {
  let sum = 0;
  polygon.forEach(([x, y], i) => {
    const [nx, ny] = polygon[(i + 1) % polygon.length];
    sum += x * ny - nx * y;
  });
  return Math.abs(sum) / 2;
}

/** The part of convex `subject` inside convex counter-clockwise `clip` (Sutherland–Hodgman). */
function clipConvex(subject: Array<[number, number]>, clip: Array<[number, number]>): Array<[number, number]> {
  let output = subject;
  clip.forEach(([ax, ay], i) => {
    const [bx, by] = clip[(i + 1) % clip.length];
    const inside = ([x, y]: [number, number]) => (bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0;
    const cut = ([px, py]: [number, number], [qx, qy]: [number, number]): [number, number] => {
      const a1 = by - ay;
      const b1 = ax - bx;
      const a2 = qy - py;
      const b2 = px - qx;
      const det = a1 * b2 - a2 * b1;
      const c1 = a1 * ax + b1 * ay;
      const c2 = a2 * px + b2 * py;
      return [(b2 * c1 - b1 * c2) / det, (a1 * c2 - a2 * c1) / det];
    };
    const input = output;
    output = [];
    input.forEach((p, k) => {
      const q = input[(k + 1) % input.length];
      if (inside(q)) {
        if (!inside(p)) {
          output.push(cut(p, q));
        }
        output.push(q);
      } else if (inside(p)) {
        output.push(cut(p, q));
      }
    });
  });
  return output;
}

/**
 * Area shared by hulls of different groups, as a share of the total hull area (0: groups apart; hulls drawn
 * around each member's circle plus a margin, as the panel draws them).
 */
export function measureHullOverlap(
  positions: PositionMap,
  groups: ReadonlyMap<string, string>,
  radius: ReadonlyMap<string, number>,
  margin = HULL_MARGIN
): number {
  const hulls = [...hullsOf(positions, groups, radius, margin).values()].filter((hull) => hull.length >= 3);
  const total = hulls.reduce((sum, hull) => sum + area(hull), 0);
  let shared = 0;
  for (let i = 0; i < hulls.length; i++) {
    for (let j = i + 1; j < hulls.length; j++) {
      const common = clipConvex(hulls[i], hulls[j]);
      shared += common.length >= 3 ? area(common) : 0;
    }
  }
  return total > 0 ? shared / total : 0;
}
