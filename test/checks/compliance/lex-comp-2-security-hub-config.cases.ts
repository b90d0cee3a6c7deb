import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import * as config from 'aws-cdk-lib/aws-config';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import type { Stack } from 'aws-cdk-lib';
import { configService } from '../../../lib/sources/account/collectors/config';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { securityHub } from '../../../lib/sources/account/collectors/security-hub';
import { lexBot } from '../../tester/seed';
import { liveResource, scope, type CheckTable, type Seed } from '../../tester';
import { newBot } from '../data-protection/lex-fixtures';

const baseline = (stack: Stack) => {
  new securityhub.CfnHub(stack, 'Hub', {});
  new securityhub.CfnStandard(stack, 'Fsbp', { standardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0' });
  new config.CfnConfigRule(stack, 'Rule', { source: { owner: 'AWS', sourceIdentifier: 'S3_BUCKET_SSL_REQUESTS_ONLY' } });
};
const NO_STANDARDS = 'moto 5.2 has no securityhub:GetEnabledStandards (HTTP 404): an enabled standard is never listed';
const bot = (region: string) => liveResource('AWS::Lex::Bot', `Bot-${region}`, { Name: 'b' });
const collectors = [lexBots, securityHub, configService];
const motoHub = (enabled: boolean) => async (aws: Seed) => {
  await lexBot(aws);
  if (enabled) await aws.client(SecurityHubClient).send(new EnableSecurityHubCommand({}));
};

export default {
  synth: {
    PASS: [
      {
        name: 'the app defines all three',
        cdk: (stack) => {
          newBot(stack);
          baseline(stack);
        },
        statuses: { Hub: 'PASS', Fsbp: 'PASS', Rule: 'PASS' },
      },
    ],
    FAIL: [
      {
        // INFO, as LEX-MON-1 and LEX-MON-7 report a baseline that is not in the app: no app template can fix it.
        name: 'absent from the app: one INFO finding per missing part on the stack',
        cdk: (stack) => void newBot(stack),
        statuses: { 'Test[SecurityHub::Hub]': 'FAIL', 'Test[SecurityHub::Standard]': 'FAIL', 'Test[Config::ConfigRule]': 'FAIL' },
        severity: 'INFO',
        reason: /^a Security Hub hub \(AWS::SecurityHub::Hub\) is not defined in this app \(often in a baseline stack\)/,
      },
    ],
    UNKNOWN: [
      {
        // Formerly DISPUTED (PASS): the baseline exists only when condition Prod holds, which a parameter without default decides.
        name: 'a baseline that exists only under a condition of a parameter without default',
        template: {
          Parameters: { Env: { Type: 'String' } },
          Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
          Resources: {
            Bot: { Type: 'AWS::Lex::Bot', Properties: { Name: 'b', RoleArn: 'arn:aws:iam::123456789012:role/r', DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 } },
            Hub: { Type: 'AWS::SecurityHub::Hub', Condition: 'Prod' },
            Fsbp: { Type: 'AWS::SecurityHub::Standard', Condition: 'Prod', Properties: { StandardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0' } },
            Rule: { Type: 'AWS::Config::ConfigRule', Condition: 'Prod', Properties: { Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_SSL_REQUESTS_ONLY' } } },
          },
        },
        reason: /deployed only when condition Prod is true, which cannot be known/,
        statuses: { Hub: 'UNKNOWN', Fsbp: 'UNKNOWN', Rule: 'UNKNOWN' },
      },
    ],
  },
  live: {
    PASS: [
      {
        name: 'Security Hub with a ready standard and an active Config rule',
        emulated: NO_STANDARDS,
        stacks: [
          scope([
            bot('us-east-1'),
            liveResource('AWS::SecurityHub::Hub', 'HubUse1', {}),
            liveResource('AWS::SecurityHub::Standard', 'StdUse1', { StandardsStatus: 'READY' }),
            liveResource('AWS::Config::ConfigRule', 'RuleUse1', { ConfigRuleState: 'ACTIVE' }),
          ]),
        ],
        statuses: { HubUse1: 'PASS', StdUse1: 'PASS', RuleUse1: 'PASS' },
      },
    ],
    FAIL: [
      {
        name: 'Security Hub not enabled, no Config rule',
        moto: motoHub(false),
        collectors,
        statuses: { '123456789012/us-east-1[SecurityHub::Hub]': 'FAIL', '123456789012/us-east-1[SecurityHub::Standard]': 'FAIL', '123456789012/us-east-1[Config::ConfigRule]': 'FAIL' },
      },
      {
        name: 'judged per Region that holds a bot; a failed standard; an unreadable service is left to the coverage gap',
        emulated: 'moto has no securityhub:GetEnabledStandards, and one Region per test',
        stacks: [
          scope([
            bot('us-east-1'),
            liveResource('AWS::SecurityHub::Hub', 'HubUse1', {}),
            liveResource('AWS::SecurityHub::Standard', 'StdUse1', { StandardsStatus: 'READY' }),
            liveResource('AWS::SecurityHub::Standard', 'StdFailed', { StandardsStatus: 'FAILED' }),
            liveResource('AWS::Config::ConfigRule', 'RuleUse1', { ConfigRuleState: 'ACTIVE' }),
          ]),
          scope([bot('eu-west-1'), liveResource('AWS::Config::ConfigRule', 'RuleEuw1', {})], { region: 'eu-west-1', gaps: [{ types: ['AWS::SecurityHub::Standard'], reason: 'securityhub:GetEnabledStandards was denied' }] }),
        ],
        statuses: { HubUse1: 'PASS', StdUse1: 'PASS', StdFailed: 'FAIL', RuleUse1: 'PASS', RuleEuw1: 'PASS', '123456789012/eu-west-1': 'UNKNOWN', '123456789012/eu-west-1[SecurityHub::Hub]': 'FAIL' },
        then: (findings) =>
          expect(findings.filter((f) => f.resource.region === 'eu-west-1' && f.status === 'FAIL').map((f) => [f.findingKey, f.reason])).toEqual([['SecurityHub::Hub', 'Security Hub is not enabled in this Region']]),
      },
    ],
    UNKNOWN: [{ name: 'an enabled hub whose standards moto cannot list', moto: motoHub(true), collectors, then: (f) => expect(f.filter((x) => x.status === 'UNKNOWN').map((x) => x.reason)).toEqual([expect.stringContaining('securityhub:GetEnabledStandards')]) }],
  },
} satisfies CheckTable;
