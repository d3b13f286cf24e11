import type { MapTarget } from '../hooks/usePointerGestures';
import { formatMs } from '../render/formatStats';
import type { RouteOverlay } from './insightOverlay';
import type { AlertMatches } from './matchAlerts';
import type { EdgeInsights } from './readEdgeInsights';

export interface InsightSources {
  insights: EdgeInsights;
  alerts?: AlertMatches;
  route?: RouteOverlay;
}

/** Extra tooltip lines for a node or edge: consumer lag, route hops, bottleneck explanation, anomaly reason, alerts, exemplar. */
export function insightNotes(target: MapTarget, sources: InsightSources): Array<[string, string]> {
  const notes: Array<[string, string]> = [];
  const id = target.kind === 'node' ? target.node.id : target.edge.id;
  if (target.kind === 'edge') {
    const lag = target.edge.stats.lagP95Ms;
    if (lag !== undefined) {
      // Consumer start − producer end: how long messages wait in the broker (the edge's p95 is consumer time).
      notes.push(['Consumer lag p95', formatMs(lag)]);
    }
    const onRoute = sources.route?.edges.find((e) => e.edge.id === id);
    for (const hop of onRoute?.hops ?? []) {
      const parts = [formatMs(hop.latencyMs), hop.failed ? 'failed' : 'ok', hop.criticalMs > 0 ? `critical ${formatMs(hop.criticalMs)}` : ''];
      notes.push([`Step ${hop.step}`, parts.filter(Boolean).join(', ')]);
    }
    const bottleneck = sources.insights.bottlenecks.get(id);
    if (bottleneck && id === sources.insights.topBottleneckId) {
      notes.push(['Bottleneck', bottleneck.explanation]);
    }
  }
  const anomaly = target.kind === 'node' ? target.node.stats.anomaly : target.edge.stats.anomaly;
  if (anomaly) {
    notes.push(['Anomaly', anomaly]);
  }
  const alerts = target.kind === 'node' ? sources.alerts?.nodes.get(id) : sources.alerts?.edges.get(id);
  for (const alert of alerts ?? []) {
    notes.push(['Alert firing', alert.summary ? `${alert.name}: ${alert.summary}` : alert.name]);
  }
  if (target.kind === 'edge' && target.edge.stats.exemplarTraceId) {
    notes.push(['Example request', `${target.edge.stats.exemplarTraceId} (right-click to show its route)`]);
  }
  return notes;
}
