/**
 * Check options with a schema, in the spirit of ESLint's `meta.schema`: each option declares its
 * type, default and bounds once; configuration is validated against it once, and the check reads
 * typed values.
 */

interface BaseOption<T> {
  readonly default: T;
  readonly description: string;
}
export interface StringsOption extends BaseOption<readonly string[]> {
  readonly type: 'strings';
}
export interface StringOption extends BaseOption<string> {
  readonly type: 'string';
  /** The allowed values, when the option is one of a list (an encryption level). */
  readonly values?: readonly string[];
  /** The value is a regular expression (compiled case-insensitively); an empty string means none. */
  readonly regexp?: boolean;
}
export interface IntegerOption extends BaseOption<number> {
  readonly type: 'integer';
  readonly min?: number;
  readonly max?: number;
}
export interface BooleanOption extends BaseOption<boolean> {
  readonly type: 'boolean';
}

export type OptionSpec = StringsOption | StringOption | IntegerOption | BooleanOption;
export type OptionsSchema = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends StringsOption
  ? readonly string[]
  : S extends StringOption
    ? S['values'] extends readonly (infer V)[]
      ? V
      : string
    : S extends IntegerOption
      ? number
      : boolean;

/** The values a check reads, typed from its schema. */
export type OptionValues<O extends OptionsSchema> = { readonly [K in keyof O]: ValueOf<O[K]> };

/** Builders, so a check's options read as a schema: `maxKeyAgeDays: option.integer(90, '…', { min: 1 })`. */
export const option = {
  strings: (defaultValue: readonly string[], description: string): StringsOption => ({ type: 'strings', default: defaultValue, description }),
  string: (defaultValue: string, description: string): StringOption => ({ type: 'string', default: defaultValue, description }),
  oneOf: <const V extends readonly string[]>(values: V, defaultValue: V[number], description: string) =>
    ({ type: 'string', values, default: defaultValue, description }) as const satisfies StringOption,
  regexp: (defaultValue: string, description: string): StringOption => ({ type: 'string', regexp: true, default: defaultValue, description }),
  integer: (defaultValue: number, description: string, bounds: { min?: number; max?: number } = {}): IntegerOption => ({ type: 'integer', default: defaultValue, description, ...bounds }),
  boolean: (defaultValue: boolean, description: string): BooleanOption => ({ type: 'boolean', default: defaultValue, description }),
};

/** `an integer ≥ 1`, `one of none, sse-s3, …`: what a value of the option must be. */
export function describeType(spec: OptionSpec): string {
  switch (spec.type) {
    case 'strings':
      return 'a list of strings';
    case 'integer':
      return `an integer${spec.min !== undefined ? ` ≥ ${spec.min}` : ''}${spec.max !== undefined ? ` ≤ ${spec.max}` : ''}`;
    case 'boolean':
      return 'true or false';
    case 'string':
      if (spec.values) return `one of ${spec.values.join(', ')}`;
      return spec.regexp ? 'a regular expression' : 'a string';
  }
}

/** Why `value` is not a valid value of `spec`, or undefined when it is. */
export function optionProblem(spec: OptionSpec, value: unknown): string | undefined {
  const expected = `must be ${describeType(spec)}`;
  switch (spec.type) {
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : expected;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : expected;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return expected;
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) return `${expected} (got ${value})`;
      return undefined;
    case 'string':
      if (typeof value !== 'string') return expected;
      if (spec.values && !spec.values.includes(value)) return `${expected} (got ${JSON.stringify(value)})`;
      if (spec.regexp && value !== '') {
        try {
          new RegExp(value, 'i');
        } catch (e) {
          return `must be a regular expression: ${(e as Error).message}`;
        }
      }
      return undefined;
  }
}
