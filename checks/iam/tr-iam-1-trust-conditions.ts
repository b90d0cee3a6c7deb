import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { parseArn } from '../../lib/model/arn';
import type { Resource } from '../../lib/model/resource';
import { Composite, Pseudo, Unknown, render } from '../../lib/model/values';
import type { Statement } from '../../lib/policy/document';
import { statementLabel } from '../shared/lex-iam';
import { confusedDeputyGaps } from '../shared/trust';
import { trustStatementsFor } from '../../lib/policy/trust';
import { TRANSCRIBE_PRINCIPALS } from '../../lib/model/types/transcribe';

export default defineCheck({
  id: 'TR-IAM-1',
  title: 'Roles trusted by Transcribe carry aws:SourceAccount and aws:SourceArn conditions',
  severity: 'MEDIUM',
  rationale:
    "Transcribe assumes data-access roles to read media and write transcripts. Without aws:SourceAccount and aws:SourceArn bound to your account, Transcribe could be made to assume the role on behalf of another account's job (confused deputy).",
  remediation:
    'Add Condition StringEquals aws:SourceAccount = your account and ArnLike aws:SourceArn = arn:aws:transcribe:REGION:ACCOUNT:* (or the job ARN) to the transcribe.amazonaws.com / transcribe.streaming.amazonaws.com trust statement.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/security-iam-confused-deputy.html',
  modes: ['synth', 'live'],
  resourceTypes: ['AWS::IAM::Role'],
  evaluate(role, { graph }) {
    const statements = trustStatementsFor(graph, role, TRANSCRIBE_PRINCIPALS);
    if (statements instanceof Unknown) return unknown(`whether Transcribe can assume the role cannot be known: ${statements.reason}`, { path: 'AssumeRolePolicyDocument' });
    if (statements.length === 0) return notApplicable('the role is not trusted by Transcribe');
    const verdicts: Verdict[] = [];
    for (const stmt of statements) {
      const path = `AssumeRolePolicyDocument.Statement.${stmt.index}`;
      const gaps = confusedDeputyGaps(stmt);
      if (gaps instanceof Unknown) {
        verdicts.push(unknown(`conditions of ${statementLabel(stmt)} cannot be known: ${gaps.reason}`, { findingKey: `Statement[${stmt.index}]::Condition`, path }));
        continue;
      }
      for (const gap of gaps) verdicts.push(fail(`trust ${statementLabel(stmt)} lets Transcribe assume the role, but ${gap.detail}`, { findingKey: `Statement[${stmt.index}]::Condition::${gap.key}`, path }));
      if (gaps.length === 0) verdicts.push(...foreignValues(role, stmt, path));
    }
    return verdicts.length > 0 ? verdicts : pass('the Transcribe trust is bound to this account and to Transcribe ARNs');
  },
});

/** Literal account ids in the conditions must be the role’s own, and aws:SourceArn must name Transcribe. */
function foreignValues(role: Resource, stmt: Statement, path: string): Verdict[] {
  const own = role.stack.account;
  const out: Verdict[] = [];
  for (const { operator, values } of stmt.conditions.get('aws:SourceAccount')) {
    if (/not|ifexists$/i.test(operator)) continue;
    for (const v of values) {
      if (typeof v !== 'string' || !/^\d{12}$/.test(v)) continue;
      if (own === undefined) out.push(unknown(`aws:SourceAccount is ${v} and the account of the role's stack is not known`, { findingKey: `Statement[${stmt.index}]::Condition::aws:SourceAccount`, path }));
      else if (v !== own) out.push(fail(`aws:SourceAccount is ${v}, not the role's account ${own}`, { findingKey: `Statement[${stmt.index}]::Condition::aws:SourceAccount`, path }));
    }
  }
  for (const { operator, values } of stmt.conditions.get('aws:SourceArn')) {
    if (/not|ifexists$/i.test(operator)) continue;
    for (const v of values) {
      if (!(typeof v === 'string' || v instanceof Composite || v instanceof Pseudo)) continue;
      const arn = parseArn(render(v).replace(/\$\{[^}]*\}/g, '§'));
      if (!arn) continue;
      const key = `Statement[${stmt.index}]::Condition::aws:SourceArn`;
      if (arn.service !== 'transcribe' && arn.service !== '*') out.push(fail(`aws:SourceArn ${render(v)} names ${arn.service}, not Transcribe`, { findingKey: key, path }));
      else if (/^\d{12}$/.test(arn.account) && own !== undefined && arn.account !== own) out.push(fail(`aws:SourceArn ${render(v)} is in account ${arn.account}, not ${own}`, { findingKey: key, path }));
    }
  }
  return out;
}
