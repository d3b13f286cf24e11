import { LinkModel } from '@grafana/data';
import { ContextMenu, MenuGroup, MenuItem } from '@grafana/ui';
import React from 'react';
import { MapTarget } from '../hooks/usePointerGestures';

interface Props {
  target: MapTarget;
  x: number;
  y: number;
  links: LinkModel[];
  /** "Explore traces for this edge" from the panel's URL template, when set. */
  traceHref?: string;
  pinned: boolean;
  onFocus(): void;
  onUnpin(): void;
  onClose(): void;
}

/** Right-click menu: data links from the frames, traces for an edge, focus and unpin. */
export function MapContextMenu({ target, x, y, links, traceHref, pinned, onFocus, onUnpin, onClose }: Props) {
  const label = target.kind === 'node' ? target.node.title : `${target.edge.source.title} → ${target.edge.target.title}`;
  return (
    <ContextMenu
      x={x}
      y={y}
      onClose={onClose}
      renderHeader={() => <div style={{ padding: '4px 8px', fontWeight: 500 }}>{label}</div>}
      renderMenuItems={() => (
        <>
          {(links.length > 0 || traceHref) && (
            <MenuGroup label="Links">
              {traceHref && <MenuItem label="Explore traces for this edge" icon="compass" url={traceHref} />}
              {links.map((link) => (
                <MenuItem
                  key={`${link.title}-${link.href}`}
                  label={link.title}
                  url={link.href}
                  target={link.target}
                  icon={link.target === '_blank' ? 'external-link-alt' : 'link'}
                  onClick={link.onClick ? (event) => link.onClick?.(event) : undefined}
                />
              ))}
            </MenuGroup>
          )}
          <MenuItem label="Highlight neighbourhood" icon="crosshair" onClick={onFocus} />
          {pinned && <MenuItem label="Unpin" icon="gf-pin" onClick={onUnpin} />}
        </>
      )}
    />
  );
}
