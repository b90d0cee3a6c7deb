import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { isAllow, onAnyResource } from '../../lib/policy/document';
import { isAwsManagedPolicy, managedPolicyArns } from '../../lib/policy/identity';
import { dedupe, statementLabel } from '../shared/lex-iam';
import { CALL_ANALYTICS_JOB, LANGUAGE_MODEL, MEDICAL_SCRIBE_JOB, TRANSCRIPTION_JOB, VOCABULARY, VOCABULARY_FILTER } from '../../lib/model/types/transcribe';
import { policiesOf } from '../../lib/model/relations/iam';
import { TRANSCRIBE_DATA_ACCESS_ROLES } from '../../lib/model/relations/transcribe';
import { MANAGED_POLICY } from '../../lib/model/types/iam';

/** AWS managed policies that reach every bucket (or everything): never least privilege for a data-access role. */
const BROAD_MANAGED = ['AdministratorAccess', 'PowerUserAccess', 'AmazonS3FullAccess', 'AmazonS3ReadOnlyAccess', 'AmazonTranscribeFullAccess'];

export default defineCheck({
  id: 'TR-IAM-2',
  title: 'Transcribe data-access roles are least privilege',
  severity: 'MEDIUM',
  rationale:
    'A data-access role lets Transcribe read your media and write your transcripts. Wildcard actions (s3:*, *) or Resource "*" let every job, vocabulary or model that uses the role reach every bucket and key of the account.',
  remediation:
    'Grant only s3:GetObject and s3:ListBucket on the input bucket, s3:PutObject on output-bucket/*, and kms:Decrypt/GenerateDataKey on the named key ARNs; no s3:*, no "*" actions or resources, no broad AWS managed policies.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/security_iam_id-based-policy-examples.html',
  modes: ['synth', 'live'],
  reads: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', VOCABULARY, VOCABULARY_FILTER, TRANSCRIPTION_JOB, CALL_ANALYTICS_JOB, MEDICAL_SCRIBE_JOB, LANGUAGE_MODEL],
  evaluateGraph({ graph }) {
    const { roles, unresolved } = graph.memo(TRANSCRIBE_DATA_ACCESS_ROLES);
    const out: Verdict[] = unresolved
      .filter((u) => graph.isEvaluated(u.from))
      .map((u) => unknown(`the data-access role cannot be checked: ${u.reason}`, { resource: u.from, path: u.path, findingKey: `DataAccessRole::${u.path}` }));
    for (const [role, users] of roles) {
      if (!graph.isEvaluated(role)) continue;
      const verdicts = dedupe(permissionVerdicts(graph, role));
      const who = `data-access role of ${users.join(', ')}`;
      out.push(
        ...(verdicts.length > 0
          ? verdicts.map((v) => ({ ...v, reason: `${who}: ${v.reason}`, resource: role }))
          : [pass(`${who}: no wildcard actions or resources`, { resource: role })]),
      );
    }
    return out;
  },
});

function permissionVerdicts(graph: ResourceGraph, role: Resource): Verdict[] {
  const out: Verdict[] = [];
  for (const { holder, path, document } of policiesOf(graph, role)) {
    const where = holder === role ? path : `${holder.logicalId}.${path}`;
    if (document instanceof Unknown) {
      out.push(unknown(`a policy of the role cannot be read (${where}): ${document.reason}`, { findingKey: `Policy::${where}` }));
      continue;
    }
    for (const stmt of document?.statements ?? []) {
      if (!isAllow(stmt)) continue;
      const label = `${statementLabel(stmt)} of ${where}`;
      const at = holder === role ? `${path}.Statement.${stmt.index}` : undefined;
      if (stmt.notActions) out.push(fail(`${label} uses NotAction, which allows everything it does not list`, { findingKey: 'NotAction', path: at }));
      for (const a of (stmt.actions ?? []).filter((x) => x === '*' || /^[^:]+:\*$/.test(x))) out.push(fail(`${label} allows ${a}`, { findingKey: `Action::${a}`, path: at }));
      if (onAnyResource(stmt)) out.push(fail(`${label} applies to every resource (${render(stmt.raw.Resource ?? 'NotResource')})`, { findingKey: 'Resource::*', path: at }));
    }
  }
  for (const arn of managedPolicyArns(graph, role)) {
    const broad = BROAD_MANAGED.find((n) => isAwsManagedPolicy(arn, n));
    if (broad) {
      out.push(fail(`the AWS managed policy ${broad} is attached`, { findingKey: `ManagedPolicy::${broad}`, path: 'ManagedPolicyArns' }));
      continue;
    }
    const t = graph.target(arn, MANAGED_POLICY);
    if (t && !(t instanceof Unknown) && 'resource' in t && t.resource.type === MANAGED_POLICY) continue;
    out.push(unknown(`the managed policy ${render(arn)} is attached and its document is not in this run`, { findingKey: `ManagedPolicy::${render(arn)}`, path: 'ManagedPolicyArns' }));
  }
  return out;
}
