import React from 'react';
import { InlineField, Input } from '@grafana/ui';

interface Props {
  label: string;
  tooltip?: string;
  /** Accessible name of the box (default: the label). */
  ariaLabel?: string;
  testId: string;
  width: number;
  labelWidth?: number;
  /** What the box shows when it mounts; typing is the user's until the box loses focus. */
  value: number | string | undefined;
  placeholder?: string;
  /** The typed text, once the box loses focus: the caller parses it with its own rules and bounds. */
  onCommit: (text: string) => void;
}

/** A number box of the editors: committed on blur, so typing "1" on the way to "120" runs no query. */
export function NumberField({
  label,
  tooltip,
  ariaLabel,
  testId,
  width,
  labelWidth,
  value,
  placeholder,
  onCommit,
}: Props) {
  return (
    <InlineField label={label} tooltip={tooltip} labelWidth={labelWidth}>
      <Input
        width={width}
        type="number"
        aria-label={ariaLabel ?? label}
        data-testid={testId}
        placeholder={placeholder}
        defaultValue={value ?? ''}
        onBlur={(e) => onCommit(e.currentTarget.value)}
      />
    </InlineField>
  );
}
