import React from 'react';
import { InlineField, Input, Stack } from '@grafana/ui';
import { SandboxVariable } from '../templateSrv';

interface Props {
  variables: SandboxVariable[];
  onChange: (name: string, value: string) => void;
}

/** Dashboard variables as text boxes; a change updates the URL (`var-<name>`) like Grafana's variable pickers. */
export function VariablesBar({ variables, onChange }: Props) {
  if (!variables.length) {
    return null;
  }
  return (
    <Stack gap={1} wrap="wrap">
      {variables.map((v) => {
        const value = Array.isArray(v.value) ? v.value.join(',') : v.value;
        // Keyed by value: a change from elsewhere (the URL, a panel) shows up in the box.
        return (
          <InlineField key={`${v.name}=${value}`} label={v.label ?? v.name}>
            <Input
              aria-label={`Variable ${v.name}`}
              width={20}
              defaultValue={value}
              onBlur={(e) => onChange(v.name, e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Enter' && onChange(v.name, e.currentTarget.value)}
            />
          </InlineField>
        );
      })}
    </Stack>
  );
}
