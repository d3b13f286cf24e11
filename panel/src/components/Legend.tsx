import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';
import { SceneTheme } from '../render/sceneTypes';
import { HealthRules } from '../render/health';
import { describeLevel } from '../data/healthRules';
import type { NodeKind } from '../../../servicegraph/src/types';
import { KindIcon } from './KindIcon';

const KINDS: Array<[NodeKind, string]> = [
  ['service', 'service'],
  ['database', 'database'],
  ['messaging', 'messaging'],
  ['virtual', 'external'],
];

interface Props {
  theme: SceneTheme;
  rules: HealthRules;
}

/** Health colours with their thresholds, and the node shapes by kind. */
export function Legend({ theme, rules }: Props) {
  const styles = useStyles2(getStyles);
  const levels: Array<[string, string]> = [
    [theme.health[0], 'OK'],
    [theme.health[1], describeLevel(rules, 1)],
    [theme.health[2], describeLevel(rules, 2)],
    [theme.idle, 'No traffic'],
  ];
  // A level whose thresholds never start (one-step thresholds, colour by one stat) has no swatch.
  const items = levels.filter(([, label]) => label !== '');
  return (
    <div className={styles.legend} data-testid="kompas-dataflow-legend" aria-label="Legend">
      {items.map(([color, label]) => (
        <span key={label} className={styles.item}>
          <span className={styles.swatch} style={{ background: color }} />
          {label}
        </span>
      ))}
      {KINDS.map(([kind, label]) => (
        <span key={kind} className={styles.item}>
          <KindIcon kind={kind} color={theme.text} />
          {label}
        </span>
      ))}
    </div>
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
  item: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  swatch: css({ width: 10, height: 10, borderRadius: '50%', display: 'inline-block' }),
});
