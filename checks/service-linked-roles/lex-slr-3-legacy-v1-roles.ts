import { defineCheck, fail, pass, unknown } from '../../lib/engine/check';
import { bool, get, str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { LEX_V1_SERVICE_ROLE, type LexV1ServiceRoleProps } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-SLR-3',
  title: 'Legacy Lex V1 service-linked roles are removed',
  severity: 'LOW',
  rationale:
    'AWSServiceRoleForLexBots and AWSServiceRoleForLexChannels served Lex V1, which reached end of support on 2025-09-15. A role nothing uses is an identity nobody watches.',
  remediation: 'Delete the V1 bots and channels, then delete the role (IAM console, or `aws iam delete-service-linked-role`).',
  docs: 'https://docs.aws.amazon.com/lex/latest/dg/using-service-linked-roles.html',
  // Service-linked roles of Lex V1 have no CloudFormation representation in a Lex V2 app.
  modes: ['live'],
  resourceTypes: [LEX_V1_SERVICE_ROLE],
  evaluate(resource, { graph }) {
    const props = graph.props<LexV1ServiceRoleProps>(resource);
    const name = str(props.RoleName) ?? resource.logicalId;
    const exists = bool(props.Exists);
    if (exists instanceof Unknown) return unknown(`whether ${String(name)} exists cannot be known: ${exists.reason}`, { path: 'Exists' });
    if (!exists) return pass(`${String(name)} does not exist`);
    const lastUsed = str(get(props, 'RoleLastUsed.LastUsedDate'));
    const used = typeof lastUsed === 'string' ? `last used ${lastUsed}` : 'no recorded use in the last 400 days';
    return fail(`${String(name)} still exists (${used}) although Lex V1 has reached end of support`, { path: 'Exists' });
  },
});
