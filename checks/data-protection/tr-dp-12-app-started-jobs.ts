import { option } from '../../lib/engine/options';
import { defineCheck, fail, pass, unknown, type Verdict } from '../../lib/engine/check';
import { str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import { Unknown, render } from '../../lib/model/values';
import { resolveKey } from '../shared/kms';
import { appStartedJobs, param, type AppJob } from '../shared/transcribe-jobs';
import { KMS_ALIAS, KMS_KEY } from '../../lib/model/types/kms';
import { CUSTOM_RESOURCE } from '../../lib/model/types/cloudformation';
import { STATE_MACHINE } from '../../lib/model/types/stepfunctions';
import type { StartAction } from '../../lib/model/types/transcribe';

/** What each job start must carry: where output goes, and the setting that keeps sensitive content out of it. */
const EXPECTED: Record<StartAction, { output: string; protection?: { path: string; value: string; what: string } }> = {
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
    'In the Start…Job parameters (CDK CallAwsService parameters, AwsCustomResource parameters) set OutputBucketName (OutputLocation for Call Analytics) and OutputEncryptionKMSKeyId to a customer-managed key, ContentRedaction {RedactionType: PII, RedactionOutput: redacted} for standard and Call Analytics jobs (under Settings), and ContentIdentificationType: PHI for medical jobs.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/APIReference/API_StartTranscriptionJob.html',
  modes: ['synth'],
  options: {
    requireRedaction: option.boolean(true, 'Require PII redaction on standard and Call Analytics jobs (set false when the app only transcribes content without personal data)'),
  },
  reads: [STATE_MACHINE, CUSTOM_RESOURCE, KMS_KEY, KMS_ALIAS],
  evaluateGraph({ graph, options }) {
    const { jobs, unreadable } = appStartedJobs(graph);
    const out: Verdict[] = unreadable
      .filter((u) => graph.isEvaluated(u.resource))
      .map((u) => unknown(`whether ${u.resource.logicalId} starts Transcribe jobs cannot be known: ${u.reason}`, { resource: u.resource, path: u.path, findingKey: u.key }));
    for (const job of jobs.filter((j) => graph.isEvaluated(j.resource))) out.push(...jobVerdicts(graph, job, options.requireRedaction !== false));
    return out;
  },
});

function jobVerdicts(graph: ResourceGraph, job: AppJob, requireRedaction: boolean): Verdict[] {
  const at = (name: string) => ({ resource: job.resource, path: job.path, findingKey: `${job.key}::${name}` });
  const who = `${job.action} in ${job.label}`;
  if (job.parameters instanceof Unknown) return [unknown(`the parameters of ${who} cannot be known: ${job.parameters.reason}`, at('Parameters'))];
  const expected = EXPECTED[job.action];
  const out: Verdict[] = [];

  const output = param(job, expected.output);
  if (output === undefined) {
    const where = job.action === 'StartTranscriptionJob' ? ': the transcript goes to the service-managed bucket, outside your encryption and retention controls' : '';
    out.push(fail(`${who} sets no ${expected.output}${where}`, at(expected.output)));
  } else if (output instanceof Unknown) out.push(unknown(`${expected.output} of ${who} cannot be known: ${output.reason}`, at(expected.output)));

  const keyValue = param(job, 'OutputEncryptionKMSKeyId');
  const key = keyValue instanceof Unknown ? keyValue : resolveKey(graph, keyValue);
  if (key === undefined) out.push(fail(`${who} sets no OutputEncryptionKMSKeyId: the output is encrypted with SSE-S3 only`, at('OutputEncryptionKMSKeyId')));
  else if (key instanceof Unknown) out.push(unknown(`OutputEncryptionKMSKeyId of ${who} cannot be known: ${key.reason}`, at('OutputEncryptionKMSKeyId')));
  else if (key.kind === 'aws-managed') out.push(fail(`${who} encrypts output with the AWS-managed key ${key.label}, not a customer-managed key`, at('OutputEncryptionKMSKeyId')));

  const protection = expected.protection && (requireRedaction || expected.protection.value === 'PHI') ? expected.protection : undefined;
  if (protection) {
    const value = str(param(job, protection.path));
    if (value instanceof Unknown) out.push(unknown(`${protection.path} of ${who} cannot be known: ${value.reason}`, at(protection.path)));
    else if (value === undefined) out.push(fail(`${who} does not turn on ${protection.what} (${protection.path}: ${protection.value})`, at(protection.path)));
    else if (value.toUpperCase() !== protection.value) out.push(fail(`${who} sets ${protection.path} to ${value}, not ${protection.value}`, at(protection.path)));
  }
  if (out.length > 0) return out;
  const keyLabel = key && !(key instanceof Unknown) ? key.label : render(keyValue);
  return [pass(`${who} writes to ${render(output)} encrypted with ${keyLabel}${protection ? ` with ${protection.what}` : ''}`, { resource: job.resource, path: job.path, findingKey: job.key })];
}
