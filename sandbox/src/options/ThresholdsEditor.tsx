import React from 'react';
import { StandardEditorProps, Threshold, ThresholdsConfig, ThresholdsMode } from '@grafana/data';
import { Button, ColorPicker, Input, Stack } from '@grafana/ui';

/** A compact thresholds editor (Grafana's own lives in the app, not in @grafana/ui). */
export function ThresholdsEditor({ value, onChange }: StandardEditorProps<ThresholdsConfig>) {
  const config: ThresholdsConfig = value ?? { mode: ThresholdsMode.Absolute, steps: [] };
  const setSteps = (steps: Threshold[]) =>
    onChange({ ...config, steps: [...steps].sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity)) });
  return (
    <Stack direction="column" gap={0.5}>
      {config.steps.map((step, i) => (
        <Stack key={i} gap={1} alignItems="center">
          <ColorPicker
            color={step.color}
            onChange={(color) => setSteps(config.steps.map((s, j) => (j === i ? { ...s, color } : s)))}
          />
          {i === 0 ? (
            <span>Base</span>
          ) : (
            <Input
              type="number"
              aria-label={`Threshold ${i}`}
              value={step.value}
              width={12}
              onChange={(e) =>
                setSteps(config.steps.map((s, j) => (j === i ? { ...s, value: Number(e.currentTarget.value) } : s)))
              }
            />
          )}
          {i > 0 && (
            <Button size="sm" variant="secondary" icon="trash-alt" aria-label="Remove threshold" onClick={() => setSteps(config.steps.filter((_, j) => j !== i))} />
          )}
        </Stack>
      ))}
      <Button
        size="sm"
        variant="secondary"
        icon="plus"
        onClick={() => setSteps([...config.steps, { value: (config.steps[config.steps.length - 1]?.value ?? 0) + 10, color: 'red' }])}
      >
        Add threshold
      </Button>
    </Stack>
  );
}
