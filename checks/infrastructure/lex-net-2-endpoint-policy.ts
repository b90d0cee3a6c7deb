import { defineCheck, fail, pass, type Verdict } from '../../lib/engine/check';
import { allowsEverything, serviceEndpointPolicy } from '../shared/endpoints';
import { LEX_ENDPOINT_SERVICES } from './lex-endpoint-services';
import { ENDPOINT } from '../../lib/model/types/ec2';

export default defineCheck({
  id: 'LEX-NET-2',
  title: 'Lex endpoint policies are not the default allow-all',
  severity: 'LOW',
  rationale:
    'The default endpoint policy lets any principal in the VPC call any Lex action on any bot, in any account, through the endpoint. A policy naming the actions and bot aliases callers need limits what a compromised workload can reach.',
  remediation:
    'Set PolicyDocument on the Lex interface endpoint to allow only the runtime actions (lex:RecognizeText, lex:RecognizeUtterance, lex:StartConversation, session actions) on your bot alias ARNs.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/vpc-interface-endpoints.html',
  modes: ['synth', 'live'],
  resourceTypes: [ENDPOINT],
  evaluate(resource, { graph }) {
    const policy = serviceEndpointPolicy(graph, resource, LEX_ENDPOINT_SERVICES, 'Lex', 'any principal every action');
    if (!('statements' in policy)) return policy;
    const open: Verdict[] = policy.statements.filter(allowsEverything).map((s) =>
      fail(`statement ${s.sid ?? s.index} allows any principal every action on every resource`, {
        path: `PolicyDocument.Statement.${s.index}`,
        findingKey: `Statement::${s.sid ?? s.index}`,
      }),
    );
    return open.length > 0 ? open : pass(`Lex endpoint ${resource.logicalId} has a restricting policy`);
  },
});
