import { StandardEditorProps } from '@grafana/data';
import { Button, Stack, Text } from '@grafana/ui';
import React from 'react';
import type { PositionMap } from '../layout/layoutTypes';

/** Shows how many nodes are pinned (by dragging on the map) and resets them. */
export function PinsEditor({ value, onChange }: StandardEditorProps<PositionMap>) {
  const count = Object.keys(value ?? {}).length;
  return (
    <Stack direction="row" alignItems="center" gap={1}>
      <Text color="secondary">{count === 0 ? 'No pinned nodes: drag a node to pin it' : `${count} pinned`}</Text>
      {count > 0 && (
        <Button size="sm" variant="secondary" icon="history" onClick={() => onChange({})}>
          Reset pins
        </Button>
      )}
    </Stack>
  );
}
