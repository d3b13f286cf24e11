import { css } from '@emotion/css';
import { ConfigOverrideRule, DataFrame, GrafanaTheme2, ThresholdsConfig } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { locationService } from '@grafana/runtime';
import React, { ReactNode, useMemo, useRef, useState } from 'react';
import type { Graph } from '../../../servicegraph/src/types';
import { readDataLinks } from '../data/readDataLinks';
import { readGroupColors } from '../data/groupColors';
import { readNodeGroups } from '../data/readNodeGroups';
import { readFrameThresholds } from '../data/fieldThresholds';
import { toHealthLook, toSceneTheme } from '../data/healthRules';
import { createNodeRadius } from '../data/nodeSize';
import { buildTraceLink } from '../data/traceLink';
import { useCanvasRenderer } from '../hooks/useCanvasRenderer';
import { useDebugHook } from '../hooks/useDebugHook';
import { useFiringAlerts } from '../hooks/useFiringAlerts';
import { useFocusNode } from '../hooks/useFocusNode';
import { useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { useLayout } from '../hooks/useLayout';
import { usePageVisibility } from '../hooks/usePageVisibility';
import { usePanZoom } from '../hooks/usePanZoom';
import { recallPanel } from '../hooks/panelMemory';
import { MapTarget, NodeDrag, usePointerGestures } from '../hooks/usePointerGestures';
import { usePrefersReducedMotion } from '../hooks/usePrefersReducedMotion';
import { useSelection } from '../hooks/useSelection';
import { buildInsightOverlay } from '../insight/insightOverlay';
import { insightNotes } from '../insight/insightNotes';
import { matchAlerts, parseLabelList } from '../insight/matchAlerts';
import type { EdgeInsights } from '../insight/readEdgeInsights';
import type { RequestRoute } from '../insight/readRoute';
import { overlayPositions } from '../layout/overlayPositions';
import { buildScene, visibleGraph } from '../render/buildScene';
import type { DataflowOptions } from '../types';
import { Legend } from './Legend';
import { chooseMapChrome } from './mapChrome';
import { MapContextMenu } from './MapContextMenu';
import { MapNotice } from './MapNotice';
import { RouteBar } from './RouteBar';
import type { SearchHandle } from './SearchBox';
import { Tooltip } from './Tooltip';
import { ViewControls } from './ViewControls';

interface Props {
  panelId: number;
  /** With the panel id, what the remembered layout and view are kept under (panel ids repeat across dashboards). */
  dashboardUid?: string;
  graph: Graph;
  series: DataFrame[];
  options: DataflowOptions;
  thresholds?: ThresholdsConfig;
  /** The panel's field overrides: a Thresholds override on `p95` also colours other datasources' p95 fields. */
  overrides?: ConfigOverrideRule[];
  width: number;
  height: number;
  replaceVariables(value: string): string;
  onOptionsChange(options: DataflowOptions): void;
  /** The route of one request (a `route` frame), drawn over the map. */
  route?: RequestRoute;
  insights: EdgeInsights;
  /** Changes with each query run (not with stream ticks): alerts are fetched again then. */
  refreshKey?: string;
  /** The data is a live stream (its first frames may be a backfill in progress). */
  streaming: boolean;
  /** The last query run failed but frames are still there (a stream keeps its last frames on a failed tick). */
  queryError?: string;
  /** Extra controls over the map (the replay bar). */
  children?: ReactNode;
}

type Pointed = { target: MapTarget; x: number; y: number };

function mapNotices(queryError: string | undefined, alertsError: string | undefined, drawError?: string): string[] {
  const notices: string[] = [];
  if (drawError) {
    notices.push(`The map could not be drawn: ${drawError}`);
  }
  if (queryError) {
    notices.push(`Last query failed, showing the previous data: ${queryError}`);
  }
  if (alertsError) {
    notices.push(`Alerts not shown: ${alertsError}`);
  }
  return notices;
}

/** The interactive map: layout, scene, canvas, and the overlays (controls, legend, tooltip, menu). */
export function DataflowMap(props: Props) {
  const { panelId, dashboardUid, graph, series, options, thresholds, width, height, replaceVariables, onOptionsChange } = props;
  const { route, insights, refreshKey, streaming, queryError, children, overrides } = props;
  const styles = useStyles2(getStyles);
  const grafanaTheme = useTheme2();
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const searchRef = useRef<SearchHandle>(null);
  const [hover, setHover] = useState<Pointed | undefined>(undefined);
  const [menu, setMenu] = useState<Pointed | undefined>(undefined);
  const [drag, setDrag] = useState<NodeDrag | undefined>(undefined);
  const memory = useMemo(() => recallPanel(dashboardUid, panelId), [dashboardUid, panelId]);

  const look = useMemo(
    () => toHealthLook(readFrameThresholds(series, thresholds, options, overrides), options.colorBy),
    [series, thresholds, options, overrides]
  );
  const sceneTheme = useMemo(() => toSceneTheme(grafanaTheme, look.colors), [grafanaTheme, look.colors]);
  const rules = look.nodes;
  const shown = useMemo(() => visibleGraph(graph, options.hiddenKinds), [graph, options.hiddenKinds]);
  const nodeRadius = useMemo(() => createNodeRadius(shown, options.sizeBy), [shown, options.sizeBy]);
  const groupColors = useMemo(() => readGroupColors(grafanaTheme), [grafanaTheme]);
  const groups = useMemo(() => readNodeGroups(series, graph, options.groupField), [series, graph, options.groupField]);
  const layout = useLayout(
    shown,
    options.layoutMode,
    options.pins,
    memory,
    streaming,
    { field: options.groupField, groups },
    { width, height }
  );
  const positions = useMemo(
    () => overlayPositions(layout.positions, options.pins, drag),
    [layout.positions, options.pins, drag]
  );
  const scene = useMemo(
    // Layered columns follow call depth, not groups: a hull would span every column and mean nothing.
    () =>
      buildScene(shown, positions, {
        health: rules,
        edgeHealth: look.edges,
        nodeRadius,
        hiddenKinds: [],
        groups: options.layoutMode === 'layered' ? undefined : groups,
        groupColors,
        pins: options.pins,
      }),
    [shown, positions, rules, look.edges, nodeRadius, groups, groupColors, options.pins, options.layoutMode]
  );
  const chrome = useMemo(() => chooseMapChrome(width, height, options.showLegend), [width, height, options.showLegend]);
  const panZoom = usePanZoom(canvasRef, width, height, scene.nodes, memory, layout.coldRuns, chrome.fitInsets);
  const focusNodeId = useFocusNode(graph, scene, options.focusVariable, replaceVariables, panZoom.centreOn);
  const selection = useSelection(scene, focusNodeId);
  const onScreen = usePageVisibility(containerRef);
  const reducedMotion = usePrefersReducedMotion();
  const selectedNodeId = selection.selected?.kind === 'node' ? selection.selected.id : focusNodeId;
  const firing = useFiringAlerts(options.showAlerts, refreshKey);
  const alerts = useMemo(
    () => (firing.alerts.length > 0 ? matchAlerts(firing.alerts, graph, parseLabelList(options.alertNodeLabels)) : undefined),
    [firing.alerts, graph, options.alertNodeLabels]
  );
  const [clearedTraceId, setClearedTraceId] = useState<string | undefined>(undefined);
  const shownRoute = route && route.traceId !== clearedTraceId ? route : undefined;
  const insight = useMemo(() => buildInsightOverlay(scene, shownRoute, insights, alerts), [scene, shownRoute, insights, alerts]);
  const showExample = (traceId: string) => {
    setClearedTraceId(undefined);
    locationService.partial({ [`var-${options.routeVariable}`]: traceId }, true);
  };

  const renderer = useCanvasRenderer(canvasRef, {
    scene,
    view: panZoom.view,
    width,
    height,
    theme: sceneTheme,
    labelDensity: options.labelDensity,
    animate: options.animation && !reducedMotion && onScreen,
    animationSpeed: options.animationSpeed,
    highlight: selection.highlight ?? insight.route?.highlight,
    selectedNodeId,
    insight,
    hoveredNodeId: hover?.target.kind === 'node' ? hover.target.node.id : undefined,
    hoveredEdgeId: hover?.target.kind === 'edge' ? hover.target.edge.id : undefined,
  });
  useDebugHook(scene, panZoom.view);

  const relative = (clientX: number, clientY: number) => {
    const rect = containerRef.current?.getBoundingClientRect();
    return { x: clientX - (rect?.left ?? 0), y: clientY - (rect?.top ?? 0) };
  };
  const setPins = (pins: DataflowOptions['pins']) => onOptionsChange({ ...options, pins });
  const focusOn = (id: string) => {
    const node = scene.nodeById.get(id);
    if (node) {
      panZoom.centreOn(node.x, node.y, 1);
      selection.select({ kind: 'node', id });
    }
  };

  const gestures = usePointerGestures(scene, panZoom.view, {
    panBy: panZoom.panBy,
    onDrag: setDrag,
    onHover: (target, clientX, clientY) => setHover(target ? { target, ...relative(clientX, clientY) } : undefined),
    onSelect: (target) =>
      selection.select(target && { kind: target.kind, id: target.kind === 'node' ? target.node.id : target.edge.id }),
    onContextMenu: (target, clientX, clientY) => setMenu({ target, x: clientX, y: clientY }),
    onPin: (nodeId, x, y) => setPins({ ...options.pins, [nodeId]: { x, y } }),
  });

  useKeyboardShortcuts(containerRef, {
    fit: panZoom.fit,
    zoomIn: () => panZoom.zoomBy(1.25),
    zoomOut: () => panZoom.zoomBy(0.8),
    clear: () => selection.select(undefined),
    search: () => searchRef.current?.focus(),
  });

  const menuTarget = menu?.target;
  const menuEdge = menuTarget?.kind === 'edge' ? { source: menuTarget.edge.source.id, target: menuTarget.edge.target.id } : undefined;
  const menuId = menuTarget && (menuTarget.kind === 'node' ? menuTarget.node.id : menuTarget.edge.id);

  return (
    <div ref={containerRef} className={styles.container} style={{ width, height }} tabIndex={0} aria-label="Dataflow map">
      <canvas
        ref={canvasRef}
        className={styles.canvas}
        style={{ width, height }}
        role="img"
        aria-label={`Dataflow map of ${scene.nodes.length} services and ${scene.edges.length} connections`}
        data-testid="kompas-dataflow-canvas"
        data-node-count={scene.nodes.length}
        data-edge-count={scene.edges.length}
        data-hulls={scene.hulls.length}
        data-zoom={panZoom.view.k.toFixed(3)}
        data-layout={layout.kind}
        data-selected={selection.selected?.id ?? ''}
        data-focus={focusNodeId ?? ''}
        data-route-edges={insight.route?.edges.length ?? 0}
        data-bottleneck={insight.topBottleneckEdgeId ?? ''}
        data-anomalies={insight.anomalousNodeIds.size + insight.anomalousEdgeIds.size}
        data-alerts={[...insight.alertCounts.nodes.keys(), ...insight.alertCounts.edges.keys()].join(',')}
        {...gestures}
      />
      <ViewControls
        nodes={shown.nodes}
        pinCount={Object.keys(options.pins).length}
        searchRef={searchRef}
        compact={chrome.size !== 'full'}
        onZoomIn={() => panZoom.zoomBy(1.25)}
        onZoomOut={() => panZoom.zoomBy(0.8)}
        onFit={panZoom.fit}
        onFind={focusOn}
        onResetPins={() => setPins({})}
      />
      {scene.nodes.length === 0 && layout.kind === 'pending' && (
        <div className={styles.pending} role="status">
          Laying out {shown.nodes.length} services…
        </div>
      )}
      {options.showLegend && (
        <Legend
          theme={sceneTheme}
          rules={rules}
          size={chrome.size}
          marks={{
            bottleneck: scene.edges.some((e) => e.id === insight.topBottleneckEdgeId),
            anomaly: insight.anomalousNodeIds.size + insight.anomalousEdgeIds.size > 0,
            alert: insight.alertCounts.nodes.size + insight.alertCounts.edges.size > 0,
          }}
        />
      )}
      {insight.route && <RouteBar route={insight.route} onClear={() => setClearedTraceId(insight.route?.traceId)} />}
      {children}
      <MapNotice notices={mapNotices(queryError, firing.error, renderer.drawError)} />
      {hover && !menu && (
        <Tooltip
          target={hover.target}
          x={hover.x}
          y={hover.y}
          width={width}
          height={height}
          notes={insightNotes(hover.target, { insights, alerts, route: insight.route })}
          edges={graph.edges}
        />
      )}
      {menu && menuTarget && menuId && (
        <MapContextMenu
          target={menuTarget}
          x={menu.x}
          y={menu.y}
          links={readDataLinks(series, menuTarget.kind, menuId, menuEdge)}
          traceHref={menuEdge && buildTraceLink(options.traceLinkTemplate, menuEdge, replaceVariables)}
          pinned={menuTarget.kind === 'node' && options.pins[menuTarget.node.id] !== undefined}
          exampleTraceId={menuTarget.kind === 'edge' ? menuTarget.edge.stats.exemplarTraceId : undefined}
          onShowExample={options.routeVariable ? showExample : undefined}
          alerts={menuTarget.kind === 'node' ? alerts?.nodes.get(menuId) : alerts?.edges.get(menuId)}
          onFocus={() => selection.select({ kind: menuTarget.kind, id: menuId })}
          onUnpin={() => setPins(Object.fromEntries(Object.entries(options.pins).filter(([id]) => id !== menuId)))}
          onClose={() => setMenu(undefined)}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({
    position: 'relative',
    overflow: 'hidden',
    outline: 'none',
    '&:focus-visible': { boxShadow: `inset 0 0 0 1px ${theme.colors.primary.border}` },
  }),
  pending: css({
    position: 'absolute',
    inset: 0,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: theme.colors.text.secondary,
    pointerEvents: 'none',
  }),
  canvas: css({ display: 'block', touchAction: 'none', cursor: 'grab', '&:active': { cursor: 'grabbing' } }),
});
