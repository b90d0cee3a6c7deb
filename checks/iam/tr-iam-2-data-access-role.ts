import { defineCheck, pass, unknown, type Verdict } from '../../lib/engine/check';
import { dedupe } from '../shared/lex-iam';
import { rolePermissionVerdicts } from '../shared/role-permissions';
import { CALL_ANALYTICS_JOB, LANGUAGE_MODEL, MEDICAL_SCRIBE_JOB, TRANSCRIPTION_JOB, VOCABULARY, VOCABULARY_FILTER } from '../../lib/model/types/transcribe';
import { TRANSCRIBE_DATA_ACCESS_ROLES } from '../../lib/model/relations/transcribe';

export default defineCheck({
  id: 'TR-IAM-2',
  title: 'Transcribe data-access roles are least privilege',
  severity: 'MEDIUM',
  rationale:
    'A data-access role lets Transcribe read your media and write your transcripts. Wildcard actions (s3:*, *) or full-access managed policies (HIGH), Resource "*" or key/* on actions that take resource ARNs, and wildcards that take in deletions let every job, vocabulary or model that uses the role reach every bucket and key of the account.',
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
      const verdicts = dedupe(rolePermissionVerdicts(graph, role));
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
