import type { ConnectionType, Graph, GraphEdge, GraphNode, NodeKind } from '../servicegraph/src/types';

function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (1664525 * state + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const KINDS: NodeKind[] = [
  'service',
  'service',
  'service',
  'service',
  'service',
  'service',
  'database',
  'messaging',
  'virtual',
];
const CONNECTION: Record<NodeKind, ConnectionType> = {
  service: '',
  database: 'database',
  messaging: 'messaging_system',
  virtual: 'virtual_node',
};

/**
 * A seeded microservice-shaped graph: services in call tiers (gateway -> domains -> backends), each calling
 * mostly into the next tier, with databases, queues and external nodes as leaves. `edges` ≈ 3 × services.
 */
export function generateServiceGraph(services: number, seed = 42, edgeFactor = 3): Graph {
  const random = createRandom(seed);
  const tiers = Math.max(3, Math.round(Math.log2(services)));
  const nodes: GraphNode[] = [];
  for (let i = 0; i < services; i++) {
    const kind = i < tiers ? 'service' : KINDS[Math.floor(random() * KINDS.length)];
    const p95Ms = Math.round(5 + random() * random() * 900);
    const errorRate = random() < 0.1 ? random() * 0.2 : random() * 0.005;
    nodes.push({
      id: `svc-${i}`,
      title: `${kind === 'database' ? 'db' : kind === 'messaging' ? 'queue' : 'svc'}-${i}`,
      kind,
      group: `ns-${i % 12}`,
      requests: 0,
      failed: 0,
      rate: 0,
      errorRate,
      p50Ms: p95Ms / 3,
      p95Ms,
      p99Ms: p95Ms * 1.5,
    });
  }
  const tierOf = (i: number) => Math.min(tiers - 1, Math.floor(Math.pow(i / services, 0.7) * tiers));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const target = services * edgeFactor;
  let guard = 0;
  while (edges.length < target && guard++ < target * 20) {
    const s = Math.floor(random() * services);
    if (nodes[s].kind !== 'service') {
      continue;
    }
    const t = Math.floor(random() * services);
    if (s === t || (tierOf(t) <= tierOf(s) && random() < 0.9)) {
      continue;
    }
    const key = `${s}->${t}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const rate = Math.round(random() * random() * 500 * 100) / 100;
    const errorRate = nodes[t].errorRate;
    edges.push({
      id: `svc-${s}->svc-${t}`,
      source: `svc-${s}`,
      target: `svc-${t}`,
      connectionType: CONNECTION[nodes[t].kind],
      requests: Math.round(rate * 60),
      failed: Math.round(rate * 60 * errorRate),
      rate,
      errorRate,
      p50Ms: nodes[t].p50Ms,
      p95Ms: nodes[t].p95Ms,
      p99Ms: nodes[t].p99Ms,
    });
    nodes[t].rate += rate;
    nodes[t].requests += Math.round(rate * 60);
  }
  for (const node of nodes) {
    node.failed = Math.round(node.requests * node.errorRate);
  }
  return { nodes, edges };
}

/** Replaces a share of the edges with new ones between existing nodes (the "5 % of edges change" refresh). */
export function rewireEdges(graph: Graph, share: number, seed = 7): Graph {
  const random = createRandom(seed);
  const edges = graph.edges.slice();
  const count = Math.round(edges.length * share);
  const ids = new Set(edges.map((e) => e.id));
  for (let k = 0; k < count; k++) {
    const victim = Math.floor(random() * edges.length);
    const s = graph.nodes[Math.floor(random() * graph.nodes.length)].id;
    const t = graph.nodes[Math.floor(random() * graph.nodes.length)].id;
    const id = `${s}->${t}`;
    if (s === t || ids.has(id)) {
      continue;
    }
    ids.add(id);
    edges[victim] = { ...edges[victim], id, source: s, target: t };
  }
  return { nodes: graph.nodes, edges };
}
