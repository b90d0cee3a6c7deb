import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { Unknown } from '../../lib/model/values';
import { BOT, LEX_V2_PRINCIPAL } from '../../lib/model/types/lex';
import { SERVICE_LINKED_ROLE } from '../../lib/model/types/iam';
import { botRole } from '../../lib/model/relations/lex';

export default defineCheck({
  id: 'LEX-SLR-1',
  title: "A bot's role is the Lex V2 service-linked role or a customer role checked by LEX-IAM-7",
  severity: 'INFO',
  rationale:
    'Lex V2 bots run under either a service-linked role (AWSServiceRoleForLexV2Bots_*, permissions defined by AWS) or a customer-managed role (permissions yours to keep minimal). Knowing which tells you which controls apply.',
  remediation: 'Use the Lex V2 service-linked role, or a customer role that trusts only lexv2.amazonaws.com and passes LEX-IAM-7.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/using-service-linked-roles.html',
  modes: ['synth', 'live'],
  resourceTypes: [BOT],
  reads: ['AWS::IAM::Role', SERVICE_LINKED_ROLE],
  evaluate(bot, { graph }) {
    const role = botRole(graph, bot);
    if (role === undefined) return unknown('the bot has no RoleArn', { path: 'RoleArn' });
    if (role instanceof Unknown) return unknown(`the bot role cannot be known: ${role.reason}`, { path: 'RoleArn' });
    if (role.kind === 'role') return pass(`customer-managed role ${role.role.logicalId}; see LEX-IAM-7`);
    if (role.kind === 'external') return pass(`customer-managed role ${role.arn} (not defined in this app); see LEX-IAM-7`);
    if (role.service === LEX_V2_PRINCIPAL) return pass(`Lex V2 service-linked role ${role.label}: its permissions are defined by AWS`);
    return fail(`the bot role ${role.label} is a service-linked role of ${role.service || 'an unnamed service'}, not of ${LEX_V2_PRINCIPAL}`, { path: 'RoleArn' });
  },
});
