import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import * as config from 'aws-cdk-lib/aws-config';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { TRANSCRIPTION_JOB } from '../../../lib/model/types/transcribe';
import { Unknown } from '../../../lib/model/values';
import { auditManager } from '../../../lib/sources/account/collectors/audit-manager';
import { configService } from '../../../lib/sources/account/collectors/config';
import { AUDIT_MANAGER_ACCOUNT } from '../../../lib/model/types/auditmanager';
import { securityHub } from '../../../lib/sources/account/collectors/security-hub';
import { transcribeArtifacts } from '../../../lib/sources/account/collectors/transcribe/artifacts';
import { vocabulary } from '../../tester/seed';
import { liveResource, scope, type CheckTable, type ResourcesCase, type Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

const NO_STANDARDS = 'moto 5.2 has neither securityhub:GetEnabledStandards nor auditmanager:GetAccountStatus (HTTP 404)';
const workload = () => [
  liveResource(TRANSCRIPTION_JOB, 'transcription-job/a', { TranscriptionJobName: 'a', OutputLocationType: 'CUSTOMER_BUCKET' }),
  liveResource('AWS::SecurityHub::Hub', 'security-hub', {}),
  liveResource('AWS::SecurityHub::Standard', 'security-hub/standard/fsbp', { StandardsArn: 'arn:aws:securityhub:us-east-1::standards/fsbp', StandardsStatus: 'READY' }),
  liveResource('AWS::Config::ConfigRule', 'config-rule/s3', { ConfigRuleName: 's3', ConfigRuleState: 'ACTIVE' }),
];
const auditStatus = (name: string, status: unknown, expected: string): ResourcesCase => ({
  name,
  emulated: NO_STANDARDS,
  stacks: [scope([...workload(), liveResource(AUDIT_MANAGER_ACCOUNT, 'audit-manager', { Status: status })])],
  findingKey: 'AuditManager',
  then: (findings) => expect(findings.find((f) => f.findingKey === 'AuditManager')?.status).toBe(expected),
});
const NONE = { 'Test[SecurityHub::Hub]': 'FAIL', 'Test[SecurityHub::Standard]': 'FAIL', 'Test[Config::ConfigRule]': 'FAIL' };
const collectors = [transcribeArtifacts, securityHub, configService, auditManager];
const motoHub = (enabled: boolean) => async (aws: Seed) => {
  await vocabulary(aws, 'products');
  if (enabled) await aws.client(SecurityHubClient).send(new EnableSecurityHubCommand({}));
};

export default {
  synth: {
    PASS: [
      {
        name: 'all three present',
        cdk: (stack) => {
          jobStateMachine(stack, {});
          new securityhub.CfnHub(stack, 'Hub');
          new securityhub.CfnStandard(stack, 'Standard', { standardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0' });
          new config.CfnConfigRule(stack, 'Rule', { source: { owner: 'AWS', sourceIdentifier: 'S3_BUCKET_SSL_REQUESTS_ONLY' } });
        },
        statuses: { Hub: 'PASS', Standard: 'PASS', Rule: 'PASS' },
      },
    ],
    FAIL: [
      // INFO at synth, like the trail and recorder reminders: absence from an app only means "not in this app".
      { name: 'none in the app: INFO', cdk: (stack) => void jobStateMachine(stack, {}), statuses: NONE, severity: 'INFO', reason: /^a Security Hub hub \(AWS::SecurityHub::Hub\) is not defined in this app/ },
      {
        name: 'an app whose Transcribe is a data-access role',
        cdk: (stack) => void new iam.Role(stack, 'DataAccess', { assumedBy: new iam.ServicePrincipal('transcribe.amazonaws.com') }),
        statuses: NONE,
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
            Vocab: { Type: 'AWS::Transcribe::Vocabulary', Properties: { VocabularyName: 'v', LanguageCode: 'en-US', Phrases: ['a'] } },
            Hub: { Type: 'AWS::SecurityHub::Hub', Condition: 'Prod' },
            Standard: { Type: 'AWS::SecurityHub::Standard', Condition: 'Prod', Properties: { StandardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0' } },
            Rule: { Type: 'AWS::Config::ConfigRule', Condition: 'Prod', Properties: { Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_SSL_REQUESTS_ONLY' } } },
          },
        },
        reason: /deployed only when condition Prod is true, which cannot be known/,
        statuses: { Hub: 'UNKNOWN', Standard: 'UNKNOWN', Rule: 'UNKNOWN' },
      },
    ],
  },
  live: {
    PASS: [auditStatus('Security Hub with a standard, a Config rule, Audit Manager active', 'ACTIVE', 'PASS')],
    FAIL: [
      { name: 'Security Hub not enabled, no Config rule', moto: motoHub(false), collectors, resource: '123456789012/us-east-1', findingKey: 'SecurityHub::Hub' },
      auditStatus('Audit Manager inactive', 'INACTIVE', 'FAIL'),
    ],
    UNKNOWN: [
      { name: 'standards and Audit Manager moto cannot read are UNKNOWN, not a pass', moto: motoHub(true), collectors, reason: /auditmanager:GetAccountStatus|securityhub:GetEnabledStandards/ },
      auditStatus('Audit Manager status unreadable', new Unknown('auditmanager:GetAccountStatus was denied'), 'UNKNOWN'),
    ],
  },
} satisfies CheckTable;
