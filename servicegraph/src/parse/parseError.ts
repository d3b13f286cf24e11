/**
 * The only error the parsers throw. `file` names the input (a path, or `<input>`), `problem` says what was
 * expected and where it went wrong, so the CLI and the datasource can show one clear line to the user.
 */
export class ParseError extends Error {
  readonly file: string;
  readonly problem: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ParseError';
    this.file = file;
    this.problem = problem;
  }
}

/** Input name used when the caller does not give one. */
export const UNNAMED_INPUT = '<input>';

/** Short, single-line preview of an unexpected value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return String(value);
}
