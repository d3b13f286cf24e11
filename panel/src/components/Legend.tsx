import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { IconButton, Toggletip, Tooltip, useStyles2 } from '@grafana/ui';
import React from 'react';
import { SceneTheme } from '../render/sceneTypes';
import { HealthRules } from '../render/health';
import { describeLevel } from '../data/healthRules';
import type { NodeKind } from '../../../servicegraph/src/types';
import { KindIcon } from './KindIcon';
import type { ChromeSize } from './mapChrome';

const KINDS: Array<[NodeKind, string]> = [
  ['service', 'service'],
  ['database', 'database'],
  ['messaging', 'messaging'],
  ['virtual', 'external'],
];

/** The insight marks the map draws right now: each gets a legend entry only while it is on the map. */
export interface LegendMarks {
  bottleneck: boolean;
  anomaly: boolean;
  alert: boolean;
}

const NO_MARKS: LegendMarks = { bottleneck: false, anomaly: false, alert: false };

interface Props {
  theme: SceneTheme;
  rules: HealthRules;
  marks?: LegendMarks;
  /** `full`: every entry, wrapping; `compact`: one line of colours and marks; `tiny`: an icon that opens it. */
  size?: ChromeSize;
}

/** "≥ 1% errors or p95 ≥ 300 ms" as "≥ 1% · 300 ms", for the one-line legend. */
function shortenLevel(label: string): string {
  return label.replace(' errors or p95 ≥ ', ' · ').replace(' errors', '').replace('p95 ', '');
}

/**
 * Health colours with their thresholds, the insight marks on the map and the node shapes by kind. On a small
 * panel it keeps to one line (the full text in its tooltip) or hides behind an icon, so the map stays visible.
 */
export function Legend({ theme, rules, marks = NO_MARKS, size = 'full' }: Props) {
  const styles = useStyles2(getStyles);
  const full = <LegendEntries theme={theme} rules={rules} marks={marks} short={false} />;
  if (size === 'tiny') {
    return (
      <div className={cx(styles.legend, styles.interactive)} data-testid="kompas-dataflow-legend" aria-label="Legend">
        <Toggletip content={<div className={styles.popup}>{full}</div>} placement="top-start" closeButton={false}>
          <IconButton name="info-circle" tooltip="Legend" size="sm" />
        </Toggletip>
      </div>
    );
  }
  if (size === 'compact') {
    return (
      <Tooltip content={<div className={styles.popup}>{full}</div>} placement="top-start">
        <div
          className={cx(styles.legend, styles.line, styles.interactive)}
          data-testid="kompas-dataflow-legend"
          aria-label="Legend"
        >
          <LegendEntries theme={theme} rules={rules} marks={marks} short />
        </div>
      </Tooltip>
    );
  }
  return (
    <div className={styles.legend} data-testid="kompas-dataflow-legend" aria-label="Legend">
      {full}
    </div>
  );
}

interface EntriesProps {
  theme: SceneTheme;
  rules: HealthRules;
  marks: LegendMarks;
  /** One line: short threshold labels and no node shapes (the shapes are the least needed). */
  short: boolean;
}

function LegendEntries({ theme, rules, marks, short }: EntriesProps) {
  const styles = useStyles2(getStyles);
  const levels: Array<[string, string]> = [
    [theme.health[0], 'OK'],
    [theme.health[1], describeLevel(rules, 1)],
    [theme.health[2], describeLevel(rules, 2)],
  ];
  // A level whose thresholds never start (one-step thresholds, colour by one stat) has no swatch.
  const items = levels.filter(([, label]) => label !== '');
  const warn = theme.health[1];
  // Idle comes after the marks: on one line, what is cut at the edge should be the least telling entry.
  const idle = (
    <span className={styles.item}>
      <span className={styles.swatch} style={{ background: theme.idle }} />
      {short ? 'idle' : 'No traffic'}
    </span>
  );
  return (
    <>
      {items.map(([color, label]) => (
        <span key={label} className={styles.item}>
          <span className={styles.swatch} style={{ background: color }} />
          {short ? shortenLevel(label) : label}
        </span>
      ))}
      {!short && idle}
      {marks.bottleneck && (
        <span className={styles.item}>
          {/* As drawn: a wide translucent band along the edge. */}
          <span className={styles.band} style={{ background: warn }} />
          bottleneck
        </span>
      )}
      {marks.anomaly && (
        <span className={styles.item}>
          <span className={styles.ring} style={{ borderColor: warn }} />
          anomaly
        </span>
      )}
      {marks.alert && (
        <span className={styles.item}>
          <span className={styles.badge} style={{ background: theme.error }} />
          firing alert
        </span>
      )}
      {short && idle}
      {!short &&
        KINDS.map(([kind, label]) => (
          <span key={kind} className={styles.item}>
            <KindIcon kind={kind} color={theme.text} />
            {label}
          </span>
        ))}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  legend: css({
    position: 'absolute',
    left: theme.spacing(1),
    bottom: theme.spacing(0.5),
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    background: theme.colors.background.primary,
    opacity: 0.9,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.25, 0.75),
    pointerEvents: 'none',
  }),
  // One row at most: what does not fit is cut at the panel edge (the tooltip has it all).
  line: css({
    flexWrap: 'nowrap',
    gap: theme.spacing(1),
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    maxWidth: `calc(100% - ${theme.spacing(2)})`,
  }),
  // Hover (tooltip) and click (icon) need the pointer; the full legend lets it through to the map.
  interactive: css({ pointerEvents: 'auto' }),
  popup: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  item: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5), flexShrink: 0 }),
  swatch: css({ width: 10, height: 10, borderRadius: '50%', display: 'inline-block' }),
  band: css({ width: 16, height: 8, borderRadius: 4, opacity: 0.45, display: 'inline-block' }),
  ring: css({ width: 11, height: 11, borderRadius: '50%', border: '2px solid', display: 'inline-block' }),
  badge: css({ width: 10, height: 10, borderRadius: 2, display: 'inline-block' }),
});
