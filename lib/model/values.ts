import type { Resource } from './resource';

/**
 * Nodes that replace CloudFormation intrinsics once the graph has resolved a property tree.
 * Plain JSON stays plain; everything a check cannot take literally is one of these classes.
 */

/** A value that cannot be known here, with the reason (a parameter without a value, a token, an import…). */
export class Unknown {
  constructor(readonly reason: string) {}
  toString(): string {
    return `<unknown: ${this.reason}>`;
  }
}

/** `Ref` or `Fn::GetAtt` to a resource in the graph. `attribute` is `Ref` for a plain `Ref`. */
export class Reference {
  constructor(
    readonly target: Resource,
    readonly attribute: string,
  ) {}
  toString(): string {
    return this.attribute === 'Ref' ? `<${this.target.logicalId}>` : `<${this.target.logicalId}.${this.attribute}>`;
  }
}

/** A pseudo parameter whose value is not known (environment-agnostic stack), e.g. `AWS::AccountId`. */
export class Pseudo {
  constructor(readonly name: string) {}
  toString(): string {
    return `\${${this.name}}`;
  }
}

/** A string built by `Fn::Sub`/`Fn::Join` from literal parts and parts that are not literal. */
export class Composite {
  constructor(readonly parts: ReadonlyArray<string | Reference | Pseudo | Unknown>) {}
  /** Readable, stable rendering used in finding keys: `arn:aws:s3:::<LogBucket>/*`. */
  toString(): string {
    return this.parts.map(String).join('');
  }
  get references(): Reference[] {
    return this.parts.filter((p): p is Reference => p instanceof Reference);
  }
  get unknowns(): Unknown[] {
    return this.parts.filter((p): p is Unknown => p instanceof Unknown);
  }
}

/** `Fn::If` whose condition cannot be decided: both branches, resolved. */
export class Choice {
  constructor(
    readonly condition: string,
    readonly options: readonly [unknown, unknown],
  ) {}
  toString(): string {
    return `<if ${this.condition}: ${String(this.options[0])} | ${String(this.options[1])}>`;
  }
}

/** What a source could not read, or a check cannot know here: the value, or `Unknown` with the reason. */
export type Tri<T> = T | Unknown;

/**
 * A property value once the graph has resolved it: literal where the template (or the account) states
 * it, else the node standing for what is not literal — a reference, a string built around one, an
 * undecidable `Fn::If`, a pseudo parameter, or `Unknown`.
 */
export type Resolved<T = unknown> = T | Unknown | Reference | Composite | Choice | Pseudo;

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** Readable rendering of any resolved value (finding keys, reasons). */
export function render(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  if (v instanceof Unknown || v instanceof Reference || v instanceof Pseudo || v instanceof Composite || v instanceof Choice) {
    return v.toString();
  }
  return JSON.stringify(v, (_k, x) => (x instanceof Object && !(Array.isArray(x)) && x.constructor !== Object ? String(x) : x));
}
