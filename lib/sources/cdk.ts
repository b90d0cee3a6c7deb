import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CfnResource, Stack, Stage, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { RunWarning } from '../model/finding';
import type { StackInput } from '../model/resource';
import { templateToStackInput, type CfnTemplate } from './template';
import { sourceSteps } from './template/steps';

export interface CdkStacks {
  inputs: StackInput[];
  /** What the source steps could not read (a bot definition that is not there), as `scan` reports it. */
  warnings: RunWarning[];
  /** Each L1 by construct path, for annotations. */
  resources: Map<string, CfnResource>;
  /** Each stack by the name the graph knows it under. */
  stacks: Map<string, Stack>;
  /**
   * Whether every input is CDK's rendering as it came, no source step having replaced a part of it (a
   * SAM expansion, a bot definition read): JSON data, with none of the model's values (`Unknown`…).
   */
  plain: boolean;
}

type Renderable = { _toCloudFormation(): CfnTemplate };
const MEMO = Symbol.for('lexscribe.renderedTemplate');

/**
 * The stack's template exactly as synthesis writes it (CDK's own rendering, after `prepare`).
 *
 * Validation runs between `prepare` and synthesis, when the tree can no longer change, and synthesis
 * renders every template again. Rendering (resolving every token) is most of what checking at synth
 * would cost, so the next render is served from this one: the template is resolved once, as in a
 * plain synth. The memo is dropped as soon as it is used, and before every new render, so a later
 * synthesis of a changed tree never sees a stale template.
 */
function renderTemplate(stack: Stack): CfnTemplate {
  const host = stack as unknown as Renderable & { [MEMO]?: true };
  if (Object.prototype.hasOwnProperty.call(host, MEMO)) forget(host);
  const template = host._toCloudFormation();
  const served = () => {
    forget(host);
    return template;
  };
  Object.defineProperty(host, '_toCloudFormation', { value: served, configurable: true, writable: true });
  Object.defineProperty(host, MEMO, { value: true, configurable: true });
  return template;
}

function forget(host: object): void {
  delete (host as Partial<Renderable>)._toCloudFormation;
  delete (host as { [MEMO]?: true })[MEMO];
}

/** Stacks and L1 resources of a stage's own assembly: a nested Stage is an assembly of its own, checked on its own. */
export function stageContents(stage: IConstruct): { stacks: Stack[]; resources: CfnResource[] } {
  const stacks: Stack[] = [];
  const resources: CfnResource[] = [];
  const walk = (scope: IConstruct) => {
    for (const child of scope.node.children) {
      if (Stage.isStage(child)) continue;
      if (Stack.isStack(child)) stacks.push(child);
      else if (CfnResource.isCfnResource(child)) resources.push(child);
      walk(child);
    }
  };
  walk(stage);
  return { stacks, resources };
}

/** A nested stack's name is a token (`AWS::StackName` of its parent); its construct path names it instead. */
function stackName(stack: Stack): string {
  return Token.isUnresolved(stack.stackName) ? stack.node.path : stack.stackName;
}

/** Whether `c` is one of `scopes` or below one of them. */
export function isUnder(c: IConstruct, scopes: readonly IConstruct[]): boolean {
  return scopes.some((s) => s.node.scope === undefined || c.node.path === s.node.path || c.node.path.startsWith(`${s.node.path}/`));
}

/**
 * Read the CloudFormation of every stack of a stage, once, after `prepare` (so cross-stack references
 * are already `Fn::ImportValue` + exports, as in the deployed templates). Stacks with nothing under
 * `evaluateUnder` are loaded only to resolve imports.
 */
export function readCdkStacks(stage: IConstruct, evaluateUnder: readonly IConstruct[] = [stage]): CdkStacks {
  const { stacks, resources } = stageContents(stage);
  const byStack = new Map<Stack, CfnResource[]>(stacks.map((s) => [s, []]));
  for (const r of resources) byStack.get(r.stack)?.push(r);
  const out: CdkStacks = { inputs: [], warnings: [], resources: new Map(resources.map((r) => [r.node.path, r])), stacks: new Map(), plain: true };
  const outdir = (Stage.isStage(stage) ? stage.outdir : undefined) ?? '.';
  const assets = stagedAssets(outdir);
  for (const [stack, elements] of byStack) {
    const name = stackName(stack);
    // The same source steps as a scan of the written assembly (SAM, bot definition files), on a copy:
    // the rendering itself is the one synthesis writes.
    const rendered = renderTemplate(stack);
    const stepped = sourceSteps({ template: rendered, positions: new Map(), warnings: [] }, { file: join(outdir, stack.templateFile), assets });
    out.warnings.push(...stepped.warnings);
    const template = stepped.parsed.template;
    out.plain &&= template === rendered;
    out.stacks.set(name, stack);
    out.inputs.push(
      templateToStackInput(template, {
        stack: {
          name,
          account: Token.isUnresolved(stack.account) ? undefined : stack.account,
          region: Token.isUnresolved(stack.region) ? undefined : stack.region,
        },
        locate: constructPaths(stack, elements, template),
        evaluate: isUnder(stack, evaluateUnder) || elements.some((el) => isUnder(el, evaluateUnder)),
      }),
    );
  }
  return out;
}

/**
 * Assets CDK has staged into the assembly (`asset.<hash>`, a folder or a file), by hash: read when a
 * source step first asks (a bot definition uploaded as an asset), as a scan reads the asset manifest.
 */
function stagedAssets(outdir: string): () => Record<string, string> {
  let index: Record<string, string> | undefined;
  return () => {
    if (index) return index;
    index = {};
    try {
      for (const entry of readdirSync(outdir)) {
        const hash = /^asset\.([0-9a-f]{64})/.exec(entry)?.[1];
        if (hash) index[hash] = join(outdir, entry);
      }
    } catch {
      // No assembly folder yet: no staged asset.
    }
    return index;
  };
}

/**
 * Construct paths by logical id. `cdk synth` writes them into each resource's `aws:cdk:path`
 * metadata, which the template source reads; only without it (path metadata off, as in unit tests)
 * are the logical ids of the L1s resolved here.
 */
function constructPaths(stack: Stack, elements: readonly CfnResource[], template: CfnTemplate): ((logicalId: string) => { constructPath?: string }) | undefined {
  if (Object.values(template.Resources ?? {}).every((r) => typeof r?.Metadata?.['aws:cdk:path'] === 'string')) return undefined;
  const pathOf = new Map(elements.map((el) => [stack.resolve(el.logicalId) as string, el.node.path]));
  return (logicalId) => ({ constructPath: pathOf.get(logicalId) });
}
