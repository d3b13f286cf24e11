import type { DataFrame } from '@grafana/data';
import { readColumns } from './frameColumns';

/** Bottleneck numbers the datasource puts on an edge (fields of the edges frame). */
export interface EdgeBottleneck {
  share: number;
  shareSlowest: number;
  /** "payments → payments-db: 71 % of critical-path time of the slowest requests, p95 2.3 s, was 110 ms". */
  explanation: string;
}

export interface EdgeInsights {
  bottlenecks: Map<string, EdgeBottleneck>;
  /** The edge with the largest share of the slowest requests' critical path. */
  topBottleneckId?: string;
}

/** Bottleneck fields of the edges frames (`bottleneck_share`, `bottleneck_share_slowest`, `bottleneck`). */
export function readEdgeInsights(series: DataFrame[]): EdgeInsights {
  const bottlenecks = new Map<string, EdgeBottleneck>();
  let topBottleneckId: string | undefined;
  let top = 0;
  for (const frame of series) {
    const cols = readColumns(frame);
    if (!cols.has('source') || !cols.has('bottleneck_share_slowest')) {
      continue;
    }
    for (let row = 0; row < cols.length; row++) {
      const id = cols.string('id', row) ?? `${cols.string('source', row)}->${cols.string('target', row)}`;
      const shareSlowest = cols.number('bottleneck_share_slowest', row) ?? 0;
      const explanation = cols.string('bottleneck', row);
      if (!explanation || bottlenecks.has(id)) {
        continue;
      }
      bottlenecks.set(id, { share: cols.number('bottleneck_share', row) ?? 0, shareSlowest, explanation });
      if (shareSlowest > top) {
        top = shareSlowest;
        topBottleneckId = id;
      }
    }
  }
  return { bottlenecks, topBottleneckId };
}
