/**
 * Bottleneck attribution on the edges frame (issue 8): each edge's share of critical-path time over all
 * traces of the window and over the slowest 5 %, and the sentence the panel shows for it.
 */
import { DataFrame, Field, FieldType } from '@grafana/data';

import { BottleneckAnalysis, explainBottleneck } from '../graph/servicegraph';

export const BOTTLENECK_FIELDS = {
  share: 'bottleneck_share',
  shareSlowest: 'bottleneck_share_slowest',
  explanation: 'bottleneck',
} as const;

/** Edge id -> p95 of an earlier window, for the "was 110 ms" part of the sentence. */
export type BaselineP95 = ReadonlyMap<string, number>;

export function baselineOf(analysis: BottleneckAnalysis | undefined): BaselineP95 {
  return new Map((analysis?.edges ?? []).map((e) => [e.id, e.p95Ms]));
}

/** The frames with three fields added to the edges frame (0 and '' for edges without critical-path time). */
export function addBottleneckFields(frames: DataFrame[], analysis: BottleneckAnalysis, baseline?: BaselineP95): DataFrame[] {
  const byId = new Map(analysis.edges.map((e) => [e.id, e]));
  return frames.map((frame) => {
    const ids = frame.fields.find((f) => f.name === 'id');
    if (frame.name !== 'edges' || !ids) {
      return frame;
    }
    const rows = ids.values.map((id) => byId.get(String(id)));
    const field = (name: string, type: FieldType, values: unknown[]): Field => ({ name, type, config: {}, values });
    const explanation = rows.map((b) => {
      if (!b || !(b.shareSlowest > 0)) {
        return '';
      }
      const was = baseline?.get(b.id);
      return explainBottleneck(
        { source: b.source, target: b.target, shareSlowest: b.shareSlowest, p95Ms: b.p95MsSlowest || b.p95Ms },
        was !== undefined ? { p95Ms: was } : undefined
      );
    });
    return {
      ...frame,
      fields: [
        ...frame.fields,
        field(BOTTLENECK_FIELDS.share, FieldType.number, rows.map((b) => b?.share ?? 0)),
        field(BOTTLENECK_FIELDS.shareSlowest, FieldType.number, rows.map((b) => b?.shareSlowest ?? 0)),
        field(BOTTLENECK_FIELDS.explanation, FieldType.string, explanation),
      ],
    };
  });
}
