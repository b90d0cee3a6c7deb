import { dirname, resolve } from 'node:path';
import type { RunWarning } from '../../../model/finding';
import { METADATA_KEY } from '../../../engine/suppressions';
import type { CfnTemplate } from '../../template';
import type { ParsedTemplate } from '../parse';
import { MappedPositions, type ResourcePositions } from '../positions';
import { readInput } from '../read';
import { expandFunction, FUNCTION } from './function';
import { withGlobals } from './globals';
import { isMapping, type Generated, type SamContext, type TemplateResource } from './model';
import { PLAIN_EXPANDERS } from './plain';
import { expandStateMachine, STATE_MACHINE } from './state-machine';
import { SAM_TRANSFORM } from './transform';

export { hasSamTransform, SAM_TRANSFORM } from './transform';

const SAM_PREFIX = 'AWS::Serverless::';

const EXPANDERS: Readonly<Record<string, (logicalId: string, props: Record<string, unknown>, ctx: SamContext) => Generated[]>> = {
  [FUNCTION]: expandFunction,
  [STATE_MACHINE]: expandStateMachine,
  ...PLAIN_EXPANDERS,
};

/**
 * Metadata of a generated resource: the construct path of the SAM resource (CDK's `aws-sam`
 * constructs), and its lexscribe suppressions, which apply to everything SAM makes of it. They carry
 * one scope, so that a suppression is used when any of those resources uses it.
 */
function generatedMetadata(sam: TemplateResource, scope: string, main: boolean): Record<string, unknown> | undefined {
  const metadata = isMapping(sam.Metadata) ? sam.Metadata : {};
  const block = metadata[METADATA_KEY];
  const suppressions = isMapping(block) && Array.isArray(block.suppressions) ? block.suppressions : undefined;
  const scoped = suppressions?.map((s) => (isMapping(s) && s.scope === undefined ? { ...s, scope } : s));
  const out: Record<string, unknown> = main ? { ...metadata } : {};
  if (!main && metadata['aws:cdk:path'] !== undefined) out['aws:cdk:path'] = metadata['aws:cdk:path'];
  if (scoped) out[METADATA_KEY] = { ...(isMapping(block) ? block : {}), suppressions: scoped };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The attributes SAM passes from a SAM resource to everything it generates; `DependsOn` and `Metadata` stay on the main one. */
function attributes(sam: TemplateResource, main: boolean): Partial<TemplateResource> {
  const out: Partial<TemplateResource> = {};
  if (sam.Condition !== undefined) out.Condition = sam.Condition;
  if (sam.DeletionPolicy !== undefined) out.DeletionPolicy = sam.DeletionPolicy;
  if (sam.UpdateReplacePolicy !== undefined) out.UpdateReplacePolicy = sam.UpdateReplacePolicy;
  if (main && sam.DependsOn !== undefined) out.DependsOn = sam.DependsOn;
  return out;
}

export interface SamExpansion {
  parsed: ParsedTemplate;
  warnings: RunWarning[];
}

/**
 * The SAM transform, as far as the checks need it: every `AWS::Serverless::*` resource becomes the
 * CloudFormation resources SAM makes of it, with SAM's logical ids, `Globals` applied, and positions
 * back to the SAM resource and its properties. A SAM type lexscribe does not expand stays as it is,
 * with a coverage warning.
 */
export function expandSam(parsed: ParsedTemplate, file: string): SamExpansion {
  const warnings: RunWarning[] = [];
  const template = parsed.template;
  const resources = template.Resources ?? {};
  const ctx: SamContext = {
    file,
    template,
    warn: (message) => warnings.push({ kind: 'coverage', message: message.startsWith(`${file}:`) ? message : `${file}: ${message}` }),
    readLocal: (path) => {
      const target = resolve(file === '<stdin>' ? '.' : dirname(file), path);
      try {
        return { data: readInput(target, file), file: target };
      } catch (e) {
        return { problem: `cannot be read (${(e as { problem?: string }).problem ?? (e as Error).message})` };
      }
    },
    implicit: new Map(),
  };
  const out: Record<string, TemplateResource> = {};
  const positions = new Map<string, ResourcePositions>();
  const place = (g: Generated, sam: TemplateResource | undefined, samId: string | undefined, main: boolean) => {
    if (out[g.logicalId] !== undefined || (!main && resources[g.logicalId] !== undefined)) {
      ctx.warn(`${samId ?? g.logicalId}: SAM would generate ${g.logicalId}, which the template already defines; the template's is read`);
      return;
    }
    const metadata = sam ? generatedMetadata(sam, `${samId} (${sam.Type})`, main) : undefined;
    out[g.logicalId] = { ...g.resource, ...(sam ? attributes(sam, main) : {}), ...(metadata ? { Metadata: metadata } : {}) };
    const at = samId ? parsed.positions.get(samId) : undefined;
    if (at) positions.set(g.logicalId, main && g.from.length === 0 ? at : new MappedPositions(at, g.from));
  };
  for (const [logicalId, resource] of Object.entries(resources)) {
    const type = resource?.Type;
    const expand = typeof type === 'string' ? EXPANDERS[type] : undefined;
    if (!expand) {
      if (!(logicalId in out)) {
        out[logicalId] = resource;
        const at = parsed.positions.get(logicalId);
        if (at) positions.set(logicalId, at);
      }
      if (typeof type === 'string' && type.startsWith(SAM_PREFIX)) ctx.warn(`${logicalId} (${type}) is not expanded by lexscribe; what SAM makes of it is not checked`);
      continue;
    }
    const props = withGlobals(type as string, isMapping(resource.Properties) ? resource.Properties : {}, (template as Record<string, unknown>).Globals);
    expand(logicalId, props, ctx).forEach((g, i) => place(g, resource, logicalId, i === 0));
  }
  for (const g of ctx.implicit.values()) place(g, undefined, undefined, false);
  // The transform is done: what remains of `Transform` is the other macros, and `Globals` is merged in.
  const { Globals: _globals, Transform: transform, ...rest } = template as CfnTemplate & { Globals?: unknown; Transform?: unknown };
  const others = Array.isArray(transform) ? transform.filter((t) => t !== SAM_TRANSFORM) : [];
  const expanded = { ...rest, ...(others.length > 0 ? { Transform: others } : {}), Resources: out } as CfnTemplate;
  return { parsed: { template: expanded, positions, warnings: parsed.warnings }, warnings };
}
