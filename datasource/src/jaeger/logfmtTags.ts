import { DataflowError } from '../errors';

/**
 * Parses a Jaeger-UI style tag filter (`error=true http.status_code=500 note="two words"`) into a
 * map. Jaeger's /api/traces wants it as a JSON object in the `tags` parameter.
 */
export function parseLogfmtTags(input: string): Record<string, string> {
  // No prototype: a tag named __proto__ or constructor is an ordinary key.
  const tags: Record<string, string> = Object.create(null);
  let i = 0;
  const text = input.trim();
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') {
      i++;
    }
    if (i >= text.length) {
      break;
    }
    const eq = text.indexOf('=', i);
    const space = text.slice(i).search(/\s/);
    const tokenEnd = space === -1 ? text.length : i + space;
    if (eq === -1 || eq > tokenEnd || eq === i) {
      throw new DataflowError(`Tags: expected key=value at "${text.slice(i, tokenEnd)}"`);
    }
    const key = text.slice(i, eq);
    i = eq + 1;
    let value = '';
    if (text[i] === '"') {
      const close = findClosingQuote(text, i + 1);
      if (close === -1) {
        throw new DataflowError(`Tags: unterminated quote in the value of "${key}"`);
      }
      value = text.slice(i + 1, close).replace(/\\(.)/g, '$1');
      i = close + 1;
    } else {
      const end = text.slice(i).search(/\s/);
      value = end === -1 ? text.slice(i) : text.slice(i, i + end);
      i = end === -1 ? text.length : i + end;
    }
    tags[key] = value;
  }
  return tags;
}

function findClosingQuote(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
    } else if (text[j] === '"') {
      return j;
    }
  }
  return -1;
}
