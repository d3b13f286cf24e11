import React from 'react';
import { SelectableValue, StandardEditorProps, StandardEditorsRegistryItem } from '@grafana/data';
import { ColorPicker, Input, MultiSelect, RadioButtonGroup, Select, Slider, Switch, UnitPicker } from '@grafana/ui';

/**
 * Grafana's app registers the editors behind the PanelOptionsEditorBuilder's `addTextInput`, `addSelect`, ... calls
 * (they are not in the packages). These are the sandbox's equivalents, built from the same @grafana/ui inputs.
 */
type Props<T, S = unknown> = StandardEditorProps<T, S>;
type Options<T = unknown> = { options?: Array<SelectableValue<T>> };

function TextEditor({ value, onChange, item }: Props<string, { placeholder?: string }>) {
  return (
    <Input
      value={value ?? ''}
      placeholder={item.settings?.placeholder}
      aria-label={item.name}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

function NumberEditor({ value, onChange, item }: Props<number, { min?: number; max?: number; step?: number }>) {
  return (
    <Input
      type="number"
      aria-label={item.name}
      value={value ?? ''}
      min={item.settings?.min}
      max={item.settings?.max}
      step={item.settings?.step}
      onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}
    />
  );
}

function SliderEditor({ value, onChange, item }: Props<number, { min: number; max: number; step?: number }>) {
  const { min = 0, max = 100, step } = item.settings ?? {};
  return <Slider inputId={item.id} value={value ?? min} min={min} max={max} step={step} onChange={onChange} />;
}

function BooleanEditor({ value, onChange, item }: Props<boolean>) {
  return <Switch value={Boolean(value)} aria-label={item.name} onChange={(e) => onChange(e.currentTarget.checked)} />;
}

function SelectEditor({ value, onChange, item }: Props<unknown, Options>) {
  return (
    <Select
      aria-label={item.name}
      options={item.settings?.options ?? []}
      value={value as SelectableValue['value']}
      onChange={(v) => onChange(v?.value)}
    />
  );
}

function MultiSelectEditor({ value, onChange, item }: Props<unknown[], Options>) {
  return (
    <MultiSelect
      aria-label={item.name}
      options={item.settings?.options ?? []}
      value={value as Array<SelectableValue['value']>}
      onChange={(v) => onChange(v.map((o) => o.value))}
    />
  );
}

function RadioEditor({ value, onChange, item }: Props<unknown, Options>) {
  return <RadioButtonGroup options={item.settings?.options ?? []} value={value} onChange={onChange} />;
}

function ColorEditor({ value, onChange }: Props<string>) {
  return <ColorPicker color={value ?? 'green'} onChange={onChange} />;
}

function UnitEditor({ value, onChange }: Props<string>) {
  return <UnitPicker value={value} onChange={(unit) => onChange(unit)} />;
}

function StringsEditor({ value, onChange, item }: Props<string[]>) {
  return (
    <Input
      aria-label={item.name}
      value={(value ?? []).join(', ')}
      onChange={(e) => onChange(e.currentTarget.value.split(',').map((s) => s.trim()).filter(Boolean))}
    />
  );
}

const editor = (id: string, component: React.ComponentType<Props<any, any>>): StandardEditorsRegistryItem => ({
  id,
  name: id,
  editor: component,
});

export function getStandardOptionEditors(): StandardEditorsRegistryItem[] {
  return [
    editor('text', TextEditor),
    editor('number', NumberEditor),
    editor('slider', SliderEditor),
    editor('boolean', BooleanEditor),
    editor('select', SelectEditor),
    editor('multi-select', MultiSelectEditor),
    editor('radio', RadioEditor),
    editor('color', ColorEditor),
    editor('unit', UnitEditor),
    editor('strings', StringsEditor),
    editor('field-name', TextEditor),
    editor('timezone', TextEditor),
  ];
}
