import { get } from 'lodash';
import { DataFrame, getFieldDisplayValuesProxy, ScopedVars, TimeRange, TypedVariableModel } from '@grafana/data';
import { TemplateSrv } from '@grafana/runtime';
import { formatVariableValue } from './variableFormats';

/** A dashboard variable as the sandbox keeps it (a textbox/custom variable with its current value). */
export interface SandboxVariable {
  name: string;
  label?: string;
  value: string | string[];
  options?: string[];
}

// $var, ${var}, ${var:format}, [[var]], [[var:format]] — the same forms Grafana's template service accepts.
const VARIABLE_PATTERN = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^\}]+))?(?::([^\}]+))?}/g;

export class SandboxTemplateSrv implements TemplateSrv {
  private variables: SandboxVariable[] = [];
  private range: TimeRange | undefined;

  setVariables(variables: SandboxVariable[]): void {
    this.variables = variables;
  }

  getVariables(): TypedVariableModel[] {
    return this.variables.map(
      (v) =>
        ({
          type: 'custom',
          id: v.name,
          name: v.name,
          label: v.label ?? v.name,
          current: { text: v.value, value: v.value, selected: true },
          options: (v.options ?? []).map((o) => ({ text: o, value: o, selected: o === v.value })),
          multi: Array.isArray(v.value),
          includeAll: false,
          query: (v.options ?? []).join(','),
          hide: 0,
          skipUrlSync: false,
          index: 0,
          state: 'Done',
          error: null,
          description: null,
          rootStateKey: 'sandbox',
          global: false,
        }) as unknown as TypedVariableModel
    );
  }

  updateTimeRange(range: TimeRange): void {
    this.range = range;
  }

  containsTemplate(target: string | undefined): boolean {
    if (!target) {
      return false;
    }
    VARIABLE_PATTERN.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = VARIABLE_PATTERN.exec(target))) {
      const name = match[1] ?? match[2] ?? match[4];
      if (this.lookup(name, undefined) !== undefined) {
        return true;
      }
    }
    return false;
  }

  private lookup(name: string, scopedVars: ScopedVars | undefined, fieldPath?: string): string | string[] | undefined {
    const dataContext = scopedVars?.__dataContext?.value as { frame?: DataFrame; rowIndex?: number } | undefined;
    if (name === '__data' && fieldPath && dataContext?.frame && dataContext.rowIndex !== undefined) {
      // Grafana's __data macro, as data links of frame fields get it: the link's row, fields by name or display name.
      const { frame, rowIndex } = dataContext;
      const row = { name: frame.name, refId: frame.refId, fields: getFieldDisplayValuesProxy({ frame, rowIndex }) };
      const value = get(row, fieldPath);
      return value === undefined || value === null ? undefined : String(value);
    }
    const scoped = scopedVars?.[name];
    if (scoped && fieldPath) {
      // ${__data.fields.id} and friends: a path into the scoped value, as Grafana's data links use.
      const value = get(scoped.value, fieldPath);
      return value === undefined || value === null ? undefined : String(value);
    }
    if (scoped) {
      return Array.isArray(scoped.value) ? scoped.value.map(String) : String(scoped.value);
    }
    if (this.range && (name === '__from' || name === '__to')) {
      return String((name === '__from' ? this.range.from : this.range.to).valueOf());
    }
    return this.variables.find((v) => v.name === name)?.value;
  }

  replace(target?: string, scopedVars?: ScopedVars, format?: string | Function): string {
    if (!target) {
      return target ?? '';
    }
    VARIABLE_PATTERN.lastIndex = 0;
    return target.replace(VARIABLE_PATTERN, (match, var1, var2, fmt2, var3, fieldPath, fmt3) => {
      const name: string = var1 ?? var2 ?? var3;
      const value = this.lookup(name, scopedVars, fieldPath);
      if (value === undefined) {
        return match;
      }
      const explicitFormat: string | undefined = fmt2 ?? fmt3;
      if (!explicitFormat && typeof format === 'function') {
        return String(format(value, { name }));
      }
      return formatVariableValue(value, explicitFormat ?? (typeof format === 'string' ? format : undefined), name);
    });
  }
}
