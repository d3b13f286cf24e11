import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React, { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { GraphEdge, GraphNode } from '../../../servicegraph/src/types';
import { servesNothing, summarizeSentTraffic, type SentTraffic } from '../data/sentTraffic';
import { formatMs, formatPercent, formatRate, formatRawStat, isStatKnown } from '../render/formatStats';
import { MapTarget } from '../hooks/usePointerGestures';
import { placeTooltip } from './placeTooltip';

interface Props {
  target: MapTarget;
  /** Position relative to the panel, px. */
  x: number;
  y: number;
  /** The panel's size: the tooltip flips to the other side of the pointer rather than run off it. */
  width: number;
  height: number;
  /** Insight lines (route step, bottleneck, anomaly, alerts) under the statistics. */
  notes?: Array<[string, string]>;
  /** The graph's edges: a node that serves nothing (the root client `user`) shows what it sends instead. */
  edges?: GraphEdge[];
}

const KIND_LABEL: Record<GraphNode['kind'], string> = {
  service: 'Service',
  database: 'Database',
  messaging: 'Messaging',
  virtual: 'External',
};

/**
 * The statistics the source gave (a foreign Node Graph frame may leave some out: those are not shown as 0),
 * then the raw stats the panel could not interpret, labelled and formatted as their frame says.
 */
export function statRows(stats: GraphNode | GraphEdge): Array<[string, string]> {
  const known = (name: Parameters<typeof isStatKnown>[1]) => isStatKnown(stats, name);
  const failed = known('errorRate') ? `${stats.failed} (${formatPercent(stats.errorRate)})` : String(stats.failed);
  const rows: Array<[string, string] | false> = [
    known('rate') && ['Rate', formatRate(stats.rate)],
    known('requests') && ['Requests', String(stats.requests)],
    known('failed') ? ['Failed', failed] : known('errorRate') && ['Errors', formatPercent(stats.errorRate)],
    known('p50Ms') && ['p50', formatMs(stats.p50Ms)],
    known('p95Ms') && ['p95', formatMs(stats.p95Ms)],
    known('p99Ms') && ['p99', formatMs(stats.p99Ms)],
    stats.meanMs !== undefined && ['Mean', formatMs(stats.meanMs)],
  ];
  const raw = (stats.rawStats ?? []).map((stat): [string, string] => [stat.label, formatRawStat(stat)]);
  return [...rows.filter((row): row is [string, string] => row !== false), ...raw];
}

/** A node that serves nothing: its outgoing traffic, labelled as sent (request counts only where edges have them). */
function sentRows(sent: SentTraffic): Array<[string, string]> {
  const counts: Array<[string, string]> =
    sent.requests > 0
      ? [
          ['Requests sent', String(sent.requests)],
          ['Failed', `${sent.failed} (${formatPercent(sent.errorRate)})`],
        ]
      : [];
  return [
    ['Sent', formatRate(sent.rate)],
    ...counts,
    ['Calls', `${sent.callees} ${sent.callees === 1 ? 'service' : 'services'}`],
  ];
}

/** Every statistic of the hovered node or edge. */
export function Tooltip({ target, x, y, width, height, notes = [], edges = [] }: Props) {
  const styles = useStyles2(getStyles);
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const box = ref.current;
    if (box && (box.offsetWidth !== size.w || box.offsetHeight !== size.h)) {
      setSize({ w: box.offsetWidth, h: box.offsetHeight });
    }
    // Measured again when the content changes (a node and an edge tooltip differ in size).
  }, [target, notes, size.w, size.h]);
  const title =
    target.kind === 'node' ? target.node.title : `${target.edge.source.title} → ${target.edge.target.title}`;
  const subtitle =
    target.kind === 'node'
      ? [...new Set([KIND_LABEL[target.node.kind], target.node.group, target.node.stats.subtitle])]
          .filter(Boolean)
          .join(' · ')
      : target.edge.stats.connectionType.replace('_', ' ') || 'request/response';
  const node = target.kind === 'node' ? target.node.stats : undefined;
  const sent = useMemo(
    () => (node && servesNothing(node) ? summarizeSentTraffic(edges, node.id) : undefined),
    [node, edges]
  );
  const rows = sent ? sentRows(sent) : statRows(target.kind === 'node' ? target.node.stats : target.edge.stats);
  return (
    <div
      ref={ref}
      className={styles.tooltip}
      style={placeTooltip(x, y, size, width, height)}
      role="tooltip"
      data-testid="kompas-dataflow-tooltip"
    >
      <div className={styles.title}>{title}</div>
      <div className={styles.subtitle}>{subtitle}</div>
      {sent && (
        <div className={styles.caption} data-testid="kompas-dataflow-tooltip-sent">
          Serves no requests; what it sends:
        </div>
      )}
      <table className={styles.table}>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.map(([label, text], i) => (
        <div key={`${label}-${i}`} className={styles.note} data-testid="kompas-dataflow-tooltip-note">
          <span className={styles.noteLabel}>{label}</span> {text}
        </div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tooltip: css({
    position: 'absolute',
    pointerEvents: 'none',
    zIndex: 2,
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    boxShadow: theme.shadows.z2,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    minWidth: 160,
    maxWidth: 360,
  }),
  note: css({ marginTop: theme.spacing(0.5), overflowWrap: 'anywhere' }),
  noteLabel: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightMedium }),
  title: css({ fontWeight: theme.typography.fontWeightMedium }),
  subtitle: css({ color: theme.colors.text.secondary, marginBottom: theme.spacing(0.5) }),
  caption: css({ color: theme.colors.text.secondary, marginBottom: theme.spacing(0.5) }),
  table: css({
    th: { fontWeight: 'normal', color: theme.colors.text.secondary, paddingRight: theme.spacing(2), textAlign: 'left' },
    td: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  }),
});
