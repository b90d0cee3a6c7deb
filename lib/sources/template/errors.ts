/**
 * An input that cannot be scanned (missing, unreadable, malformed, too big or too deep). Its message
 * is the one line a user sees: `templates/bad.yaml:12: …`.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${problem}`);
  }
}
