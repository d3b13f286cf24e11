import type { Graph } from '../../../servicegraph/src/types';

/** One alert of Grafana's Prometheus-compatible `/api/prometheus/grafana/api/v1/alerts` response. */
export interface GrafanaAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  state: string;
  activeAt?: string;
  value?: string;
  generatorURL?: string;
}

export interface AlertBadge {
  name: string;
  /** Link to the alert rule in Grafana (`/alerting/grafana/<uid>/view`), else the generator URL. */
  href?: string;
  summary?: string;
}

export interface AlertMatches {
  nodes: Map<string, AlertBadge[]>;
  edges: Map<string, AlertBadge[]>;
}

/** The alerts out of the response body; a clear error for anything else. */
export function readAlertsResponse(body: unknown): GrafanaAlert[] {
  const data = (body as { status?: unknown; data?: { alerts?: unknown } } | undefined)?.data;
  if (!data || !Array.isArray(data.alerts)) {
    throw new Error('Grafana alerts API: expected {status, data: {alerts: [...]}}');
  }
  return data.alerts.filter(
    (a): a is GrafanaAlert => typeof a === 'object' && a !== null && typeof (a as GrafanaAlert).labels === 'object'
  );
}

function badgeOf(alert: GrafanaAlert): AlertBadge {
  const uid = alert.labels.__alert_rule_uid__;
  return {
    name: alert.labels.alertname ?? 'Alert',
    href: uid ? `/alerting/grafana/${encodeURIComponent(uid)}/view` : alert.generatorURL,
    summary: alert.annotations?.summary ?? alert.annotations?.description,
  };
}

function push(map: Map<string, AlertBadge[]>, id: string, badge: AlertBadge): void {
  const list = map.get(id) ?? [];
  if (!list.some((b) => b.name === badge.name && b.href === badge.href)) {
    list.push(badge);
  }
  map.set(id, list);
}

/**
 * Firing alerts onto the map: an alert with both `client` and `server` labels that name an edge's ends goes on
 * that edge; otherwise the first of `nodeLabels` (e.g. server, service) that names a node puts it on the node.
 */
export function matchAlerts(alerts: readonly GrafanaAlert[], graph: Graph, nodeLabels: readonly string[]): AlertMatches {
  const nodes = new Map<string, AlertBadge[]>();
  const edges = new Map<string, AlertBadge[]>();
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  for (const alert of alerts) {
    if (alert.state.toLowerCase() !== 'firing' && alert.state.toLowerCase() !== 'alerting') {
      continue;
    }
    const badge = badgeOf(alert);
    const { client, server } = alert.labels;
    const onEdges = client && server ? graph.edges.filter((e) => e.source === client && e.target === server) : [];
    if (onEdges.length > 0) {
      onEdges.forEach((e) => push(edges, e.id, badge));
      continue;
    }
    const label = nodeLabels.find((name) => nodeIds.has(alert.labels[name]));
    if (label) {
      push(nodes, alert.labels[label], badge);
    }
  }
  return { nodes, edges };
}

/** "server, service" -> ['server', 'service']. */
export function parseLabelList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
