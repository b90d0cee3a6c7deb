import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { OUTPUT_KEY_GUARDS, requiresOutputKey } from '../../lib/model/relations/transcribe';
import type { Resource } from '../../lib/model/resource';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';
import { coversAction, isAllow, type PolicyDocument, type Statement } from '../../lib/policy/document';
import { isAwsManagedPolicy, managedPolicyArns } from '../../lib/policy/identity';
import { dedupe, heldStatementVerdicts, statementLabel } from '../shared/lex-iam';
import { PRINCIPAL_TYPES, POLICY_HOLDERS, ROLE } from '../../lib/model/types/iam';
import { assumedOnlyBy } from '../../lib/policy/trust';
import { TRANSCRIBE_PRINCIPALS } from '../../lib/model/types/transcribe';
import { ORG_POLICY } from '../../lib/model/types/organizations';
import { isAwsManaged } from '../../lib/model/relations/iam';

const KMS_KEY_CONDITION = 'transcribe:OutputEncryptionKMSKeyId';
/** Condition keys each job-starting action must be constrained with (Service Authorization Reference). */
const REQUIRED: Record<string, string[]> = {
  'transcribe:StartTranscriptionJob': ['transcribe:OutputBucketName', KMS_KEY_CONDITION],
  'transcribe:StartMedicalTranscriptionJob': ['transcribe:OutputBucketName', KMS_KEY_CONDITION],
  'transcribe:StartCallAnalyticsJob': ['transcribe:OutputLocation', KMS_KEY_CONDITION],
  'transcribe:StartMedicalScribeJob': ['transcribe:OutputBucketName', KMS_KEY_CONDITION],
};
const START_ACTIONS = Object.keys(REQUIRED);
/** AWS managed policies that allow starting jobs without any condition. */
const UNCONDITIONED_MANAGED = ['AmazonTranscribeFullAccess', 'AdministratorAccess', 'PowerUserAccess'];

export default defineCheck({
  id: 'TR-IAM-3',
  title: 'Permissions to start Transcribe jobs force the approved output bucket and a KMS key',
  severity: 'MEDIUM',
  rationale:
    'Transcribe job responses never say which key encrypted the output, so the transcribe:OutputBucketName / OutputLocation and transcribe:OutputEncryptionKMSKeyId condition keys (or an SCP denying jobs without a key) are the only preventive control that every job writes to the approved bucket with a customer-managed key.',
  remediation:
    'Add to statements allowing transcribe:Start*Job: StringEquals transcribe:OutputBucketName = the approved bucket (transcribe:OutputLocation for Call Analytics) and Null transcribe:OutputEncryptionKMSKeyId = false (or StringEquals the key ARN); or deploy an SCP that denies transcribe:Start*Job when transcribe:OutputEncryptionKMSKeyId is null.',
  docs: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazontranscribe.html',
  modes: ['synth', 'live'],
  resourceTypes: POLICY_HOLDERS,
  reads: [ORG_POLICY],
  evaluate(resource, { graph }) {
    if (isAwsManaged(graph, resource)) return notApplicable('AWS managed policy: reported on the principals it is attached to');
    // A role only Transcribe assumes never starts jobs with what it holds: TR-IAM-2 judges its permissions.
    if (resource.type === ROLE && assumedOnlyBy(graph, resource, TRANSCRIBE_PRINCIPALS)) return notApplicable('only Transcribe can assume this role (a data-access role): it starts no jobs; see TR-IAM-2');
    const guard = graph.memo(OUTPUT_KEY_GUARDS);
    const held = heldStatementVerdicts(graph, resource, (stmt, path, document, docPath) => statementVerdicts(stmt, document, path, docPath, guard.actions));
    const verdicts = held.verdicts;
    let grants = held.relevant;
    if (PRINCIPAL_TYPES.includes(resource.type)) {
      for (const name of UNCONDITIONED_MANAGED.filter((n) => managedPolicyArns(graph, resource).some((arn) => isAwsManagedPolicy(arn, n)))) {
        grants++;
        verdicts.push(fail(`the AWS managed policy ${name} allows starting Transcribe jobs without the output bucket and key conditions`, { findingKey: `ManagedPolicy::${name}`, path: 'ManagedPolicyArns' }));
      }
    }
    if (grants === 0 && verdicts.length === 0) return notApplicable('grants no permission to start Transcribe jobs');
    const failures = verdicts.filter((v) => v.status !== 'PASS');
    if (failures.length > 0 && guard.doubt) return dedupe(failures).map((v) => ({ ...v, status: 'UNKNOWN' as const, reason: `${v.reason}, unless ${guard.doubt!.reason}` }));
    if (failures.length > 0) return dedupe(failures);
    const scps = [...new Set(guard.actions.values())].map((p) => p.logicalId);
    return pass(`every grant to start jobs is constrained to the approved output bucket and a KMS key${scps.length > 0 ? ` (or denied without a key by service control policy ${scps.join(', ')})` : ''}`);
  },
});

/** Verdicts for one statement; undefined when it grants no job start. */
function statementVerdicts(stmt: Statement, doc: PolicyDocument, path: string, docPath: string, guarded: ReadonlyMap<string, Resource>): Verdict[] | undefined {
  if (!isAllow(stmt)) return undefined;
  const label = statementLabel(stmt);
  const granted = START_ACTIONS.filter((a) => coversAction(stmt, a));
  if (granted.length === 0) return undefined;
  const deniedWithoutKey = doc.statements.some((s) => s.effect === 'Deny' && granted.every((a) => coversAction(s, a)) && requiresOutputKey(s));
  const out: Verdict[] = [];
  const missing = new Map<string, string[]>();
  for (const action of granted.filter((a) => !guarded.has(a))) {
    for (const key of REQUIRED[action]) {
      if (key === KMS_KEY_CONDITION && deniedWithoutKey) continue;
      const state = constrained(stmt, key);
      if (state instanceof Unknown) out.push(unknown(`${key} of ${label} cannot be known: ${state.reason}`, { findingKey: `${docPath}::Statement[${stmt.index}]::${key}`, path }));
      else if (!state) missing.set(key, [...(missing.get(key) ?? []), action]);
    }
  }
  for (const [key, actions] of missing) {
    out.push(fail(`${label} allows ${actions.join(', ')} without a ${key} condition`, { findingKey: `${docPath}::Statement[${stmt.index}]::${key}`, path }));
  }
  return out.length > 0 ? out : [pass(`${label} constrains ${granted.join(', ')} to the approved output bucket and key`)];
}

/**
 * Whether a statement pins a condition key: a restricting operator (not a negation, not `…IfExists`)
 * with a value that is not only wildcards, or for the KMS key also `Null: false` (some key is given).
 */
function constrained(stmt: Statement, key: string): boolean | Unknown {
  for (const { operator, values } of stmt.conditions.get(key)) {
    if (operator.toLowerCase() === 'null') {
      if (key === KMS_KEY_CONDITION && values.some((v) => String(v).toLowerCase() === 'false')) return true;
      continue;
    }
    if (/not|ifexists$/i.test(operator)) continue;
    for (const v of values) {
      if (v instanceof Unknown) return v;
      if (v instanceof Choice) return new Unknown(`depends on condition ${v.condition}`);
      if (v instanceof Composite && v.unknowns.length > 0) return v.unknowns[0];
    }
    if (key === KMS_KEY_CONDITION || values.some((v) => !/^[*?]*$/.test(render(v)))) return true;
  }
  return false;
}
