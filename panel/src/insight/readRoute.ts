import type { DataFrame } from '@grafana/data';
import { readColumns } from './frameColumns';

/** One hop of a request's route, as the datasource's `route` frame gives it. */
export interface RouteHop {
  step: number;
  edgeId: string;
  source: string;
  target: string;
  latencyMs: number;
  failed: boolean;
  /** Critical-path time carried by the hop's edge; > 0 means the hop is on the critical path. */
  criticalMs: number;
}

export interface RequestRoute {
  traceId: string;
  hops: RouteHop[];
}

/** The `route` frame -> hops in step order; undefined when the frame has no usable rows. */
export function readRoute(frame: DataFrame | undefined): RequestRoute | undefined {
  if (!frame) {
    return undefined;
  }
  const cols = readColumns(frame);
  const hops: RouteHop[] = [];
  let traceId = '';
  for (let row = 0; row < cols.length; row++) {
    const source = cols.string('client_service', row);
    const target = cols.string('server_service', row);
    if (!source || !target) {
      continue;
    }
    traceId ||= cols.string('trace_id', row) ?? '';
    hops.push({
      step: cols.number('step', row) ?? row + 1,
      edgeId: cols.string('edge_id', row) ?? `${source}->${target}`,
      source,
      target,
      latencyMs: cols.number('latency_ms', row) ?? 0,
      failed: cols.boolean('failed', row),
      criticalMs: cols.number('critical_ms', row) ?? 0,
    });
  }
  hops.sort((a, b) => a.step - b.step);
  return hops.length > 0 ? { traceId, hops } : undefined;
}
