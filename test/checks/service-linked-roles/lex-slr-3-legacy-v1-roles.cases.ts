import { Unknown } from '../../../lib/model/values';
import { LEX_V1_SERVICE_ROLE } from '../../../lib/model/types/lex';
import { lexV1ServiceRoles } from '../../../lib/sources/account/collectors/lex-v1';
import { role, trustPolicy } from '../../tester/seed';
import { liveResource, scope, type CheckTable } from '../../tester';

const V1 = 'lex-v1-service-role/AWSServiceRoleForLexBots';
const CHANNELS = 'lex-v1-service-role/AWSServiceRoleForLexChannels';
const collectors = [lexV1ServiceRoles];

export default {
  live: {
    PASS: [{ name: 'neither V1 role exists (GetRole: NoSuchEntity)', moto: async () => undefined, collectors, statuses: { [V1]: 'PASS', [CHANNELS]: 'PASS' } }],
    FAIL: [
      {
        // IAM refuses to create a role under /aws-service-role/; moto does not, which stands in for a V1 leftover.
        name: 'AWSServiceRoleForLexBots still exists',
        moto: async (aws) => void (await role(aws, 'AWSServiceRoleForLexBots', trustPolicy('lex.amazonaws.com'), { path: '/aws-service-role/lex.amazonaws.com/' })),
        collectors,
        statuses: { [V1]: 'FAIL', [CHANNELS]: 'PASS' },
      },
    ],
    UNKNOWN: [
      { name: 'iam:GetRole denied', moto: async () => undefined, collectors, deny: ['iam:GetRole'], statuses: { [V1]: 'UNKNOWN', [CHANNELS]: 'UNKNOWN' } },
      {
        name: 'GetRole denied, as the collector reports it',
        emulated: 'the same answer in the shape a unit test builds, kept from the test it replaces',
        stacks: [scope([liveResource(LEX_V1_SERVICE_ROLE, V1, { RoleName: 'AWSServiceRoleForLexBots', Exists: new Unknown('iam:GetRole was denied (AccessDenied)') })], { region: 'global' })],
        statuses: { [V1]: 'UNKNOWN' },
      },
    ],
  },
} satisfies CheckTable;
