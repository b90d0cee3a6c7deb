import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, CreateServiceLinkedRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBotCommand, CreateResourcePolicyCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { iamIdentities } from '../../../lib/sources/account/collectors/iam';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { auditMoto } from '../../collectors/moto-live';
import { ACCOUNT, REGION, useMoto } from '../../integration/moto';

const moto = useMoto();

const TRUST_LEX = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/** The Lex IAM and service-linked-role checks on what the collectors read from moto: same checks, live shapes. */
describe('Lex IAM and service-linked-role checks against moto', () => {
  it('reads policies, roles and service-linked roles as the templates declare them', async () => {
    const iam = moto.client(IAMClient);
    const lex = moto.client(LexModelsV2Client);
    const role = await iam.send(new CreateRoleCommand({ RoleName: 'BotRole', AssumeRolePolicyDocument: TRUST_LEX }));
    await iam.send(new CreateRoleCommand({ RoleName: 'App', AssumeRolePolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] }) }));
    const broad = await iam.send(new CreatePolicyCommand({ PolicyName: 'LexEverything', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'lex:*', Resource: '*' }] }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'App', PolicyArn: broad.Policy!.Arn }));
    await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'lexv2.amazonaws.com', CustomSuffix: 'Orphan' }));

    const bot = await lex.send(new CreateBotCommand({ botName: 'Support', roleArn: role.Role!.Arn, dataPrivacy: { childDirected: false }, idleSessionTTLInSeconds: 300 }));
    const botArn = `arn:aws:lex:${REGION}:${ACCOUNT}:bot/${bot.botId}`;
    await lex.send(new CreateResourcePolicyCommand({ resourceArn: botArn, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lex:DescribeBot', Resource: botArn }] }) }));

    const audit = await auditMoto(moto, [lexBots, iamIdentities]);
    const failing = (id: string) => Object.entries(audit.statuses(id)).filter(([, s]) => s.includes('FAIL')).map(([k]) => k).sort();
    expect(failing('LEX-IAM-1')).toEqual([expect.stringMatching(/policy$/)]);
    expect(failing('LEX-IAM-5')).toEqual(['policy/LexEverything']);
    expect(failing('LEX-IAM-10')).toEqual(['role/BotRole']);
    expect(audit.statuses('LEX-IAM-7')).toEqual({ 'bot/Support': 'PASS' });
    expect(Object.values(audit.statuses('LEX-SLR-1'))).toEqual(['PASS']);
    // moto names it AWSServiceRoleForlexv2_<suffix> (AWS: AWSServiceRoleForLexV2Bots_<suffix>); the path is what the check reads.
    expect(failing('LEX-SLR-2')).toEqual([expect.stringMatching(/^role\/AWSServiceRoleFor.*_Orphan$/)]);
  });
});
