import { formatSteps, type InsightOverlay } from '../insight/insightOverlay';
import { DrawContext } from './drawContext';
import { pointOnEdge } from './edgeGeometry';
import { FrameState, isEdgeDimmed, isNodeDimmed } from './frameState';
import { formatMs } from './formatStats';
import { LabelPlacer } from './labelPlacer';
import { Scene, SceneEdge, SceneNode } from './sceneTypes';

export const BADGE_FONT_PX = 11;
const BADGE_HEIGHT = BADGE_FONT_PX + 5;
const GAP = 3;
/** Below this on-screen node radius (zoomed out) badges use their short text first. */
const COMPACT_BELOW_RADIUS = 7;
/** Route hops beyond this many get no pill (the route is still stroked). */
const MAX_ROUTE_PILLS = 60;

export type BadgeKind = 'alert' | 'anomaly' | 'bottleneck' | 'route' | 'routeCritical' | 'routeFailed';

/** A badge placed in screen space: centre, size and the text chosen (full or short). */
export interface PlacedBadge {
  kind: BadgeKind;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Its node or edge is outside the highlight (a selection dims the rest of the map, badges included). */
  dimmed: boolean;
}

interface BadgeWish {
  kind: BadgeKind;
  /** The node or edge the badge is about. */
  subject: { nodeId: string } | { edgeId: string };
  /** Texts to try, longest first. */
  texts: string[];
  /** Centres to try for a badge of width w, best first. */
  spots(w: number): Array<[number, number]>;
}

const point = { x: 0, y: 0 };

/** Around a node: the preferred corner first, then the other corners and sides. */
function aroundNode(frame: FrameState, node: SceneNode, preferLeft: boolean): (w: number) => Array<[number, number]> {
  const { k, x: vx, y: vy } = frame.view;
  const cx = node.x * k + vx;
  const cy = node.y * k + vy;
  const r = node.radius * k;
  const d = r * Math.SQRT1_2 + GAP;
  return (w) => {
    const h = BADGE_HEIGHT;
    const right: Array<[number, number]> = [
      [cx + d + w / 2, cy - d - h / 2],
      [cx + r + GAP + w / 2, cy],
      [cx + d + w / 2, cy + d + h / 2],
    ];
    const left: Array<[number, number]> = [
      [cx - d - w / 2, cy - d - h / 2],
      [cx - r - GAP - w / 2, cy],
      [cx - d - w / 2, cy + d + h / 2],
    ];
    const [first, second] = preferLeft ? [left, right] : [right, left];
    return [
      first[0],
      second[0],
      first[1],
      second[1],
      [cx, cy - r - GAP - h / 2],
      first[2],
      second[2],
      [cx, cy + r + GAP + h / 2],
    ];
  };
}

/** Along an edge: the preferred fraction first, on the line and to either side of it, then other fractions. */
function alongEdge(frame: FrameState, edge: SceneEdge, preferred: number): (w: number) => Array<[number, number]> {
  const { k, x: vx, y: vy } = frame.view;
  const spots: Array<[number, number]> = [];
  const dx = edge.x2 - edge.x1;
  const dy = edge.y2 - edge.y1;
  const length = Math.hypot(dx, dy) || 1;
  const side = BADGE_HEIGHT / 2 + GAP;
  const [nx, ny] = [-dy / length, dx / length];
  for (const t of [preferred, 0.5, 0.35, 0.65, 0.25, 0.75]) {
    pointOnEdge(edge, t, point);
    const sx = point.x * k + vx;
    const sy = point.y * k + vy;
    // Beside the line first: a badge on the line hides the very edge it marks.
    spots.push([sx + nx * side, sy + ny * side], [sx - nx * side, sy - ny * side], [sx, sy]);
  }
  return () => spots;
}

function collectWishes(scene: Scene, overlay: InsightOverlay, frame: FrameState): BadgeWish[] {
  const wishes: BadgeWish[] = [];
  for (const [id, count] of overlay.alertCounts.nodes) {
    const node = scene.nodeById.get(id);
    if (node) {
      wishes.push({
        kind: 'alert',
        subject: { nodeId: id },
        texts: [`alert ${count}`, `${count}`],
        spots: aroundNode(frame, node, false),
      });
    }
  }
  for (const id of overlay.anomalousNodeIds) {
    const node = scene.nodeById.get(id);
    if (node) {
      wishes.push({ kind: 'anomaly', subject: { nodeId: id }, texts: ['!'], spots: aroundNode(frame, node, true) });
    }
  }
  const bottleneck = overlay.topBottleneckEdgeId && scene.edges.find((e) => e.id === overlay.topBottleneckEdgeId);
  if (bottleneck) {
    wishes.push({
      kind: 'bottleneck',
      subject: { edgeId: bottleneck.id },
      texts: ['bottleneck'],
      spots: alongEdge(frame, bottleneck, 0.3),
    });
  }
  for (const edge of scene.edges) {
    const count = overlay.alertCounts.edges.get(edge.id);
    if (count) {
      wishes.push({
        kind: 'alert',
        subject: { edgeId: edge.id },
        texts: [`alert ${count}`, `${count}`],
        spots: alongEdge(frame, edge, 0.4),
      });
    }
    if (overlay.anomalousEdgeIds.has(edge.id)) {
      wishes.push({ kind: 'anomaly', subject: { edgeId: edge.id }, texts: ['!'], spots: alongEdge(frame, edge, 0.65) });
    }
  }
  const route = [...(overlay.route?.edges ?? [])].sort((a, b) => Number(b.critical) - Number(a.critical));
  for (const entry of route.slice(0, MAX_ROUTE_PILLS)) {
    const steps = formatSteps(entry.hops);
    wishes.push({
      kind: entry.failed ? 'routeFailed' : entry.critical ? 'routeCritical' : 'route',
      subject: { edgeId: entry.edge.id },
      texts: [`${steps} · ${formatMs(entry.latencyMs)}${entry.failed ? ' ✕' : ''}`, steps],
      spots: alongEdge(frame, entry.edge, 0.5),
    });
  }
  return wishes;
}

function isSubjectDimmed(frame: FrameState, subject: BadgeWish['subject']): boolean {
  return 'nodeId' in subject ? isNodeDimmed(frame, subject.nodeId) : isEdgeDimmed(frame, subject.edgeId);
}

/**
 * Places the insight badges (alerts, anomalies, the bottleneck, route hops; in that priority) where they overlap
 * no node, no other badge and nothing placed before, inside the view. Zoomed out, short texts are tried first;
 * a badge with no free spot is left out (its ring, outline or stroke still marks the map). Call after
 * drawFirstTitles (the selected, hovered and unhealthy names: a badge must not take the name's place) and before
 * the other labels; draw after them, so badges are on top.
 */
export function placeInsightBadges(
  ctx: DrawContext,
  scene: Scene,
  frame: FrameState,
  placer: LabelPlacer
): PlacedBadge[] {
  const overlay = frame.insight;
  if (!overlay) {
    return [];
  }
  ctx.font = `${BADGE_FONT_PX}px ${frame.theme.fontFamily}`;
  const typicalRadius = scene.nodes.length > 0 ? scene.nodes[scene.labelOrder[0]].radius * frame.view.k : 0;
  const compact = typicalRadius < COMPACT_BELOW_RADIUS;
  const placed: PlacedBadge[] = [];
  for (const wish of collectWishes(scene, overlay, frame)) {
    const texts = compact && wish.texts.length > 1 ? [...wish.texts].reverse() : wish.texts;
    found: for (const text of texts) {
      const w = ctx.measureText(text).width + 8;
      const h = BADGE_HEIGHT;
      for (const [x, y] of wish.spots(w)) {
        const inside = x - w / 2 >= 0 && y - h / 2 >= 0 && x + w / 2 <= frame.width && y + h / 2 <= frame.height;
        if (inside && placer.tryPlace(x - w / 2, y - h / 2, w, h)) {
          placed.push({ kind: wish.kind, text, x, y, w, h, dimmed: isSubjectDimmed(frame, wish.subject) });
          break found;
        }
      }
    }
  }
  return placed;
}
