import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as organizations from 'aws-cdk-lib/aws-organizations';
import * as transcribe from 'aws-cdk-lib/aws-transcribe';
import { VOCABULARY } from '../../../lib/model/types/transcribe';
import { vocabulary } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

const withPolicy = (name: string, content: unknown, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack: Stack) => {
    new transcribe.CfnVocabulary(stack, 'Vocab', { vocabularyName: 'v', languageCode: 'en-US', phrases: ['a'] });
    const value = typeof content === 'function' ? (content as (s: Stack) => unknown)(stack) : content;
    if (value) new organizations.CfnPolicy(stack, 'OptOut', { name: 'o', type: 'AISERVICES_OPT_OUT_POLICY', content: value });
  },
  statuses,
});
const NO_EFFECTIVE = 'moto 5.2 has no DescribeEffectivePolicy (HTTP 500): no effective AI-services opt-out policy can be read';
const liveAccount = (effective?: unknown) => [
  scope([liveResource(VOCABULARY, 'vocabulary/v', { VocabularyName: 'v' })]),
  scope(effective === undefined ? [] : [liveResource('AWS::Organizations::Policy', 'organizations/effective-ai-opt-out-policy', { Type: 'AISERVICES_OPT_OUT_POLICY', Content: JSON.stringify(effective) })], { region: 'global' }),
];

export default {
  synth: {
    PASS: [withPolicy('transcribe opted out', { services: { transcribe: { opt_out_policy: { '@@assign': 'optOut' } } } }, { OptOut: 'PASS' })],
    FAIL: [
      withPolicy('only lex opted out', { services: { lex: { opt_out_policy: { '@@assign': 'optOut' } } } }, { OptOut: 'FAIL' }),
      withPolicy('no policy in the app', undefined, { Test: 'FAIL' }),
      { name: 'an app that only starts jobs from a state machine is a Transcribe workload', cdk: (stack) => void jobStateMachine(stack, {}), statuses: { Test: 'FAIL' }, severity: 'INFO' },
    ],
    UNKNOWN: [withPolicy('a policy whose content comes from a parameter', (s: Stack) => new CfnParameter(s, 'Content').valueAsString, { OptOut: 'UNKNOWN' })],
  },
  live: {
    PASS: [{ name: 'the effective policy opts transcribe out', emulated: NO_EFFECTIVE, stacks: liveAccount({ services: { transcribe: { opt_out_policy: 'optOut' } } }), statuses: { 'organizations/effective-ai-opt-out-policy': 'PASS' } }],
    FAIL: [{ name: 'no effective policy applies to an account using Transcribe', emulated: NO_EFFECTIVE, stacks: liveAccount(), statuses: { '123456789012/us-east-1': 'FAIL' }, severity: 'MEDIUM' }],
    UNKNOWN: [{ name: 'the effective policy cannot be read (DescribeEffectivePolicy fails)', moto: (aws) => vocabulary(aws, 'products'), reason: /organizations:DescribeEffectivePolicy/ }],
  },
} satisfies CheckTable;
