import React from 'react';
import type { NodeKind } from '../../../servicegraph/src/types';

const PATHS: Record<NodeKind, React.ReactNode> = {
  service: <circle cx="7" cy="7" r="5" />,
  database: <path d="M2.5 3.5 a4.5 1.6 0 0 0 9 0 a4.5 1.6 0 0 0 -9 0 v7 a4.5 1.6 0 0 0 9 0 v-7" />,
  messaging: <path d="M12 7 L9.5 11.3 L4.5 11.3 L2 7 L4.5 2.7 L9.5 2.7 Z" />,
  virtual: <circle cx="7" cy="7" r="5" strokeDasharray="2.5 2" />,
};

/** The node shape of a kind, as the map draws it, for the legend. */
export function KindIcon({ kind, color }: { kind: NodeKind; color: string }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" fill="none" stroke={color} strokeWidth="1.6" aria-hidden="true">
      {PATHS[kind]}
    </svg>
  );
}
