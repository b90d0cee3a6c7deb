import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { get, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { BOT, LEX_V2_PRINCIPAL } from '../../lib/model/types/lex';
import { SERVICE_LINKED_ROLE, ROLE, type RoleProps, type ServiceLinkedRoleProps } from '../../lib/model/types/iam';
import { BOT_ROLES } from '../../lib/model/relations/lex';

const CHANNELS = 'channels.lexv2.amazonaws.com';

export default defineCheck({
  id: 'LEX-SLR-2',
  title: 'No orphaned Lex V2 service-linked roles',
  severity: 'LOW',
  rationale:
    'Lex creates one service-linked role per bot (AWSServiceRoleForLexV2Bots_*) and per channel. Once the bot is gone the role stays, an identity nobody watches that AWS can still assume.',
  remediation: 'Delete service-linked roles whose bot no longer exists (iam:DeleteServiceLinkedRole), or remove the AWS::IAM::ServiceLinkedRole from the app.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/using-service-linked-roles.html',
  modes: ['synth', 'live'],
  // Live, service-linked roles come as AWS::IAM::Role with an /aws-service-role/ path.
  resourceTypes: [SERVICE_LINKED_ROLE, ROLE],
  reads: [BOT],
  evaluate(role, { graph }) {
    const service = serviceOf(graph, role);
    if (service instanceof Unknown) return unknown(`the service of the role cannot be known: ${service.reason}`, { path: 'AWSServiceName' });
    if (service === CHANNELS) {
      return unknown('Lex V2 channel integrations have no CloudFormation type and no public API, so whether this channel role is still used cannot be known', { path: 'AWSServiceName' });
    }
    if (service !== LEX_V2_PRINCIPAL) return notApplicable('not a Lex V2 bot service-linked role');
    const users = botsUsing(graph, role);
    if (users instanceof Unknown) return unknown(`a bot role cannot be known, so it may be this one: ${users.reason}`);
    if (users.length > 0) return pass(`used by ${users.map((b) => b.logicalId).join(', ')}`);
    // Bots that could not be listed may use it: "no bot uses it" is then not known.
    const gap = graph.gaps.find((g) => g.types.includes(BOT) && (g.stack.account === undefined || role.stack.account === undefined || g.stack.account === role.stack.account));
    if (gap) return unknown(`no bot read uses this service-linked role, but the bots of ${gap.stack.name} could not be read: ${gap.reason}`);
    const lastUsed = str(get(graph.props<RoleProps>(role), 'RoleLastUsed.LastUsedDate'));
    return fail(`no bot ${graph.arnOf(role) ? 'of the account' : 'of this app'} uses this service-linked role${typeof lastUsed === 'string' ? `; last used ${lastUsed}` : ''}`);
  },
});

/** The service a service-linked role belongs to; undefined for a customer role. */
function serviceOf(graph: ResourceGraph, role: Resource): string | Unknown | undefined {
  if (role.type === SERVICE_LINKED_ROLE) {
    const name = str(graph.props<ServiceLinkedRoleProps>(role).AWSServiceName);
    return typeof name === 'string' ? name.toLowerCase() : name;
  }
  const path = str(graph.props<RoleProps>(role).Path);
  return typeof path === 'string' && path.startsWith('/aws-service-role/') ? path.split('/')[2].toLowerCase() : undefined;
}

/** The role's name as a bot's RoleArn ends: `AWSServiceRoleForLexV2Bots_<CustomSuffix>`, or RoleName. */
function nameOf(graph: ResourceGraph, role: Resource): string | Unknown | undefined {
  if (role.type === ROLE) return str(graph.props<RoleProps>(role).RoleName);
  const suffix = str(graph.props<ServiceLinkedRoleProps>(role).CustomSuffix);
  if (suffix instanceof Unknown) return suffix;
  return suffix ? `AWSServiceRoleForLexV2Bots_${suffix}` : 'AWSServiceRoleForLexV2Bots';
}

/** Bots whose RoleArn is this role; Unknown when some bot's role cannot be known and none is known to use it. */
function botsUsing(graph: ResourceGraph, role: Resource): Resource[] | Unknown {
  const roles = graph.memo(BOT_ROLES);
  const name = nameOf(graph, role);
  const users: Resource[] = [];
  let unknownOne: Unknown | undefined;
  for (const { bot, role: r } of roles) {
    if (r instanceof Unknown) {
      unknownOne ??= r;
      continue;
    }
    if (r?.kind !== 'slr') continue;
    // A literal ARN of a role the graph does not index by name is matched on the role name.
    const sameName = r.resource === undefined && typeof name === 'string' && r.label.endsWith(`/${name}`);
    if (r.resource === role || sameName) users.push(bot);
    else if (r.resource === undefined && name instanceof Unknown) unknownOne ??= name;
  }
  return users.length > 0 || !unknownOne ? users : unknownOne;
}
