import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

interface Props {
  kind: 'empty' | 'error';
  title: string;
  detail: string;
}

/** The empty state and the "these frames are not a graph" message, in place of the map. */
export function PanelMessage({ kind, title, detail }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrapper} data-testid="kompas-dataflow-message" role={kind === 'error' ? 'alert' : 'status'}>
      <div className={styles.title}>{title}</div>
      <div className={styles.detail}>{detail}</div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    padding: theme.spacing(2),
    gap: theme.spacing(1),
  }),
  title: css({ fontSize: theme.typography.h5.fontSize, color: theme.colors.text.primary }),
  detail: css({ color: theme.colors.text.secondary, maxWidth: 520 }),
});
