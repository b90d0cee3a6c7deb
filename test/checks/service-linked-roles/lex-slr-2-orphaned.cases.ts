import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { iamIdentities } from '../../../lib/sources/account/collectors/iam';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { lexBot, lexServiceLinkedRole, role, trustPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { SLR_ARN, bot } from '../iam/lex-fixtures';

const slr = (stack: Stack, awsServiceName = 'lexv2.amazonaws.com', customSuffix = 'Support') => new iam.CfnServiceLinkedRole(stack, 'Slr', { awsServiceName, customSuffix });
const app = (name: string, build: (stack: Stack) => void, status: string): CdkCase => ({ name, cdk: build, resource: 'Slr', then: (f) => expect(f.filter((x) => x.resource.logicalId === 'Slr').map((x) => x.status)).toEqual([status]) });
/**
 * The Lex V2 SLR of bot Support, made as IAM holds it (moto names SLRs AWSServiceRoleForlexv2_<suffix>,
 * AWS AWSServiceRoleForLexV2Bots_<suffix>: the role is created with the real name and path instead),
 * used by the bot or not.
 */
const motoSlr = (used: boolean) => async (aws: Seed) => {
  const arn = await role(aws, 'AWSServiceRoleForLexV2Bots_Support', trustPolicy('lexv2.amazonaws.com'), { path: '/aws-service-role/lexv2.amazonaws.com/' });
  await lexBot(aws, { roleArn: used ? arn : await role(aws, 'Other', trustPolicy('lexv2.amazonaws.com')) });
};
const collectors = [lexBots, iamIdentities];
const SLR_ID = 'role/AWSServiceRoleForLexV2Bots_Support';

export default {
  synth: {
    PASS: [
      app(
        'an SLR whose name a bot RoleArn ends with',
        (s) => {
          slr(s);
          bot(s, { roleArn: SLR_ARN });
        },
        'PASS',
      ),
    ],
    FAIL: [app('an SLR no bot uses', (s) => void slr(s), 'FAIL')],
    UNKNOWN: [
      app(
        'a bot role from a parameter',
        (s) => {
          slr(s);
          bot(s, { roleArn: new CfnParameter(s, 'RoleArn').valueAsString });
        },
        'UNKNOWN',
      ),
      app('a channel SLR (channels are not in CloudFormation)', (s) => void slr(s, 'channels.lexv2.amazonaws.com'), 'UNKNOWN'),
    ],
    NOT_APPLICABLE: [app('an SLR of another service', (s) => void slr(s, 'ecs.amazonaws.com'), 'NOT_APPLICABLE')],
  },
  live: {
    PASS: [{ name: 'the Lex V2 service-linked role of a live bot (its /aws-service-role/ path)', moto: motoSlr(true), collectors, resource: SLR_ID, then: (f) => expect(f.filter((x) => x.resource.logicalId === SLR_ID).map((x) => x.status)).toEqual(['PASS']) }],
    FAIL: [
      { name: 'a Lex V2 service-linked role no bot uses', moto: motoSlr(false), collectors, resource: SLR_ID },
      { name: 'an orphan made by CreateServiceLinkedRole (moto’s own name)', moto: async (aws) => void (await lexServiceLinkedRole(aws, 'Orphan')), collectors, resource: 'role/AWSServiceRoleForlexv2_Orphan' },
    ],
    UNKNOWN: [
      {
        // Formerly DISPUTED (FAIL "no bot of the account uses this service-linked role"): with the bots unlisted, that is not known.
        name: 'the bots cannot be listed (lex:ListBots denied)',
        moto: motoSlr(true),
        collectors,
        deny: ['lex:ListBots'],
        statuses: { '123456789012/us-east-1': 'UNKNOWN', [SLR_ID]: 'UNKNOWN' },
        reason: /could not be read/,
      },
    ],
  },
} satisfies CheckTable;
