import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { IconButton, useStyles2 } from '@grafana/ui';
import React from 'react';
import type { RouteOverlay } from '../insight/insightOverlay';
import { formatMs } from '../render/formatStats';

interface Props {
  route: RouteOverlay;
  onClear(): void;
}

/** "Route of <trace id>" with its hop count, total time and errors, and a button that hides the overlay. */
export function RouteBar({ route, onClear }: Props) {
  const styles = useStyles2(getStyles);
  const hops = route.edges.reduce((n, e) => n + e.hops.length, 0);
  const failed = route.edges.filter((e) => e.failed).length;
  const critical = route.edges.filter((e) => e.critical).reduce((ms, e) => ms + e.latencyMs, 0);
  return (
    <div className={styles.bar} data-testid="kompas-dataflow-route" data-hops={hops} data-trace-id={route.traceId}>
      <span className={styles.title}>Route of {route.traceId || 'the request'}</span>
      <span>
        {hops} hops · critical path {formatMs(critical)}
        {failed > 0 && <span className={styles.failed}> · {failed} failed</span>}
        {route.missingHops > 0 && ` · ${route.missingHops} not on the map`}
      </span>
      <IconButton name="times" size="sm" tooltip="Clear route" data-testid="kompas-dataflow-route-clear" onClick={onClear} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    position: 'absolute',
    top: theme.spacing(0.5),
    left: theme.spacing(0.5),
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.primary.border}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.25, 0.75),
    opacity: 0.95,
    maxWidth: '60%',
  }),
  title: css({ fontWeight: theme.typography.fontWeightMedium, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  failed: css({ color: theme.colors.error.text }),
});
