import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { eventBridgeRules } from '../../../lib/sources/account/collectors/eventbridge-rules';
import { transcribeArtifacts } from '../../../lib/sources/account/collectors/transcribe/artifacts';
import { eventRule, vocabulary } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';

const rule = (name: string, pattern: events.EventPattern, statuses: Record<string, string>, withTarget = true, enabled = true): CdkCase => ({
  name,
  cdk: (stack: Stack) => {
    new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['a'] });
    const r = new events.Rule(stack, 'Rule', { eventPattern: pattern, enabled });
    if (withTarget) r.addTarget(new targets.SnsTopic(new sns.Topic(stack, 'Topic')));
  },
  statuses,
});
const NONE = { 'Test[Missing::AWS::Events::Rule]': 'FAIL' };
const FAILED = { source: ['aws.transcribe'], 'detail-type': ['Transcribe Job State Change'], detail: { TranscriptionJobStatus: ['FAILED'] } };
const motoRule = (pattern: Record<string, unknown>, p: { target?: boolean; enabled?: boolean } = {}) => async (aws: Seed) => {
  await vocabulary(aws, 'products');
  await eventRule(aws, 'transcribe-failures', pattern, p);
};
const collectors = [transcribeArtifacts, eventBridgeRules];

export default {
  synth: {
    PASS: [rule('failed jobs to a topic', { source: ['aws.transcribe'], detail: { TranscriptionJobStatus: ['FAILED'] } }, { Rule: 'PASS' })],
    FAIL: [
      rule('no target', { source: ['aws.transcribe'] }, { Rule: 'FAIL', ...NONE }, false),
      rule('disabled', { source: ['aws.transcribe'] }, { Rule: 'FAIL', ...NONE }, true, false),
      rule('only completed jobs', { source: ['aws.transcribe'], detail: { TranscriptionJobStatus: ['COMPLETED'] } }, { Rule: 'FAIL', ...NONE }),
      rule('a rule for other events', { source: ['aws.s3'] }, NONE),
    ],
    UNKNOWN: [
      {
        name: 'a pattern from a parameter',
        cdk: (stack) => {
          new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['a'] });
          new events.CfnRule(stack, 'Rule', { eventPattern: new CfnParameter(stack, 'Pattern').valueAsString, targets: [{ id: 't', arn: 'arn:aws:sns:us-east-1:123456789012:t' }] });
        },
        statuses: { Rule: 'UNKNOWN' },
      },
    ],
  },
  live: {
    PASS: [{ name: 'a rule routing failed jobs to a topic (ListRules, ListTargetsByRule)', moto: motoRule(FAILED), collectors, statuses: { 'rule/default/transcribe-failures': 'PASS' } }],
    FAIL: [
      { name: 'a rule without targets', moto: motoRule(FAILED, { target: false }), collectors, resource: 'rule/default/transcribe-failures' },
      { name: 'a disabled rule', moto: motoRule(FAILED, { enabled: false }), collectors, resource: 'rule/default/transcribe-failures' },
    ],
    UNKNOWN: [{ name: 'events:ListRules denied', moto: motoRule(FAILED), collectors, deny: ['events:ListRules'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
