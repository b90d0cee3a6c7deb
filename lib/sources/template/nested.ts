import { dirname, resolve } from 'node:path';
import { Unknown } from '../../model/values';
import type { CfnTemplate } from '../template';

/** Nested stacks deeper than this are not read (CloudFormation itself allows a few levels). */
export const MAX_NESTING = 16;

/** A nested stack a plain template declares: its template file when `TemplateURL` is a local path, else why it is not read. */
export type LocalNested = { logicalId: string; file: string } | { logicalId: string; why: string };

const REMOTE = /^(https?|s3):\/\//i;

/**
 * The `AWS::CloudFormation::Stack` resources of a template (an `AWS::Serverless::Application` is one
 * once expanded): a `TemplateURL` that is a path is relative to the template, as `aws cloudformation
 * package` and `sam build` read it; a URL or a computed value cannot be read by a scan.
 */
export function nestedStacksOf(template: CfnTemplate, file: string, base = dirname(file)): LocalNested[] {
  const out: LocalNested[] = [];
  for (const [logicalId, r] of Object.entries(template.Resources ?? {})) {
    if (r?.Type !== 'AWS::CloudFormation::Stack') continue;
    const url = r.Properties?.TemplateURL;
    if (url instanceof Unknown) continue;
    if (typeof url === 'string' && !REMOTE.test(url)) out.push({ logicalId, file: resolve(base, url) });
    else if (typeof url === 'string') out.push({ logicalId, why: `has a remote TemplateURL (${url})` });
    else out.push({ logicalId, why: `has a TemplateURL computed at deploy time (${JSON.stringify(url)})` });
  }
  return out;
}

/** Local template paths a template names as nested stacks (a SAM application's `Location` too), before any transform. */
export function localTemplatePaths(template: CfnTemplate, file: string): string[] {
  const paths: string[] = [];
  for (const r of Object.values(template.Resources ?? {})) {
    const url = r?.Type === 'AWS::CloudFormation::Stack' ? r.Properties?.TemplateURL : r?.Type === 'AWS::Serverless::Application' ? r.Properties?.Location : undefined;
    if (typeof url === 'string' && !REMOTE.test(url)) paths.push(resolve(dirname(file), url));
  }
  return paths;
}

/**
 * Names of the exports that carry values between a parent and its nested stacks through the graph's
 * `Fn::ImportValue` resolution. A space cannot be in a real export name, so none clashes with one.
 */
export const outputExport = (stack: string, output: string) => `lexscribe nested ${stack} output ${output}`;
export const parameterExport = (stack: string, parameter: string) => `lexscribe nested ${stack} parameter ${parameter}`;

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && (v as object).constructor === Object;

/** A nested stack's outputs, each also exported under the name its parent imports it by. */
export function exportOutputs(template: CfnTemplate, stack: string): CfnTemplate {
  const outputs: NonNullable<CfnTemplate['Outputs']> = { ...(template.Outputs ?? {}) };
  for (const [name, output] of Object.entries(template.Outputs ?? {})) {
    if (isMapping(output)) outputs[`lexscribe nested output ${name}`] = { Value: output.Value, Export: { Name: outputExport(stack, name) } };
  }
  return { ...template, Outputs: outputs };
}

/** `Fn::GetAtt [Child, Outputs.X]` (or `Child.Outputs.X`) of a nested stack that is read: the stack and output names. */
function nestedOutput(arg: unknown, children: ReadonlyMap<string, string>): { stack: string; output: string } | undefined {
  const [id, attribute] = typeof arg === 'string' ? [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)] : Array.isArray(arg) ? arg : [];
  if (typeof id !== 'string' || typeof attribute !== 'string' || !attribute.startsWith('Outputs.')) return undefined;
  const stack = children.get(id);
  return stack === undefined ? undefined : { stack, output: attribute.slice('Outputs.'.length) };
}

/** A value of the parent with each reference to a nested stack's output turned into an import of its export. */
function rewrite(value: unknown, children: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, children));
  if (!isMapping(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
    const hit = nestedOutput(value['Fn::GetAtt'], children);
    if (hit) return { 'Fn::ImportValue': outputExport(hit.stack, hit.output) };
  }
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const arg = value['Fn::Sub'];
    const text = Array.isArray(arg) ? arg[0] : arg;
    if (typeof text === 'string') {
      const vars: Record<string, unknown> = Array.isArray(arg) && isMapping(arg[1]) ? { ...(rewrite(arg[1], children) as Record<string, unknown>) } : {};
      let n = 0;
      const replaced = text.replace(/\$\{([^!}][^}]*)\}/g, (whole, name: string) => {
        const hit = name in vars ? undefined : nestedOutput(name, children);
        if (!hit) return whole;
        const variable = `lexscribeNestedOutput${n++}`;
        vars[variable] = { 'Fn::ImportValue': outputExport(hit.stack, hit.output) };
        return `\${${variable}}`;
      });
      if (n > 0 || Array.isArray(arg)) return { 'Fn::Sub': Object.keys(vars).length > 0 ? [replaced, vars] : replaced };
      return value;
    }
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = rewrite(value[k], children);
  return out;
}

const isLiteral = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

export interface LinkedParent {
  template: CfnTemplate;
  /** Per nested stack (logical id): the parameter values its parent passes. */
  passed: Map<string, Record<string, unknown>>;
}

/**
 * The parent's side of its nested stacks (`children`: logical id → nested stack name): references to
 * their outputs become imports of the outputs' exports, and each value the parent passes in
 * `Parameters` reaches the nested stack as it is (a literal) or through an export of the parent's
 * (a value computed in the parent, such as a `Ref` to one of its resources or parameters).
 */
export function linkParent(template: CfnTemplate, children: ReadonlyMap<string, string>): LinkedParent {
  const passed = new Map<string, Record<string, unknown>>();
  const outputs: NonNullable<CfnTemplate['Outputs']> = { ...(template.Outputs ?? {}) };
  const resources: NonNullable<CfnTemplate['Resources']> = {};
  for (const [logicalId, r] of Object.entries(template.Resources ?? {})) {
    const rewritten = r && isMapping(r.Properties) ? { ...r, Properties: rewrite(r.Properties, children) as Record<string, unknown> } : r;
    resources[logicalId] = rewritten;
    const stack = children.get(logicalId);
    if (stack === undefined) continue;
    const values: Record<string, unknown> = {};
    const given = rewritten?.Properties?.Parameters;
    for (const [name, value] of Object.entries(isMapping(given) ? given : {})) {
      if (isLiteral(value)) values[name] = String(value);
      else if (Array.isArray(value) && value.every(isLiteral)) values[name] = value.join(',');
      else {
        outputs[`lexscribe nested parameter ${stack} ${name}`] = { Value: value, Export: { Name: parameterExport(stack, name) } };
        values[name] = { 'Fn::ImportValue': parameterExport(stack, name) };
      }
    }
    passed.set(logicalId, values);
  }
  for (const [name, output] of Object.entries(template.Outputs ?? {})) if (isMapping(output)) outputs[name] = { ...output, Value: rewrite(output.Value, children) };
  return { template: { ...template, Resources: resources, Outputs: outputs }, passed };
}
