import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { IconButton, useStyles2 } from '@grafana/ui';
import React, { RefObject } from 'react';
import type { GraphNode } from '../../../servicegraph/src/types';
import { SearchBox, SearchHandle } from './SearchBox';

interface Props {
  nodes: readonly GraphNode[];
  pinCount: number;
  searchRef: RefObject<SearchHandle>;
  /** Small panel: the search is an icon button until opened. */
  compact?: boolean;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  onFind(nodeId: string): void;
  onResetPins(): void;
}

/** Search, zoom buttons, zoom-to-fit and reset pins, top right of the map. IconButton uses the tooltip as aria-label. */
export function ViewControls({
  nodes,
  pinCount,
  searchRef,
  compact = false,
  onZoomIn,
  onZoomOut,
  onFit,
  onFind,
  onResetPins,
}: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.controls}>
      <SearchBox ref={searchRef} nodes={nodes} onFind={onFind} compact={compact} />
      <IconButton name="plus" tooltip="Zoom in" onClick={onZoomIn} />
      <IconButton name="minus" tooltip="Zoom out" onClick={onZoomOut} />
      <IconButton name="expand-arrows" tooltip="Zoom to fit" data-testid="kompas-dataflow-fit" onClick={onFit} />
      {pinCount > 0 && <IconButton name="history" tooltip="Reset pins" onClick={onResetPins} />}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  controls: css({
    position: 'absolute',
    top: theme.spacing(0.5),
    right: theme.spacing(0.5),
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    background: theme.colors.background.primary,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.25),
    opacity: 0.92,
  }),
});
