import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { Unknown, render } from '../../lib/model/values';
import { dedupe, lexTarget, resourcePolicy, statementLabel, unreadablePrincipal } from '../shared/lex-iam';
import { BOT, BOT_ALIAS, RESOURCE_POLICY, type ResourcePolicyProps } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-IAM-1',
  title: 'Bot and bot-alias resource policies grant nothing to a wildcard principal',
  severity: 'HIGH',
  rationale: 'An Allow statement for Principal "*" (or {"AWS":"*"}, or NotPrincipal) lets anyone who can sign a request run or change the bot.',
  remediation: 'Name the roles, users or services that need the bot in Principal, and remove "*" (and NotPrincipal) from Allow statements of the resource policy.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_resource-based-policy-examples.html',
  modes: ['synth', 'live'],
  resourceTypes: [RESOURCE_POLICY],
  reads: [BOT, BOT_ALIAS],
  evaluate(resource, { graph }) {
    const verdicts: Verdict[] = [];
    const doc = resourcePolicy(graph, resource);
    if (doc instanceof Unknown) verdicts.push(unknown(`the policy cannot be read: ${doc.reason}`, { path: 'Policy' }));
    for (const stmt of doc instanceof Unknown ? [] : (doc?.statements ?? [])) {
      if (stmt.effect === 'Deny') continue;
      const path = `Policy.Statement.${stmt.index}`;
      const unreadable = unreadablePrincipal(stmt);
      if (unreadable) {
        verdicts.push(unknown(`the principal of ${statementLabel(stmt)} cannot be known: ${unreadable.reason}`, { findingKey: `Statement[${stmt.index}]::Principal`, path: `${path}.Principal` }));
        continue;
      }
      const who = stmt.principal?.wildcard ? 'Principal' : stmt.notPrincipal ? 'NotPrincipal' : undefined;
      if (!who) continue;
      if (stmt.effect instanceof Unknown) {
        verdicts.push(unknown(`${statementLabel(stmt)} grants to everyone if it allows, and its effect cannot be known: ${stmt.effect.reason}`, { findingKey: `Statement[${stmt.index}]::Effect`, path }));
        continue;
      }
      const grantee = who === 'Principal' ? 'any principal ("*")' : 'every principal not listed in NotPrincipal';
      verdicts.push(fail(`${statementLabel(stmt)} allows ${grantee}`, { findingKey: `Statement[${stmt.index}]::${who}::*`, path: `${path}.${who}` }));
    }
    verdicts.push(...targetVerdicts(lexTarget(graph, graph.props<ResourcePolicyProps>(resource).ResourceArn)));
    if (verdicts.length > 0) return dedupe(verdicts);
    return pass('no Allow statement grants to a wildcard principal');
  },
});

/**
 * The policy should sit on a bot or alias of the same app (or, live, of the account scanned). One
 * attached elsewhere is reported at INFO: its principals cannot be weighed against a bot this run sees.
 */
function targetVerdicts(target: ReturnType<typeof lexTarget>): Verdict[] {
  if (target === undefined) return [unknown('the policy has no ResourceArn, so the bot or alias it protects cannot be known', { findingKey: 'ResourceArn', path: 'ResourceArn' })];
  if (target instanceof Unknown) return [unknown(`the bot or alias the policy is attached to cannot be known: ${target.reason}`, { findingKey: 'ResourceArn', path: 'ResourceArn' })];
  if ('resource' in target) return [];
  return [
    fail(`ResourceArn ${target.external} is not a bot or bot alias defined in this app or account scan; check the policy where that bot is defined`, {
      findingKey: `ResourceArn::${render(target.external)}`,
      path: 'ResourceArn',
      severity: 'INFO',
    }),
  ];
}
