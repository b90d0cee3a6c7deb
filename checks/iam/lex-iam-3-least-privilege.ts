import { option } from '../../lib/engine/options';
import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { actionMatches } from '../../lib/policy/actions';
import { onAnyResource, type Statement } from '../../lib/policy/document';
import { RUNTIME_ACTIONS, coversAdmin, coversAllLex, dedupe, lexArnKind, lexTarget, matchesAny, principalNames, resourcePolicy, statementLabel, unreadablePrincipal } from '../shared/lex-iam';
import { BOT, BOT_ALIAS, RESOURCE_POLICY, type ResourcePolicyProps } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-IAM-3',
  title: 'Bot and bot-alias resource policies are least-privilege',
  severity: 'MEDIUM',
  rationale:
    'Resource policies open a bot to other principals. "lex:*" or "*" hands them the bot definition too, build/admin actions let runtime callers rewrite or delete the bot, and runtime actions only work on alias ARNs.',
  remediation:
    'Grant callers only the runtime actions (RecognizeText, RecognizeUtterance, StartConversation, Get/Put/DeleteSession) on the bot alias ARN; keep Update*, Delete*, *ResourcePolicy* and StartImport for the admin roles named in adminPrincipalPatterns.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_service-with-iam.html',
  modes: ['synth', 'live'],
  options: {
    adminPrincipalPatterns: option.strings(
      [],
      'Globs for principals allowed build/admin actions in a resource policy (matched against the principal ARN, or the logical id, construct path or name of a role of the app). Default: none, so every build/admin grant is reported.',
    ),
  },
  resourceTypes: [RESOURCE_POLICY],
  reads: [BOT, BOT_ALIAS],
  evaluate(resource, { graph, options }) {
    const doc = resourcePolicy(graph, resource);
    if (doc instanceof Unknown) return unknown(`the policy cannot be read: ${doc.reason}`, { path: 'Policy' });
    const admins = (options.adminPrincipalPatterns as string[] | undefined) ?? [];
    const verdicts = (doc?.statements ?? []).filter((s) => s.effect !== 'Deny').flatMap((s) => statementVerdicts(graph, resource, s, admins));
    return verdicts.length > 0 ? dedupe(verdicts) : pass('the policy grants only runtime actions on aliases, or admin actions to admin principals');
  },
});

function statementVerdicts(graph: ResourceGraph, policy: Resource, stmt: Statement, admins: string[]): Verdict[] {
  const path = `Policy.Statement.${stmt.index}`;
  const label = statementLabel(stmt);
  if (stmt.effect instanceof Unknown) return [unknown(`the effect of ${label} cannot be known: ${stmt.effect.reason}`, { findingKey: `Statement[${stmt.index}]::Effect`, path })];
  const rawActions = [stmt.raw.Action ?? []].flat();
  if (rawActions.some((a) => typeof a !== 'string')) {
    return [unknown(`the actions of ${label} cannot be known: ${rawActions.filter((a) => typeof a !== 'string').map(render).join(', ')}`, { findingKey: `Statement[${stmt.index}]::Action`, path: `${path}.Action` })];
  }
  if (stmt.notActions) return [fail(`${label} uses NotAction, which allows every Lex action it does not list`, { findingKey: `Statement[${stmt.index}]::NotAction`, path: `${path}.NotAction` })];
  const actions = stmt.actions ?? [];
  const all = actions.filter(coversAllLex);
  if (all.length > 0) return all.map((a) => fail(`${label} allows ${a}: every action on the bot, its definition included`, { findingKey: `Action::${a}`, path: `${path}.Action` }));
  const out: Verdict[] = [];
  const adminGrants = actions.filter(coversAdmin);
  if (adminGrants.length > 0) {
    const outsiders = nonAdminPrincipals(graph, stmt, admins);
    if (outsiders instanceof Unknown) out.push(unknown(`who receives the build/admin actions of ${label} cannot be known: ${outsiders.reason}`, { findingKey: `Statement[${stmt.index}]::Principal`, path: `${path}.Principal` }));
    else if (outsiders.length > 0) {
      for (const a of adminGrants) {
        out.push(fail(`${label} grants the build/admin action ${a} to ${outsiders.join(', ')}, not matched by adminPrincipalPatterns`, { findingKey: `Action::${a}`, path: `${path}.Action` }));
      }
    }
  }
  if (actions.some((a) => RUNTIME_ACTIONS.some((r) => actionMatches(a, r)))) out.push(...runtimeOnBot(graph, policy, stmt));
  return out;
}

/** Principals of the statement that are not admins: services, federated users and wildcards never are. */
function nonAdminPrincipals(graph: ResourceGraph, stmt: Statement, admins: string[]): string[] | Unknown {
  const unreadable = unreadablePrincipal(stmt);
  if (unreadable) return unreadable;
  const p = stmt.principal;
  if (!p) return stmt.notPrincipal ? ['every principal not listed in NotPrincipal'] : [];
  return [
    ...(p.wildcard ? ['"*"'] : []),
    ...p.aws.filter((v) => v !== '*' && !matchesAny(principalNames(graph, v), admins)).map(render),
    ...p.service.map(render),
    ...p.federated.map(render),
  ];
}

/** Runtime actions act on aliases: granted on a bot ARN (or on everything) they are misplaced or too wide. */
function runtimeOnBot(graph: ResourceGraph, policy: Resource, stmt: Statement): Verdict[] {
  const path = `Policy.Statement.${stmt.index}.Resource`;
  const label = statementLabel(stmt);
  if (onAnyResource(stmt)) return [fail(`${label} grants runtime actions on every resource; name the bot alias ARN`, { findingKey: 'Resource::*', path })];
  const resources = stmt.resources ?? [graph.props<ResourcePolicyProps>(policy).ResourceArn];
  const out: Verdict[] = [];
  for (const value of resources) {
    const target = lexTarget(graph, value);
    if (target instanceof Unknown) {
      out.push(unknown(`whether ${label} grants runtime actions on an alias cannot be known: ${target.reason}`, { findingKey: `Resource::${render(value)}`, path }));
      continue;
    }
    const onBot = (lexArnKind(value) ?? (target && 'resource' in target && target.resource.type === BOT ? 'bot' : undefined)) === 'bot';
    if (onBot) out.push(fail(`${label} grants runtime actions on the bot ${render(value)}; they act on bot aliases, so grant them on the alias ARN`, { findingKey: `Resource::${render(value)}`, path }));
  }
  return out;
}
