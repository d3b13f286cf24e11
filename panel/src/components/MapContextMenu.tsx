import { LinkModel } from '@grafana/data';
import { ContextMenu, MenuGroup, MenuItem } from '@grafana/ui';
import React from 'react';
import { MapTarget } from '../hooks/usePointerGestures';
import type { AlertBadge } from '../insight/matchAlerts';

interface Props {
  target: MapTarget;
  x: number;
  y: number;
  links: LinkModel[];
  /** "Explore traces for this edge" from the panel's URL template, when set. */
  traceHref?: string;
  pinned: boolean;
  /** The edge's exemplar trace id: "Show an example request" sets the route variable to it. */
  exampleTraceId?: string;
  onShowExample?(traceId: string): void;
  /** Firing alerts on the node or edge, each a link to its rule. */
  alerts?: AlertBadge[];
  onFocus(): void;
  onUnpin(): void;
  onClose(): void;
}

/** Right-click menu: data links from the frames, traces for an edge, focus and unpin. */
export function MapContextMenu(props: Props) {
  const { target, x, y, links, traceHref, pinned, onFocus, onUnpin, onClose, exampleTraceId, onShowExample, alerts = [] } = props;
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
          {exampleTraceId && onShowExample && (
            <MenuItem label="Show an example request" icon="eye" onClick={() => onShowExample(exampleTraceId)} />
          )}
          {alerts.length > 0 && (
            <MenuGroup label="Firing alerts">
              {alerts.map((alert) => (
                <MenuItem key={`${alert.name}-${alert.href}`} label={alert.name} icon="bell" url={alert.href} />
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
