import { CfnElement, CfnResource, Stack, Token, type Stage } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { StackInput } from '../model/resource';
import { templateToStackInput, type CfnTemplate } from './template';

export interface CdkStacks {
  inputs: StackInput[];
  /** The construct behind each resource key (`stack/logicalId`) and each stack name, for annotations. */
  constructs: Map<string, IConstruct>;
}

/**
 * Read the CloudFormation of every stack under a stage, once, after `prepare` (so cross-stack
 * references are already `Fn::ImportValue` + exports, as in the deployed templates).
 * Stacks outside `evaluateUnder` are loaded only to resolve imports.
 */
export function readCdkStacks(stage: Stage, evaluateUnder: IConstruct): CdkStacks {
  const constructs = new Map<string, IConstruct>();
  const inputs: StackInput[] = [];
  const stacks: Stack[] = [];
  const elements = new Map<Stack, CfnElement[]>();
  for (const node of stage.node.findAll()) {
    if (Stack.isStack(node)) {
      stacks.push(node);
      elements.set(node, []);
    } else if (CfnElement.isCfnElement(node)) {
      elements.get(node.stack)?.push(node);
    }
  }
  const underScope = (c: IConstruct) => c.node.path === evaluateUnder.node.path || c.node.path.startsWith(`${evaluateUnder.node.path}/`) || evaluateUnder.node.scope === undefined;
  for (const stack of stacks) {
    const fragments: Record<string, Record<string, unknown>> = {};
    const pathOf = new Map<string, string>();
    for (const el of elements.get(stack) ?? []) {
      // The same rendering CloudFormation synthesis uses for this element.
      const rendered = (el as unknown as { _toCloudFormation(): Record<string, Record<string, unknown>> })._toCloudFormation();
      for (const [section, body] of Object.entries(rendered)) Object.assign((fragments[section] ??= {}), body);
      if (el instanceof CfnResource) {
        const logicalId = stack.resolve(el.logicalId) as string;
        pathOf.set(logicalId, el.node.path);
        constructs.set(`${stack.stackName}/${logicalId}`, el);
      }
    }
    const template = stack.resolve(fragments) as CfnTemplate;
    template.Metadata = { ...(template.Metadata ?? {}), ...(stack.templateOptions.metadata ?? {}) };
    constructs.set(stack.stackName, stack);
    inputs.push(
      templateToStackInput(template, {
        stack: {
          name: stack.stackName,
          account: Token.isUnresolved(stack.account) ? undefined : stack.account,
          region: Token.isUnresolved(stack.region) ? undefined : stack.region,
        },
        locate: (logicalId) => ({ constructPath: pathOf.get(logicalId) }),
        evaluate: underScope(stack) || (elements.get(stack) ?? []).some(underScope),
      }),
    );
  }
  return { inputs, constructs };
}
