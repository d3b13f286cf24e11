import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Input, useStyles2 } from '@grafana/ui';
import React, { forwardRef, useMemo, useState } from 'react';
import type { GraphNode } from '../../../servicegraph/src/types';
import { searchNodes } from '../data/searchNodes';

interface Props {
  nodes: readonly GraphNode[];
  onFind(nodeId: string): void;
}

/** Find a service by name: Enter focuses the best match, the list shows the others. */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ nodes, onFind }, ref) {
  const styles = useStyles2(getStyles);
  const [text, setText] = useState('');
  const matches = useMemo(() => searchNodes(nodes, text), [nodes, text]);
  const find = (id: string) => {
    onFind(id);
    setText('');
  };
  return (
    <div className={styles.wrapper}>
      <Input
        ref={ref}
        value={text}
        placeholder="Find service"
        aria-label="Search services"
        data-testid="kompas-dataflow-search"
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && matches[0]) {
            find(matches[0].id);
          } else if (e.key === 'Escape') {
            setText('');
          }
        }}
      />
      {matches.length > 0 && (
        <ul className={styles.list} role="listbox" aria-label="Matching services">
          {matches.map((node) => (
            <li key={node.id} role="option" aria-selected={false} onMouseDown={() => find(node.id)}>
              {node.title}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ position: 'relative', width: 180 }),
  list: css({
    position: 'absolute',
    top: '100%',
    left: 0,
    right: 0,
    zIndex: 3,
    listStyle: 'none',
    margin: 0,
    padding: theme.spacing(0.5, 0),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.medium}`,
    boxShadow: theme.shadows.z3,
    li: { padding: theme.spacing(0.5, 1), cursor: 'pointer', '&:hover': { background: theme.colors.action.hover } },
  }),
});
