/**
 * Data links on nodes and edges: "Traces in Explore" for a service (node) or for the calling service of
 * an edge, through this datasource (Jaeger traces mode) or through a configured Jaeger datasource.
 */
import { DataFrame, DataLink, Field } from '@grafana/data';

import { DataflowQuery } from '../types';

export interface TraceLinkTarget {
  /** UID of the datasource the links open; its type decides the query shape. */
  datasourceUid: string;
  datasourceName: string;
  /** True when the target is this plugin (query in our model), false for Grafana's Jaeger datasource. */
  isDataflow: boolean;
}

function traceQuery(target: TraceLinkTarget, serviceExpr: string): Partial<DataflowQuery> | Record<string, unknown> {
  return target.isDataflow
    ? { source: 'jaeger', queryType: 'traces', service: serviceExpr, streaming: false }
    : { queryType: 'search', service: serviceExpr };
}

export function nodeTraceLink(target: TraceLinkTarget): DataLink {
  return {
    title: 'Traces of ${__data.fields.id} in Explore',
    url: '',
    internal: {
      datasourceUid: target.datasourceUid,
      datasourceName: target.datasourceName,
      query: traceQuery(target, '${__data.fields.id}'),
    },
  };
}

export function edgeTraceLink(target: TraceLinkTarget): DataLink {
  return {
    title: 'Traces from ${__data.fields.source} to ${__data.fields.target} in Explore',
    url: '',
    internal: {
      datasourceUid: target.datasourceUid,
      datasourceName: target.datasourceName,
      query: traceQuery(target, '${__data.fields.source}'),
    },
  };
}

/** Puts the links on the `id` field of the nodes and edges frames (what the Node Graph panel reads). */
export function addTraceLinks(frames: DataFrame[], target: TraceLinkTarget): DataFrame[] {
  return frames.map((frame) => {
    const kind =
      frame.name === 'edges' || frame.meta?.custom?.nodeGraphFrameType === 'edges'
        ? 'edges'
        : frame.name === 'nodes'
          ? 'nodes'
          : undefined;
    if (!kind) {
      return frame;
    }
    const link = kind === 'nodes' ? nodeTraceLink(target) : edgeTraceLink(target);
    return {
      ...frame,
      fields: frame.fields.map((field): Field =>
        field.name === 'id' ? { ...field, config: { ...field.config, links: [link] } } : field
      ),
    };
  });
}
