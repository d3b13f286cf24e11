import type { NodeKind } from '../../servicegraph/src/types';
import type { LayoutMode, PositionMap } from './layout/layoutTypes';

/** How many labels the map draws: the level of detail by zoom decides which ones first. */
export type LabelDensity = 'none' | 'low' | 'normal' | 'high';

/** What a node's radius shows: requests per second, request count, p95 latency, or nothing (one size). */
export type SizeBy = 'rate' | 'requests' | 'p95' | 'none';

/** What picks the health colour: the worse of error % and p95, or one of them alone. */
export type ColorBy = 'health' | 'errors' | 'p95';

/**
 * Panel options, saved with the dashboard. Health thresholds are the standard field config: the panel's
 * Thresholds for the error rate (%), an override on the p95 field for latency (see data/fieldThresholds.ts).
 */
export interface DataflowOptions {
  layoutMode: LayoutMode;
  /** Particles flowing along edges (density by request rate, speed by 1 / latency). */
  animation: boolean;
  /** Multiplier of particle speed. */
  animationSpeed: number;
  labelDensity: LabelDensity;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  /**
   * Legacy: p95 warning/critical ms of dashboards saved before thresholds moved into the field config;
   * the migration handler turns them into a p95 thresholds override, and until then they still apply.
   */
  latencyWarnMs?: number;
  latencyCritMs?: number;
  /** Field of the nodes frame whose value groups nodes into hulls; '' for none. */
  groupField: string;
  /** Dashboard variable (without $) whose value names a service to zoom to and highlight. */
  focusVariable: string;
  hiddenKinds: NodeKind[];
  showLegend: boolean;
  /** Pinned node positions (world coordinates), set by dragging a node. */
  pins: PositionMap;
  /**
   * URL template for "Explore traces for this edge" when the frames carry no data links; `${client}` and
   * `${server}` are replaced, dashboard variables too. Empty hides the item.
   */
  traceLinkTemplate: string;
  /**
   * Dashboard variable (without $) that "Show an example request" sets to the edge's exemplar trace id; a
   * query in trace mode with trace id `${routeTrace}` then returns the route drawn over the map.
   */
  routeVariable: string;
  /** Badges for firing Grafana alerts on the nodes and edges they name. */
  showAlerts: boolean;
  /** Alert labels whose value names a node, first match wins (an alert with client and server goes on the edge). */
  alertNodeLabels: string;
}
