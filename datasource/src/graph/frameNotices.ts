import { DataFrame, QueryResultMetaNotice } from '@grafana/data';

/** Adds notices (shown by Grafana above the panel / in the inspector) to the first frame of a result. */
export function withNotices(frames: DataFrame[], notices: QueryResultMetaNotice[]): DataFrame[] {
  if (notices.length === 0 || frames.length === 0) {
    return frames;
  }
  const [first, ...rest] = frames;
  const existing = first.meta?.notices ?? [];
  return [{ ...first, meta: { ...first.meta, notices: [...existing, ...notices] } }, ...rest];
}

export function infoNotice(text: string): QueryResultMetaNotice {
  return { severity: 'info', text };
}

export function warningNotice(text: string): QueryResultMetaNotice {
  return { severity: 'warning', text };
}
