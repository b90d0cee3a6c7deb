import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import { Composite, Pseudo, Reference, Unknown, render } from '../../lib/model/values';
import type { Resource } from '../../lib/model/resource';
import { aliasLabel } from '../shared/lex';
import { lexTarget } from '../shared/lex-iam';
import { wildcardOnly } from '../shared/trust';
import { ALIAS_HOLDERS, BOT_ALIAS, LEX_V1_PRINCIPAL, LEX_V2_PRINCIPAL } from '../../lib/model/types/lex';
import { serviceName } from '../../lib/policy/trust';
import { CODE_HOOK_USERS } from '../../lib/model/relations/lex';
import { FUNCTION, type PermissionProps } from '../../lib/model/types/lambda';

const LEX_NAMES = [LEX_V2_PRINCIPAL, LEX_V1_PRINCIPAL].map((p) => serviceName(p));

export default defineCheck({
  id: 'LEX-IAM-8',
  title: 'Lambda permissions for Lex are scoped to a bot alias and account',
  severity: 'MEDIUM',
  rationale:
    'A Lambda permission for lexv2.amazonaws.com without SourceArn or SourceAccount lets any bot, in any account, invoke the code hook with crafted input.',
  remediation:
    'Set SourceArn to the bot alias ARN (arn:aws:lex:REGION:ACCOUNT:bot-alias/BOT_ID/ALIAS_ID) and SourceAccount to your account on the AWS::Lambda::Permission (CDK: fn.addPermission(..., { sourceArn: alias.attrArn, sourceAccount })).',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/lambda.html',
  modes: ['synth', 'live'],
  resourceTypes: ['AWS::Lambda::Permission'],
  reads: [...ALIAS_HOLDERS, FUNCTION],
  evaluate(permission, { graph }) {
    const props = graph.props<PermissionProps>(permission);
    // A role, user or account of this app (`!GetAtt Role.Arn`) is no service principal, and so not Lex.
    const own = ownResource(props.Principal);
    if (own) return notApplicable(`the permission is for ${own.type} ${own.logicalId} of this app, not Lex`);
    const principal = serviceName(props.Principal);
    if (principal instanceof Unknown) return unknown(`the principal cannot be known: ${principal.reason}`, { path: 'Principal' });
    // "*" lets every principal in, the Lex service of every account included.
    if (!LEX_NAMES.includes(principal) && principal !== '*') return notApplicable(`the permission is for ${render(props.Principal)}, not Lex`);
    // `!Ref AWS::AccountId` is the account the stack deploys to, whichever it is: the recommended setting.
    const account = isOwnAccount(props.SourceAccount) ? '${AWS::AccountId}' : str(props.SourceAccount);
    if (account instanceof Unknown) return unknown(`SourceAccount cannot be known: ${account.reason}`, { path: 'SourceAccount' });
    const target = lexTarget(graph, props.SourceArn);
    if (target instanceof Unknown) return unknown(`SourceArn cannot be known: ${target.reason}`, { path: 'SourceArn' });
    const hooks = codeHookNote(graph, props.FunctionName);
    if (target === undefined) {
      // Principal "*" without a source is public: anyone, in any account, can invoke the function.
      if (account === undefined && principal === '*') return fail(`anyone, in any account, can invoke the function (Principal "*")${hooks}`, { findingKey: 'SourceArn', path: 'Principal', severity: 'HIGH' });
      if (account === undefined) return fail(`any Lex bot in any account can invoke the function${hooks}`, { findingKey: 'SourceArn', path: 'Principal' });
      return pass(`scoped to account ${account} only, so any bot of the account can invoke the function: prefer the bot alias ARN as SourceArn${hooks}`);
    }
    const arn = render(props.SourceArn);
    if (wildcardOnly('aws:SourceArn', arn) && account === undefined) {
      return fail(`SourceArn ${arn} matches bots of any account, and there is no SourceAccount${hooks}`, { findingKey: `SourceArn::${arn}`, path: 'SourceArn' });
    }
    const oneAlias = ('resource' in target && target.resource.type === BOT_ALIAS) || /:bot-alias\/[^/*?]+\/[^/*?]+$/.test(arn);
    if (oneAlias) return pass(`only the bot alias ${arn} can invoke the function${hooks}`);
    return pass(`scoped to ${arn}, not to one bot alias: prefer the alias ARN as SourceArn${hooks}`);
  },
});

/** " (Hook is the code hook of alias Prod)": links a permission to the aliases that call the function. */
function codeHookNote(graph: ResourceGraph, functionName: unknown): string {
  const fn = graph.target(functionName, FUNCTION);
  if (!fn || fn instanceof Unknown || !('resource' in fn)) return '';
  const users = graph.memo(CODE_HOOK_USERS).get(fn.resource) ?? [];
  return users.length > 0 ? ` (${fn.resource.logicalId} is the code hook of ${users.map(aliasLabel).join(', ')})` : '';
}

/** The resource of the graph a principal value is an attribute of (`!GetAtt Role.Arn`, `!Ref User`), if it is one. */
function ownResource(value: unknown): Resource | undefined {
  if (value instanceof Reference) return value.target;
  if (value instanceof Composite && value.unknowns.length === 0 && value.references.length === 1 && value.parts.every((p) => p instanceof Reference || typeof p === 'string')) return value.references[0].target;
  return undefined;
}

/** `AWS::AccountId` (a pseudo parameter, or `${AWS::AccountId}` alone in a `Fn::Sub`). */
function isOwnAccount(value: unknown): boolean {
  const parts = value instanceof Composite ? value.parts.filter((p) => p !== '') : [value];
  return parts.length === 1 && parts[0] instanceof Pseudo && parts[0].name === 'AWS::AccountId';
}
