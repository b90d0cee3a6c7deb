import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { Unknown } from '../../lib/model/values';
import { coversAction, isAllow, unreadableActions } from '../../lib/policy/document';
import { isAwsManagedPolicy, managedPolicyArns } from '../../lib/policy/identity';
import { PRINCIPAL_TYPES } from '../../lib/model/types/iam';
import { BOT, BOT_ALIAS } from '../../lib/model/types/lex';
import { IDENTITY_POLICIES } from '../../lib/model/relations/iam';

/** Runtime (conversation) actions: V2, then the V1 ones still found in old policies. */
const RUNTIME_ACTIONS = ['RecognizeText', 'RecognizeUtterance', 'StartConversation', 'GetSession', 'PutSession', 'DeleteSession', 'PostText', 'PostContent'].map(
  (a) => `lex:${a}`,
);
const NETWORK_KEYS = ['aws:SourceVpce', 'aws:SourceVpc', 'aws:SourceIp', 'aws:VpcSourceIp'];
/** AWS managed policies that grant the runtime actions without any network condition. */
const MANAGED = ['AmazonLexRunBotsOnly', 'AmazonLexFullAccess'];

export default defineCheck({
  id: 'LEX-NET-3',
  title: 'Lex runtime permissions are pinned to a network origin',
  severity: 'LOW',
  rationale:
    'Credentials that may talk to a bot from anywhere can be used from anywhere once leaked. A network condition (VPC endpoint, VPC or source IP range) limits runtime calls to the places your callers really run. Advisory: callers outside a VPC (browsers, Amazon Connect) cannot carry these keys.',
  remediation:
    'Add aws:SourceVpce, aws:SourceVpc or aws:SourceIp (aws:VpcSourceIp) conditions to identity-policy statements that allow Lex runtime actions, and replace AmazonLexRunBotsOnly with such a custom policy.',
  docs: 'https://docs.aws.amazon.com/lex/latest/dg/infrastructure-security.html',
  modes: ['synth', 'live'],
  reads: [...PRINCIPAL_TYPES, 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', BOT, BOT_ALIAS],
  // Admin grants (`Action: "*"`) are left to the IAM checks: only statements naming lex: actions are judged.
  evaluateGraph({ graph }) {
    const out: Verdict[] = [];
    for (const policy of graph.memo(IDENTITY_POLICIES)) {
      if (!graph.isEvaluated(policy.holder) || policy.document === undefined) continue;
      if (policy.document instanceof Unknown) {
        out.push(unknown(`policy cannot be read, so whether it grants Lex runtime actions cannot be known: ${policy.document.reason}`, { resource: policy.holder, path: policy.path }));
        continue;
      }
      for (const stmt of policy.document.statements) {
        const unread = stmt.effect === 'Deny' ? undefined : stmt.effect instanceof Unknown ? stmt.effect : unreadableActions(stmt);
        if (unread && !NETWORK_KEYS.some((k) => stmt.conditions.has(k))) {
          const what = unread === stmt.effect ? 'effect' : 'actions';
          out.push(unknown(`whether statement ${stmt.sid ?? stmt.index} grants Lex runtime actions from any network cannot be known, as its ${what} cannot: ${unread.reason}`, { resource: policy.holder, path: `${policy.path}.Statement.${stmt.index}`, findingKey: `Statement::${stmt.sid ?? stmt.index}` }));
          continue;
        }
        if (!isAllow(stmt) || !(stmt.actions ?? []).some((a) => a.toLowerCase().startsWith('lex:'))) continue;
        const granted = RUNTIME_ACTIONS.filter((a) => coversAction(stmt, a));
        if (granted.length === 0) continue;
        const where = { resource: policy.holder, path: `${policy.path}.Statement.${stmt.index}`, findingKey: `Statement::${stmt.sid ?? stmt.index}` };
        const key = NETWORK_KEYS.find((k) => stmt.conditions.has(k));
        out.push(
          key
            ? pass(`runtime actions are limited to requests with ${key}`, where)
            : fail(`statement ${stmt.sid ?? stmt.index} allows ${granted.join(', ')} from any network`, where),
        );
      }
    }
    for (const principal of graph.ofType(...PRINCIPAL_TYPES)) {
      if (!graph.isEvaluated(principal)) continue;
      for (const name of MANAGED.filter((n) => managedPolicyArns(graph, principal).some((arn) => isAwsManagedPolicy(arn, n)))) {
        out.push(fail(`AWS managed policy ${name} allows Lex runtime actions from any network`, { resource: principal, path: 'ManagedPolicyArns', findingKey: `ManagedPolicy::${name}` }));
      }
    }
    const anchor = graph.anchor(BOT, BOT_ALIAS);
    // Identities that could not be read are UNKNOWN already (the pipeline reports the gap): no grant seen is not no grant.
    const unread = graph.gaps.some((g) => g.types.some((t) => t.startsWith('AWS::IAM::')) && (g.stack.account === undefined || anchor?.stack.account === undefined || g.stack.account === anchor.stack.account));
    if (out.length === 0 && anchor && !unread) out.push(notApplicable('no identity policy in this app grants Lex runtime actions', { resource: anchor }));
    return out;
  },
});
