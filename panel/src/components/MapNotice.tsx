import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

interface Props {
  /** One line per problem; nothing is drawn when empty. */
  notices: string[];
}

/**
 * Small notices over a map that is still drawn (a failed stream tick kept the last frames, the alerts could
 * not be read): the map stays usable, the text says what is missing.
 */
export function MapNotice({ notices }: Props) {
  const styles = useStyles2(getStyles);
  if (notices.length === 0) {
    return null;
  }
  return (
    <div className={styles.notice} role="status" data-testid="kompas-dataflow-notice">
      {notices.map((notice) => (
        <div key={notice} className={styles.line} title={notice}>
          {notice}
        </div>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  notice: css({
    position: 'absolute',
    // Below the top row (view controls, route bar), clear of the legend and replay bar at the bottom.
    top: theme.spacing(4.5),
    left: theme.spacing(1),
    maxWidth: '60%',
    padding: theme.spacing(0.5, 1),
    borderLeft: `2px solid ${theme.colors.warning.main}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    opacity: 0.92,
    pointerEvents: 'auto',
  }),
  line: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
});
