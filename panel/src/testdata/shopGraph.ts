import type { ConnectionType, Graph, GraphEdge, GraphNode, NodeKind } from '../../../servicegraph/src/types';

/** A small hand-made web shop graph for unit tests (ids, kinds and stats chosen to exercise health colours). */
function node(id: string, kind: NodeKind, rate: number, errorRate: number, p95Ms: number, group?: string): GraphNode {
  const requests = Math.round(rate * 60);
  return { id, title: id, kind, group, requests, failed: Math.round(requests * errorRate), rate, errorRate, p50Ms: p95Ms / 3, p95Ms, p99Ms: p95Ms * 1.4 };
}

function edge(source: string, target: string, rate: number, errorRate = 0, p95Ms = 20, connectionType: ConnectionType = ''): GraphEdge {
  const requests = Math.round(rate * 60);
  return {
    id: connectionType ? `${source}->${target}#${connectionType}` : `${source}->${target}`,
    source,
    target,
    connectionType,
    requests,
    failed: Math.round(requests * errorRate),
    rate,
    errorRate,
    p50Ms: p95Ms / 3,
    p95Ms,
    p99Ms: p95Ms * 1.4,
  };
}

export function createShopGraph(): Graph {
  return {
    nodes: [
      node('user', 'virtual', 0, 0, 0),
      node('frontend', 'service', 120, 0, 40, 'web'),
      node('checkout', 'service', 30, 0.01, 120, 'shop'),
      node('cart', 'service', 80, 0, 15, 'shop'),
      node('payments', 'service', 25, 0.12, 900, 'pay'),
      node('orders-db', 'database', 40, 0, 8, 'shop'),
      node('kafka', 'messaging', 20, 0, 5, 'infra'),
      node('shipping', 'service', 18, 0, 30, 'shop'),
      node('stripe', 'virtual', 24, 0.02, 400, 'pay'),
    ],
    edges: [
      edge('user', 'frontend', 120, 0, 40, 'virtual_node'),
      edge('frontend', 'cart', 80),
      edge('frontend', 'checkout', 30, 0.01, 120),
      edge('checkout', 'payments', 25, 0.12, 900),
      edge('payments', 'checkout', 2),
      edge('checkout', 'orders-db', 40, 0, 8, 'database'),
      edge('checkout', 'kafka', 20, 0, 5, 'messaging_system'),
      edge('kafka', 'shipping', 18, 0, 30, 'messaging_system'),
      edge('payments', 'stripe', 24, 0.02, 400, 'virtual_node'),
    ],
  };
}
