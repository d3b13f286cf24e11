/**
 * Grafana's variable value formats (`${var:format}`), for values as the template service holds them.
 * Kept close to Grafana's formatRegistry so hostile values are escaped exactly as in a real dashboard.
 */
export type FormatName =
  | 'glob'
  | 'raw'
  | 'text'
  | 'csv'
  | 'pipe'
  | 'regex'
  | 'sqlstring'
  | 'singlequote'
  | 'doublequote'
  | 'json'
  | 'percentencode'
  | 'lucene'
  | 'distributed';

const REGEX_SPECIAL = /[\\^$*+?.()|[\]{}\/]/g;
const LUCENE_SPECIAL = /([\!\*\+\-\=<>\s\&\|\(\)\[\]\{\}\^\~\?\:\\/"])/g;

export function formatVariableValue(value: string | string[], format: string | undefined, name: string): string {
  const values = Array.isArray(value) ? value : [value];
  const multi = Array.isArray(value) && value.length > 1;
  switch (format) {
    case 'raw':
    case 'text':
      return values.join(',');
    case 'csv':
      return values.join(',');
    case 'pipe':
      return values.join('|');
    case 'distributed':
      return values.map((v, i) => (i === 0 ? v : `${name}=${v}`)).join(',');
    case 'regex': {
      const escaped = values.map((v) => v.replace(REGEX_SPECIAL, '\\$&'));
      return multi ? `(${escaped.join('|')})` : escaped[0] ?? '';
    }
    case 'sqlstring':
      return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
    case 'singlequote':
      return values.map((v) => `'${v.replace(/'/g, "\\'")}'`).join(',');
    case 'doublequote':
      return values.map((v) => `"${v.replace(/"/g, '\\"')}"`).join(',');
    case 'json':
      return JSON.stringify(Array.isArray(value) ? value : value);
    case 'percentencode':
      return multi ? encodeURIComponent(`{${values.join(',')}}`) : encodeURIComponent(values[0] ?? '');
    case 'lucene': {
      const escaped = values.map((v) => `"${v.replace(LUCENE_SPECIAL, '\\$1')}"`);
      return multi ? `(${escaped.join(' OR ')})` : values.map((v) => v.replace(LUCENE_SPECIAL, '\\$1'))[0] ?? '';
    }
    case 'glob':
    default:
      return multi ? `{${values.join(',')}}` : values[0] ?? '';
  }
}
