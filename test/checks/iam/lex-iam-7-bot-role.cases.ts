import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { lexBot, role, trustPolicy } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { ACCOUNT, SLR_ARN, bot } from './lex-fixtures';

const lexRole = (stack: Stack, assumedBy: iam.IPrincipal = new iam.ServicePrincipal('lexv2.amazonaws.com')) => new iam.Role(stack, 'BotRole', { assumedBy });
const app = (name: string, build: (stack: Stack) => void, statuses: Record<string, string>): CdkCase => ({ name, cdk: build, statuses });
const POLLY = { Effect: 'Allow', Action: 'polly:SynthesizeSpeech', Resource: `arn:aws:polly:us-east-1:${ACCOUNT}:lexicon/support` };
const motoBotRole = (principals: string | string[], statement: unknown = POLLY) => async (aws: Seed) => {
  await lexBot(aws, { roleArn: await role(aws, 'LexBotRole', trustPolicy(principals), { inline: { polly: [statement] } }) });
};

export default {
  synth: {
    PASS: [
      app(
        'Polly and a named log group only',
        (stack) => {
          const r = lexRole(stack);
          r.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:lex:*`] }));
          bot(stack, { roleArn: r.roleArn });
        },
        { Bot: 'PASS' },
      ),
      app(
        // The corpus's FSI agent: neither action takes a resource ARN (the IAM data says so), so "*" is the only way to grant them.
        'polly:SynthesizeSpeech and comprehend:DetectSentiment on "*"',
        (stack) => {
          const r = lexRole(stack);
          r.addToPolicy(new iam.PolicyStatement({ actions: ['polly:SynthesizeSpeech', 'comprehend:DetectSentiment'], resources: ['*'] }));
          bot(stack, { roleArn: r.roleArn });
        },
        { Bot: 'PASS' },
      ),
    ],
    FAIL: [
      {
        // The corpus's Connect sample: with the comma the statement grants no Polly action at all (CDK refuses such a string, CloudFormation does not).
        name: 'an action that is no IAM action (polly:SynthesizeSpeech, with a trailing comma; a hand-written template)',
        template: `
Resources:
  BotRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lexv2.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies:
        - PolicyName: bot
          PolicyDocument: { Statement: [{ Effect: Allow, Action: ['polly:SynthesizeSpeech,', 'comprehend:DetectSentiment'], Resource: '*' }] }
  Bot:
    Type: AWS::Lex::Bot
    Properties: { Name: b, RoleArn: !GetAtt BotRole.Arn, DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 }
`,
        statuses: { 'BotRole[InvalidAction::polly:SynthesizeSpeech,]': 'FAIL' },
        reason: /polly has no action SynthesizeSpeech,/,
      },
      app(
        'CDK grantReadWrite on the audio bucket: s3:DeleteObject* takes in deletions',
        (stack) => {
          const r = lexRole(stack);
          new s3.Bucket(stack, 'Audio').grantReadWrite(r);
          bot(stack, { roleArn: r.roleArn });
        },
        { 'BotRole[Action::s3:DeleteObject*]': 'FAIL' },
      ),
      {
        ...app(
          'lex:* on the bot role is HIGH',
          (stack) => {
            const r = lexRole(stack);
            r.addToPolicy(new iam.PolicyStatement({ actions: ['lex:*'], resources: [`arn:aws:lex:us-east-1:${ACCOUNT}:bot/*`] }));
            bot(stack, { roleArn: r.roleArn });
          },
          { 'BotRole[Action::lex:*]': 'FAIL' },
        ),
        severity: 'HIGH',
      },
      app(
        'kms:GenerateDataKey on every key of the account',
        (stack) => {
          const r = lexRole(stack);
          r.addToPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey'], resources: [`arn:aws:kms:us-east-1:${ACCOUNT}:key/*`] }));
          bot(stack, { roleArn: r.roleArn });
        },
        { [`BotRole[Resource::arn:aws:kms:us-east-1:${ACCOUNT}:key/*]`]: 'FAIL' },
      ),
      {
        ...app(
          'a full-access AWS managed policy on the bot role is HIGH',
          (stack) => {
            const r = lexRole(stack);
            r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess'));
            bot(stack, { roleArn: r.roleArn });
          },
          { 'BotRole[ManagedPolicy::AmazonS3FullAccess]': 'FAIL' },
        ),
        severity: 'HIGH',
      },
      {
        ...app('a bot role anyone can assume is HIGH', (stack) => bot(stack, { roleArn: lexRole(stack, new iam.CompositePrincipal(new iam.ServicePrincipal('lexv2.amazonaws.com'), new iam.AnyPrincipal())).roleArn }), {
          'BotRole[Trust::*]': 'FAIL',
        }),
        severity: 'HIGH',
      },
      app('the role also trusts the account', (stack) => bot(stack, { roleArn: lexRole(stack, new iam.CompositePrincipal(new iam.ServicePrincipal('lexv2.amazonaws.com'), new iam.AccountRootPrincipal())).roleArn }), {
        'BotRole[Trust::arn:aws:iam::123456789012:root]': 'FAIL',
      }),
      app(
        'polly:* on "*"',
        (stack) => {
          const r = lexRole(stack);
          r.addToPolicy(new iam.PolicyStatement({ actions: ['polly:*'], resources: ['*'] }));
          bot(stack, { roleArn: r.roleArn });
        },
        { 'BotRole[Action::polly:*]': 'FAIL', 'BotRole[Resource::*]': 'FAIL' },
      ),
      app(
        'granular keys name the trust principal, the action and the resource',
        (stack) => {
          const r = lexRole(stack, new iam.CompositePrincipal(new iam.ServicePrincipal('lexv2.amazonaws.com'), new iam.ServicePrincipal('lambda.amazonaws.com')));
          r.addToPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
          bot(stack, { roleArn: r.roleArn });
        },
        { 'BotRole[Trust::lambda.amazonaws.com]': 'FAIL', 'BotRole[Action::*]': 'FAIL', 'BotRole[Resource::*]': 'FAIL' },
      ),
      {
        name: 'the granular keys come in the order trust, action, resource',
        cdk: (stack) => {
          const r = lexRole(stack, new iam.CompositePrincipal(new iam.ServicePrincipal('lexv2.amazonaws.com'), new iam.ServicePrincipal('lambda.amazonaws.com')));
          r.addToPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
          bot(stack, { roleArn: r.roleArn });
        },
        then: (findings) => expect(findings.map((f) => f.findingKey)).toEqual(['Trust::lambda.amazonaws.com', 'Action::*', 'Resource::*']),
      },
    ],
    UNKNOWN: [
      app('a role ARN from a parameter', (stack) => bot(stack, { roleArn: new CfnParameter(stack, 'RoleArn').valueAsString }), { Bot: 'UNKNOWN' }),
      app('a role outside the app', (stack) => bot(stack, { roleArn: `arn:aws:iam::${ACCOUNT}:role/Elsewhere` }), { Bot: 'UNKNOWN' }),
      app(
        'an AWS managed policy whose content is not in the app',
        (stack) => {
          const r = lexRole(stack);
          r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonPollyReadOnlyAccess'));
          bot(stack, { roleArn: r.roleArn });
        },
        { 'BotRole[ManagedPolicy::arn:aws:iam::aws:policy/AmazonPollyReadOnlyAccess]': 'UNKNOWN' },
      ),
    ],
    NOT_APPLICABLE: [app('the Lex V2 service-linked role', (stack) => bot(stack, { roleArn: SLR_ARN }), { Bot: 'NOT_APPLICABLE' })],
  },
  live: {
    PASS: [{ name: 'a bot role only Lex can assume, with Polly on one lexicon', moto: motoBotRole('lexv2.amazonaws.com'), statuses: { 'bot/Support': 'PASS' } }],
    FAIL: [
      { name: 'a bot role EC2 can also assume', moto: motoBotRole(['lexv2.amazonaws.com', 'ec2.amazonaws.com']), resource: 'role/LexBotRole', findingKey: 'Trust::ec2.amazonaws.com' },
      { name: 's3:* in the bot role (URL-encoded trust policy, as IAM returns it)', moto: motoBotRole('lexv2.amazonaws.com', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::logs/*' }), resource: 'role/LexBotRole' },
    ],
    UNKNOWN: [
      { name: 'the bot role is not in the account', moto: async (aws) => void (await lexBot(aws, { roleArn: `arn:aws:iam::${ACCOUNT}:role/Gone` })), statuses: { 'bot/Support': 'UNKNOWN' } },
      { name: 'iam:GetAccountAuthorizationDetails denied', moto: motoBotRole('lexv2.amazonaws.com'), deny: ['iam:GetAccountAuthorizationDetails'], resource: 'bot/Support' },
    ],
    NOT_APPLICABLE: [{ name: 'a bot on the Lex V2 service-linked role', moto: async (aws) => void (await lexBot(aws)), statuses: { 'bot/Support': 'NOT_APPLICABLE' } }],
  },
} satisfies CheckTable;
