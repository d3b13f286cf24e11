/**
 * The `timeline` frame for the panel's replay slider (issue 8): one row per (step, edge) in long format,
 * so the panel rebuilds per-step graphs with servicegraph's replay functions. Endpoints are
 * `client_service`/`server_service`, not `source`/`target`: frame readers take any frame with a `source`
 * field for an edges frame.
 */
import { DataFrame, FieldType } from '@grafana/data';

import { BucketedAggregator, Graph } from '../graph/servicegraph';

export const TIMELINE_FRAME_NAME = 'timeline';

export interface TimelineStep {
  timeMs: number;
  graph: Graph;
}

/** Steps of `stepMs` over [fromMs, toMs) from a bucketed aggregator (bucket-aligned, at most `maxSteps`). */
export function aggregatorSteps(
  aggregator: Pick<BucketedAggregator, 'bucketMs' | 'graph'>,
  fromMs: number,
  toMs: number,
  stepMs: number,
  maxSteps = 120
): TimelineStep[] {
  const step = Math.max(stepMs, aggregator.bucketMs, Math.ceil((toMs - fromMs) / maxSteps / aggregator.bucketMs) * aggregator.bucketMs);
  const steps: TimelineStep[] = [];
  for (let t = Math.floor(fromMs / step) * step; t < toMs; t += step) {
    steps.push({ timeMs: t, graph: aggregator.graph(t, t + step) });
  }
  return steps;
}

export function timelineToFrame(steps: readonly TimelineStep[], refId: string): DataFrame {
  const rows = steps.flatMap((s) => s.graph.edges.filter((e) => e.requests > 0).map((edge) => ({ timeMs: s.timeMs, edge })));
  const column = (name: string, type: FieldType, pick: (row: (typeof rows)[number]) => unknown, unit?: string) => ({
    name,
    type,
    config: unit ? { unit } : {},
    values: rows.map(pick),
  });
  return {
    name: TIMELINE_FRAME_NAME,
    refId,
    length: rows.length,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      column('time', FieldType.time, (r) => r.timeMs),
      column('edge_id', FieldType.string, (r) => r.edge.id),
      column('client_service', FieldType.string, (r) => r.edge.source),
      column('server_service', FieldType.string, (r) => r.edge.target),
      column('connection_type', FieldType.string, (r) => r.edge.connectionType),
      column('requests', FieldType.number, (r) => r.edge.requests),
      column('failed', FieldType.number, (r) => r.edge.failed),
      column('p50', FieldType.number, (r) => r.edge.p50Ms, 'ms'),
      column('p95', FieldType.number, (r) => r.edge.p95Ms, 'ms'),
      column('p99', FieldType.number, (r) => r.edge.p99Ms, 'ms'),
      // Consumer lag of messaging edges (NaN elsewhere), so a replay shows a Kafka backlog building up.
      column('lag_p95', FieldType.number, (r) => r.edge.lagP95Ms ?? Number.NaN, 'ms'),
    ],
  };
}
