/**
 * The replay timeline of Timescale mode (issue 8): the range cut into steps, each step's edges read with
 * the same SQL as the map (one statement per step, all in one /api/ds/query request, so the Grafana server
 * runs them together) and returned as the long-format `timeline` frame.
 */
import { DataFrame, dataFrameFromJSON } from '@grafana/data';
import { Observable, defer, map } from 'rxjs';

import { TimelineStep, timelineToFrame } from '../insight/timelineFrame';
import { planEdgeSql } from '../timescale/edgeSql';
import { rowsToGraph } from '../timescale/rowsToGraph';
import { TimescaleDataflowQuery } from '../types';
import { POSTGRES_TYPE, PostDsQuery, readDsQueryFrames } from './dsQuery';

/** Most steps a timeline has: each is one statement in the request. */
export const MAX_TIMELINE_STEPS = 60;
/** Step widths the bucket tables resolve (10 s, 1 min, 1 h tables), and round multiples of them. */
const STEP_CHOICES_MS = [10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000, 21_600_000, 86_400_000];

/** The smallest step that keeps the range within MAX_TIMELINE_STEPS. */
export function timelineStepMs(fromMs: number, toMs: number): number {
  const length = toMs - fromMs;
  return STEP_CHOICES_MS.find((step) => length / step <= MAX_TIMELINE_STEPS) ?? Math.ceil(length / MAX_TIMELINE_STEPS);
}

/** Step ranges over [fromMs, toMs), aligned to the step (the last one ends at toMs). */
export function timelineSlices(fromMs: number, toMs: number): Array<{ fromMs: number; toMs: number }> {
  const step = timelineStepMs(fromMs, toMs);
  const slices: Array<{ fromMs: number; toMs: number }> = [];
  for (let t = Math.floor(fromMs / step) * step; t < toMs; t += step) {
    slices.push({ fromMs: Math.max(t, fromMs), toMs: Math.min(t + step, toMs) });
  }
  return slices;
}

export function fetchTimescaleTimeline(
  query: TimescaleDataflowQuery,
  uid: string,
  postDsQuery: PostDsQuery,
  refId: string,
  fromMs: number,
  toMs: number
): Observable<DataFrame> {
  return defer(() => {
    const filter = { services: query.services, connectionType: query.connectionType, topN: query.topN };
    const slices = timelineSlices(fromMs, toMs).map((slice) => ({ slice, plan: planEdgeSql(filter, slice) }));
    return postDsQuery({
      queries: slices.map(({ plan }, i) => ({ refId: `${refId}-t${i}`, datasource: { uid, type: POSTGRES_TYPE }, rawSql: plan.sql, format: 'table' })),
      from: String(Math.floor(fromMs)),
      to: String(Math.ceil(toMs)),
    }).pipe(
      map((answer) => {
        const steps: TimelineStep[] = slices.map(({ slice, plan }, i) => {
          const rows = readDsQueryFrames(answer, `${refId}-t${i}`).map((json) => dataFrameFromJSON(json))[0] ?? { fields: [] };
          return { timeMs: slice.fromMs, graph: rowsToGraph(rows, { fromMs: plan.coveredFromMs, toMs: plan.coveredToMs }) };
        });
        return timelineToFrame(steps, refId);
      })
    );
  });
}
