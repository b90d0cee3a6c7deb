import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as organizations from 'aws-cdk-lib/aws-organizations';
import { lexBot } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable } from '../../tester';
import { newBot } from './lex-fixtures';

const optOut = { '@@assign': 'optOut' };
const policy = (stack: Stack, content: unknown, type = 'AISERVICES_OPT_OUT_POLICY') => new organizations.CfnPolicy(stack, 'OptOut', { name: 'ai-opt-out', type, content });
const withPolicy = (name: string, content: unknown | ((s: Stack) => unknown), status: string): CdkCase => ({
  name,
  cdk: (stack) => {
    newBot(stack);
    policy(stack, typeof content === 'function' ? content(stack) : content);
  },
  statuses: { OptOut: status },
});
const NO_EFFECTIVE = 'moto 5.2 has no DescribeEffectivePolicy (HTTP 500): no effective AI-services opt-out policy can be read';

/** A live account: one bot in us-east-1, and the effective policy (if any) in the global scope. */
const liveAccount = (effective?: unknown) => [
  scope([liveResource('AWS::Lex::Bot', 'bot/Support', {})]),
  scope(effective === undefined ? [] : [liveResource('AWS::Organizations::Policy', 'organizations/effective-ai-opt-out-policy', { Type: 'AISERVICES_OPT_OUT_POLICY', Content: JSON.stringify(effective) })], { region: 'global' }),
];

export default {
  synth: {
    PASS: [
      withPolicy('lex opted out', { services: { lex: { opt_out_policy: optOut } } }, 'PASS'),
      withPolicy('default opted out', { services: { default: { opt_out_policy: optOut } } }, 'PASS'),
      {
        name: 'content written as a JSON string (CloudFormation accepts both)',
        cdk: (stack) => {
          newBot(stack);
          policy(stack, {}).addPropertyOverride('Content', JSON.stringify({ services: { default: { opt_out_policy: optOut } } }));
        },
        statuses: { OptOut: 'PASS' },
      },
    ],
    FAIL: [
      withPolicy('lex opted back in over default', { services: { default: { opt_out_policy: optOut }, lex: { opt_out_policy: { '@@assign': 'optIn' } } } }, 'FAIL'),
      withPolicy('only another service opted out', { services: { rekognition: { opt_out_policy: optOut } } }, 'FAIL'),
      {
        name: 'no opt-out policy in the app: one INFO finding on the stack',
        cdk: (stack) => {
          newBot(stack);
          policy(stack, { Version: '2012-10-17', Statement: [] }, 'SERVICE_CONTROL_POLICY');
        },
        statuses: { Test: 'FAIL' },
        severity: 'INFO',
        reason: /no AI-services opt-out policy is defined in this app \(usually managed in the organization's management account\)/,
      },
    ],
    UNKNOWN: [withPolicy('content from a parameter without default', (s: Stack) => new CfnParameter(s, 'Content').valueAsString, 'UNKNOWN')],
  },
  live: {
    PASS: [{ name: 'the effective policy opts lex out', emulated: NO_EFFECTIVE, stacks: liveAccount({ services: { lex: { opt_out_policy: 'optOut' } } }), statuses: { 'organizations/effective-ai-opt-out-policy': 'PASS' } }],
    FAIL: [
      { name: 'the effective policy opts lex back in over default', emulated: NO_EFFECTIVE, stacks: liveAccount({ services: { default: { opt_out_policy: 'optOut' }, lex: { opt_out_policy: 'optIn' } } }) },
      { name: 'no effective policy applies: a finding at the check severity', emulated: NO_EFFECTIVE, stacks: liveAccount(), severity: 'MEDIUM', statuses: { '123456789012/us-east-1': 'FAIL' } },
    ],
    UNKNOWN: [{ name: 'the effective policy cannot be read (DescribeEffectivePolicy fails)', moto: async (aws) => void (await lexBot(aws)), reason: /organizations:DescribeEffectivePolicy/ }],
  },
} satisfies CheckTable;
