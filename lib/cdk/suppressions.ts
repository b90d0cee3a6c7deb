import { CfnResource, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import picomatch from 'picomatch';
import { isoDate } from '../config/dates';
import { MIN_REASON_LENGTH, type SuppressionRule } from '../config/types';
import { METADATA_KEY, metadataSuppressions } from '../engine/suppressions';
import { constructsIn } from './tree';

/** One accepted finding: which check, why, until when, and optionally which of its finding keys. */
export interface LexscribeSuppression {
  /** Check id, e.g. `LEX-DP-2`. */
  readonly id: string;
  /** Why the finding is accepted: at least 10 characters. It is shown in the report next to the finding. */
  readonly reason: string;
  /**
   * ISO date (`2027-03-01`). After that day the suppression no longer applies: the finding comes
   * back and a warning says the suppression expired.
   * @default - never expires
   */
  readonly expires?: string;
  /**
   * Finding keys (globs with `*`) the suppression is limited to, e.g. `Action::lex:*`.
   * @default - every finding of the check on the resource
   */
  readonly appliesTo?: string[];
}

/** A suppression that cannot be applied as given (no reason, a bad date, nothing to attach it to). */
export class LexscribeSuppressionError extends Error {
  constructor(where: string, problem: string) {
    super(`[lexscribe] ${where}: ${problem}`);
    this.name = 'LexscribeSuppressionError';
  }
}

function validated(where: string, suppressions: readonly LexscribeSuppression[]): SuppressionRule[] {
  return suppressions.map((s) => {
    if (typeof s.id !== 'string' || !/^[A-Za-z]+(-[A-Za-z]+)*-\d+$/.test(s.id)) {
      throw new LexscribeSuppressionError(where, `suppression id must be a check id such as LEX-DP-2 (got ${JSON.stringify(s.id)})`);
    }
    const id = s.id.toUpperCase();
    if (typeof s.reason !== 'string' || s.reason.trim().length < MIN_REASON_LENGTH) {
      throw new LexscribeSuppressionError(
        where,
        `suppression of ${id} needs a reason of at least ${MIN_REASON_LENGTH} characters saying why the finding is accepted (got ${JSON.stringify(s.reason ?? '')})`,
      );
    }
    if (s.expires !== undefined && isoDate(s.expires) === undefined) {
      throw new LexscribeSuppressionError(where, `suppression of ${id} expires on ${JSON.stringify(s.expires)}, which is not an ISO date such as 2027-03-01`);
    }
    if (s.appliesTo !== undefined && (!Array.isArray(s.appliesTo) || s.appliesTo.length === 0 || s.appliesTo.some((k) => typeof k !== 'string' || !k))) {
      throw new LexscribeSuppressionError(where, `appliesTo of the suppression of ${id} must be a non-empty list of finding keys; leave it out to suppress every finding of the check`);
    }
    return { id, reason: s.reason.trim(), ...(s.expires ? { expires: s.expires } : {}), ...(s.appliesTo ? { appliesTo: [...s.appliesTo] } : {}), origin: 'cdk' as const };
  });
}

/**
 * Write one call's suppressions on its resources. Written on several, they carry the call's `scope`,
 * so that one of them suppressing a finding counts for all (a role's suppression with
 * `applyToChildren` is used when its default policy's finding is suppressed).
 */
function writeAll(targets: Iterable<CfnResource>, rules: SuppressionRule[], scope: string): void {
  const list = [...targets];
  const written = list.length > 1 ? rules.map((r) => ({ ...r, scope })) : rules;
  for (const r of list) writeToResource(r, written);
}

/** Existing entries plus new ones; a new entry replaces an old one for the same check and finding keys. */
function merge(existing: readonly SuppressionRule[], added: readonly SuppressionRule[]): SuppressionRule[] {
  const key = (r: SuppressionRule) => `${r.id}|${JSON.stringify(r.appliesTo ?? null)}`;
  const replaced = new Set(added.map(key));
  return [...existing.filter((r) => !replaced.has(key(r))), ...added];
}

/** Write into `Metadata.lexscribe.suppressions` of a resource, keeping whatever else is there. */
function writeToResource(resource: CfnResource, rules: SuppressionRule[]): void {
  const block = (resource.getMetadata(METADATA_KEY) as Record<string, unknown> | undefined) ?? {};
  resource.addMetadata(METADATA_KEY, { ...block, suppressions: merge(metadataSuppressions({ [METADATA_KEY]: block }), rules) });
}

/** The L1s a suppression on `construct` applies to. */
function resourcesOf(construct: IConstruct, applyToChildren: boolean): CfnResource[] {
  if (applyToChildren) return constructsIn(construct).filter(CfnResource.isCfnResource);
  if (CfnResource.isCfnResource(construct)) return [construct];
  const child = construct.node.defaultChild;
  return child && CfnResource.isCfnResource(child) ? [child] : [];
}

/**
 * Suppressions written into CloudFormation `Metadata`, so that the synth-time checks, `lexscribe
 * scan` of the synthesized templates and anyone reading the template see the same decision.
 */
export class LexscribeSuppressions {
  /**
   * Suppress findings on a resource. On an L1, on that resource; on an L2, on its default child
   * resource (`node.defaultChild`); with `applyToChildren`, on every L1 below `construct`.
   */
  static addResourceSuppressions(construct: IConstruct | IConstruct[], suppressions: LexscribeSuppression[], applyToChildren = false): void {
    for (const c of Array.isArray(construct) ? construct : [construct]) {
      const rules = validated(c.node.path, suppressions);
      const targets = resourcesOf(c, applyToChildren);
      if (targets.length === 0) {
        throw new LexscribeSuppressionError(
          c.node.path,
          applyToChildren
            ? 'there is no CloudFormation resource below this construct to suppress findings on'
            : 'this construct is not a CloudFormation resource and has no default child resource; pass the L1 itself, or applyToChildren: true to suppress on every resource below it',
        );
      }
      writeAll(targets, rules, `${c.node.path} and the resources below it`);
    }
  }

  /**
   * Suppress findings on every resource of a stack, written into the template's `Metadata`
   * (`stack.templateOptions.metadata`). With `applyToNestedStacks`, into nested stacks' templates too.
   */
  static addStackSuppressions(stack: Stack, suppressions: LexscribeSuppression[], applyToNestedStacks = false): void {
    const rules = validated(stack.node.path, suppressions);
    const stacks = [stack, ...(applyToNestedStacks ? constructsIn(stack).filter((c): c is Stack => c !== stack && Stack.isStack(c)) : [])];
    for (const s of stacks) {
      const block = (s.templateOptions.metadata?.[METADATA_KEY] as Record<string, unknown> | undefined) ?? {};
      s.addMetadata(METADATA_KEY, { ...block, suppressions: merge(metadataSuppressions({ [METADATA_KEY]: block }), rules) });
    }
  }

  /**
   * Suppress findings on the resources whose construct path matches a glob (picomatch: `*` within a
   * path segment, `**` across segments), e.g. `Bot/**` or `*Alias*`. The pattern is matched against
   * the path inside the stack (`ProdAlias`, `Bot/Role/**`) and against the full construct path
   * (`Api/ProdAlias`); a leading `/` is ignored. A matched L2 stands for its default child resource;
   * with `applyToChildren`, for every resource below it. A pattern that reaches no resource is an
   * error (a typo would otherwise suppress nothing, silently).
   */
  static addSuppressionsByPath(stack: Stack, path: string | string[], suppressions: LexscribeSuppression[], applyToChildren = false): void {
    const rules = validated(stack.node.path, suppressions);
    const nodes = constructsIn(stack);
    const prefix = stack.node.path === '' ? '' : `${stack.node.path}/`;
    const inStack = (c: IConstruct) => (c.node.path.startsWith(prefix) ? c.node.path.slice(prefix.length) : c.node.path);
    for (const pattern of Array.isArray(path) ? path : [path]) {
      const isMatch = picomatch(pattern.replace(/^\//, ''), { dot: true });
      const targets = new Set(nodes.filter((c) => isMatch(c.node.path) || (c !== stack && isMatch(inStack(c)))).flatMap((c) => resourcesOf(c, applyToChildren)));
      if (targets.size === 0) {
        throw new LexscribeSuppressionError(stack.node.path, `no CloudFormation resource has a construct path matching ${JSON.stringify(pattern)} (inside the stack, such as "Bot/Resource", or in full, such as "${prefix}Bot/Resource")`);
      }
      writeAll(targets, rules, `resources matching ${pattern}`);
    }
  }
}

