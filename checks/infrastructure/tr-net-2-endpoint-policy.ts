import { defineCheck, fail, pass, type Verdict } from '../../lib/engine/check';
import { actionsOf } from '../../lib/policy/actions';
import { coversAction, isAllow } from '../../lib/policy/document';
import { serviceEndpointPolicy } from '../shared/endpoints';
import { TRANSCRIBE_ENDPOINT_SERVICES } from './tr-endpoint-services';
import { ENDPOINT } from '../../lib/model/types/ec2';

export default defineCheck({
  id: 'TR-NET-2',
  title: 'Transcribe endpoint policies list only the needed actions',
  severity: 'LOW',
  rationale:
    'The default endpoint policy, or one allowing "*" or "transcribe:*", lets anything in the VPC call every Transcribe action through the endpoint, including deleting jobs and reading other teams\' transcripts. Naming the actions callers need limits what a compromised workload can do.',
  remediation:
    'Set PolicyDocument on the Transcribe endpoints to allow only the actions callers use (e.g. transcribe:StartTranscriptionJob, StartStreamTranscription, StartStreamTranscriptionWebSocket, StartMedicalStreamTranscription), never "*" or "transcribe:*".',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/vpc-interface-endpoints.html',
  modes: ['synth', 'live'],
  resourceTypes: [ENDPOINT],
  evaluate(resource, { graph }) {
    const policy = serviceEndpointPolicy(graph, resource, TRANSCRIBE_ENDPOINT_SERVICES, 'Transcribe', 'every action');
    if (!('statements' in policy)) return policy;
    const all = actionsOf('transcribe');
    const open: Verdict[] = [];
    for (const s of policy.statements) {
      if (!isAllow(s)) continue;
      const at = { path: `PolicyDocument.Statement.${s.index}`, findingKey: `Statement::${s.sid ?? s.index}` };
      if (s.notActions) open.push(fail(`statement ${s.sid ?? s.index} uses NotAction, which allows every action it does not list`, at));
      else if (all.length > 0 && all.every((a) => coversAction(s, `transcribe:${a}`))) {
        open.push(fail(`statement ${s.sid ?? s.index} allows every Transcribe action (${(s.actions ?? []).join(', ')})`, at));
      }
    }
    return open.length > 0 ? open : pass(`Transcribe endpoint ${resource.logicalId} allows only named actions`);
  },
});
