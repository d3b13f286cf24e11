import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { IconButton, Input, useStyles2 } from '@grafana/ui';
import React, { forwardRef, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { GraphNode } from '../../../servicegraph/src/types';
import { searchNodes } from '../data/searchNodes';

/** What the map's "/" shortcut calls: opens a collapsed search and puts the cursor in it. */
export interface SearchHandle {
  focus(): void;
}

interface Props {
  nodes: readonly GraphNode[];
  onFind(nodeId: string): void;
  /** Small panel: an icon button that opens the field (on click or "/") and closes again when left empty. */
  compact?: boolean;
}

/** Find a service by name: Enter focuses the best match, the list shows the others (or says there are none). */
export const SearchBox = forwardRef<SearchHandle, Props>(function SearchBox({ nodes, onFind, compact = false }, ref) {
  const styles = useStyles2(getStyles);
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const matches = useMemo(() => searchNodes(nodes, text), [nodes, text]);
  const query = text.trim();
  const collapsed = compact && !open;
  useImperativeHandle(ref, () => ({ focus: () => (collapsed ? setOpen(true) : inputRef.current?.focus()) }), [
    collapsed,
  ]);
  const close = () => {
    setText('');
    setOpen(false);
  };
  const find = (id: string) => {
    onFind(id);
    close();
  };
  if (collapsed) {
    return (
      <IconButton
        name="search"
        tooltip="Find service (/)"
        data-testid="kompas-dataflow-search-open"
        onClick={() => setOpen(true)}
      />
    );
  }
  return (
    <div className={styles.wrapper}>
      <Input
        ref={inputRef}
        value={text}
        placeholder="Find service"
        aria-label="Search services"
        data-testid="kompas-dataflow-search"
        // Opened from the icon or "/": the field mounts to be typed in.
        autoFocus={compact}
        onBlur={() => compact && query === '' && setOpen(false)}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && matches[0]) {
            find(matches[0].id);
          } else if (e.key === 'Escape') {
            close();
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
      {query !== '' && matches.length === 0 && (
        <div className={styles.list} role="status" data-testid="kompas-dataflow-search-nomatch">
          <span className={styles.empty}>No service matches “{query}”</span>
        </div>
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
  empty: css({
    display: 'block',
    padding: theme.spacing(0.5, 1),
    color: theme.colors.text.secondary,
    overflowWrap: 'anywhere',
  }),
});
