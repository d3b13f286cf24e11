import { StandardEditorProps } from '@grafana/data';
import { ComboboxOption, MultiCombobox } from '@grafana/ui';
import React from 'react';
import type { NodeKind } from '../../../servicegraph/src/types';

const KIND_OPTIONS: Array<ComboboxOption<NodeKind>> = [
  { value: 'service', label: 'Services' },
  { value: 'database', label: 'Databases' },
  { value: 'messaging', label: 'Messaging' },
  { value: 'virtual', label: 'External / virtual' },
];

/** Node kinds to hide from the map (their edges go too). */
export function HiddenKindsEditor({ value, onChange }: StandardEditorProps<NodeKind[]>) {
  return (
    <MultiCombobox<NodeKind>
      aria-label="Hidden node kinds"
      options={KIND_OPTIONS}
      value={value ?? []}
      placeholder="Show all kinds"
      onChange={(selected) => onChange(selected.map((s) => s.value))}
    />
  );
}
