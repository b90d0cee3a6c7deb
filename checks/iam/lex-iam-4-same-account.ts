import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { parseArn } from '../../lib/model/arn';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Choice, Composite, Pseudo, Reference, Unknown, render } from '../../lib/model/values';
import { dedupe, resourcePolicy, statementLabel } from '../shared/lex-iam';
import { RESOURCE_POLICY } from '../../lib/model/types/lex';

/** The account a principal belongs to: `self` when written as the stack's own account, undefined when it names none (`*`). */
type Account = string | 'self' | Unknown | undefined;

export default defineCheck({
  id: 'LEX-IAM-4',
  title: "Resource-policy principals are in the bot's own account",
  severity: 'LOW',
  rationale:
    'Lex rejects cross-account principals in bot and alias policies, so a foreign account id means the policy never deployed as written, or drifted: either way it is not the access you think you granted.',
  remediation: 'Use principals of the account that owns the bot; give other accounts access through a role in this account that they can assume.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_service-with-iam.html',
  modes: ['synth', 'live'],
  resourceTypes: [RESOURCE_POLICY],
  evaluate(resource, { graph }) {
    const doc = resourcePolicy(graph, resource);
    if (doc instanceof Unknown) return unknown(`the policy cannot be read: ${doc.reason}`, { path: 'Policy' });
    const own = resource.stack.account;
    const verdicts: Verdict[] = [];
    let named = 0;
    for (const stmt of doc?.statements ?? []) {
      if (stmt.effect === 'Deny') continue;
      const path = `Policy.Statement.${stmt.index}.Principal`;
      for (const value of stmt.principal?.aws ?? []) {
        const account = accountOf(graph, resource, value);
        if (account === undefined) continue;
        named++;
        const key = `Statement[${stmt.index}]::Principal::${render(value)}`;
        if (account instanceof Unknown) verdicts.push(unknown(`the account of principal ${render(value)} in ${statementLabel(stmt)} cannot be known: ${account.reason}`, { findingKey: key, path }));
        else if (account === 'self' || account === own) continue;
        else if (own === undefined) verdicts.push(unknown(`${statementLabel(stmt)} names account ${account}, and the account of stack ${resource.stack.name} is not known (environment-agnostic)`, { findingKey: key, path }));
        else verdicts.push(fail(`${statementLabel(stmt)} names principal ${render(value)} of account ${account}; the bot is in ${own}, and Lex rejects cross-account principals`, { findingKey: key, path }));
      }
    }
    if (verdicts.length > 0) return dedupe(verdicts);
    return named === 0 ? notApplicable('the policy names no AWS account principal') : pass("every AWS principal is in the bot's own account");
  },
});

function accountOf(graph: ResourceGraph, policy: Resource, value: unknown): Account {
  if (value instanceof Unknown) return value;
  if (value instanceof Pseudo) return value.name === 'AWS::AccountId' ? 'self' : new Unknown(`${value} is not an account`);
  if (value instanceof Choice) {
    const [a, b] = value.options.map((o) => accountOf(graph, policy, o));
    return a === b ? a : new Unknown(`depends on condition ${value.condition}`);
  }
  if (value instanceof Reference) return referencedAccount(policy, value.target);
  if (value instanceof Composite) {
    if (value.parts.some((p) => p instanceof Pseudo && p.name === 'AWS::AccountId')) return 'self';
    if (value.unknowns.length > 0) return value.unknowns[0];
    const refs = value.references;
    if (refs.length > 0) return referencedAccount(policy, refs[0].target);
    return literalAccount(render(value));
  }
  return typeof value === 'string' ? literalAccount(value) : new Unknown(`principal ${render(value)} is not a string`);
}

function literalAccount(text: string): Account {
  if (text === '*') return undefined;
  if (/^\d{12}$/.test(text)) return text;
  const account = parseArn(text.replace(/\$\{[^}]*\}/g, '§'))?.account;
  if (account === undefined) return new Unknown(`${text} is neither an account id nor an ARN`);
  return /^\d{12}$/.test(account) ? account : new Unknown(`account field of ${text} is not an account id`);
}

/** A role or user of the same app: its stack's account, which is "self" when both stacks share one (or neither states one). */
function referencedAccount(policy: Resource, target: Resource): Account {
  if (target.stack.name === policy.stack.name || target.stack.account === policy.stack.account) return 'self';
  return target.stack.account ?? new Unknown(`the account of stack ${target.stack.name} is not known`);
}
