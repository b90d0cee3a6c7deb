import { option } from '../../lib/engine/options';
import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { get, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import { jobOrigin } from '../../lib/model/relations/transcribe';
import type { Resource } from '../../lib/model/resource';
import { CUSTOM_RESOURCE } from '../../lib/model/types/cloudformation';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';
import { STATE_MACHINE } from '../../lib/model/types/stepfunctions';
import {
  APP_JOB_TYPES,
  APP_UNREADABLE_JOB_START,
  jobStartKey,
  jobStartLabel,
  startActionOf,
  type AppJobStartProps,
  type StartAction,
  type StartJobParameters,
  type UnreadableJobStartProps,
} from '../../lib/model/types/transcribe';
import { Unknown, render } from '../../lib/model/values';
import type { PathOf } from '../../lib/model/types/view';
import { resolveKey } from '../shared/kms';

/** What each job start must carry: where output goes, and the setting that keeps sensitive content out of it. */
const EXPECTED: Record<StartAction, { output: 'OutputBucketName' | 'OutputLocation'; protection?: { path: PathOf<StartJobParameters>; value: string; what: string } }> = {
  StartTranscriptionJob: { output: 'OutputBucketName', protection: { path: 'ContentRedaction.RedactionType', value: 'PII', what: 'PII redaction' } },
  StartMedicalTranscriptionJob: { output: 'OutputBucketName', protection: { path: 'ContentIdentificationType', value: 'PHI', what: 'PHI identification' } },
  StartCallAnalyticsJob: { output: 'OutputLocation', protection: { path: 'Settings.ContentRedaction.RedactionType', value: 'PII', what: 'PII redaction' } },
  StartMedicalScribeJob: { output: 'OutputBucketName' },
};

export default defineCheck({
  id: 'TR-DP-12',
  title: 'Transcription jobs the application starts set a customer bucket, a KMS key and redaction',
  severity: 'MEDIUM',
  rationale:
    'Jobs started by a Step Functions task or a custom resource are the only Transcribe jobs whose settings can be seen before deployment. Without an output bucket the transcript lands in the service bucket, without OutputEncryptionKMSKeyId it is only SSE-S3 encrypted, and without redaction (or PHI identification for medical jobs) personal data stays in it.',
  remediation:
    'In the Start*Job parameters (CDK CallAwsService parameters, AwsCustomResource parameters) set OutputBucketName (OutputLocation for Call Analytics) and OutputEncryptionKMSKeyId to a customer-managed key, ContentRedaction {RedactionType: PII, RedactionOutput: redacted} for standard and Call Analytics jobs (under Settings), and ContentIdentificationType: PHI for medical jobs.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/APIReference/API_StartTranscriptionJob.html',
  modes: ['synth'],
  options: {
    requireRedaction: option.boolean(true, 'Require PII redaction on standard and Call Analytics jobs (set false when the app only transcribes content without personal data)'),
  },
  // Findings on a job start are reported on the state machine or custom resource that makes it.
  resourceTypes: [APP_UNREADABLE_JOB_START, ...APP_JOB_TYPES],
  reads: [STATE_MACHINE, CUSTOM_RESOURCE, KMS_KEY, KMS_ALIAS],
  evaluate(start, { graph, options }) {
    if (start.type === APP_UNREADABLE_JOB_START) {
      const props = graph.props<UnreadableJobStartProps>(start);
      return unknown(`whether ${jobOrigin(start).resource.logicalId} starts Transcribe jobs cannot be known: ${props.Reason}`, { findingKey: jobStartKey(props) });
    }
    return jobVerdicts(graph, start, options.requireRedaction !== false);
  },
});

function jobVerdicts(graph: ResourceGraph, job: Resource, requireRedaction: boolean): Verdict[] {
  const props = graph.props<AppJobStartProps>(job);
  const action = startActionOf(job.type)!;
  const prefix = jobStartKey(props);
  const parameters = props.Parameters;
  const at = (name: string) => ({ findingKey: `${prefix}::${name}` });
  const who = `${action} in ${jobStartLabel(props)}`;
  if (parameters instanceof Unknown) return [unknown(`the parameters of ${who} cannot be known: ${parameters.reason}`, at('Parameters'))];
  const expected = EXPECTED[action];
  const out: Verdict[] = [];

  const output = get(parameters, expected.output);
  if (output === undefined) {
    const where = action === 'StartTranscriptionJob' ? ': the transcript goes to the service-managed bucket, outside your encryption and retention controls' : '';
    out.push(fail(`${who} sets no ${expected.output}${where}`, at(expected.output)));
  } else if (output instanceof Unknown) out.push(unknown(`${expected.output} of ${who} cannot be known: ${output.reason}`, at(expected.output)));

  const keyValue = get(parameters, 'OutputEncryptionKMSKeyId');
  const key = keyValue instanceof Unknown ? keyValue : resolveKey(graph, keyValue);
  if (key === undefined) out.push(fail(`${who} sets no OutputEncryptionKMSKeyId: the output is encrypted with SSE-S3 only`, at('OutputEncryptionKMSKeyId')));
  else if (key instanceof Unknown) out.push(unknown(`OutputEncryptionKMSKeyId of ${who} cannot be known: ${key.reason}`, at('OutputEncryptionKMSKeyId')));
  else if (key.kind === 'aws-managed') out.push(fail(`${who} encrypts output with the AWS-managed key ${key.label}, not a customer-managed key`, at('OutputEncryptionKMSKeyId')));

  const protection = expected.protection && (requireRedaction || expected.protection.value === 'PHI') ? expected.protection : undefined;
  if (protection) {
    const value = str(get(parameters, protection.path));
    if (value instanceof Unknown) out.push(unknown(`${protection.path} of ${who} cannot be known: ${value.reason}`, at(protection.path)));
    else if (value === undefined) out.push(fail(`${who} does not turn on ${protection.what} (${protection.path}: ${protection.value})`, at(protection.path)));
    else if (value.toUpperCase() !== protection.value) out.push(fail(`${who} sets ${protection.path} to ${value}, not ${protection.value}`, at(protection.path)));
  }
  if (out.length > 0) return out;
  const keyLabel = key && !(key instanceof Unknown) ? key.label : render(keyValue);
  return [pass(`${who} writes to ${render(output)} encrypted with ${keyLabel}${protection ? ` with ${protection.what}` : ''}`, { findingKey: prefix })];
}
