import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as organizations from 'aws-cdk-lib/aws-organizations';
import lexDp9 from '../../../checks/data-protection/lex-dp-9-ai-opt-out';
import { optOutFor } from '../../../checks/shared/ai-opt-out';
import { synthStack } from '../../helpers/synth';
import { newBot } from './lex-fixtures';
import { live, runLive, scope } from './live-graph';

const optOut = { '@@assign': 'optOut' };
const policy = (stack: Stack, content: unknown, type = 'AISERVICES_OPT_OUT_POLICY') =>
  new organizations.CfnPolicy(stack, 'OptOut', { name: 'ai-opt-out', type, content });

describe('LEX-DP-9 AI-services opt-out policy', () => {
  test.each([
    ['PASS', 'lex opted out', { services: { lex: { opt_out_policy: optOut } } }],
    ['PASS', 'default opted out', { services: { default: { opt_out_policy: optOut } } }],
    ['FAIL', 'lex opted back in over default', { services: { default: { opt_out_policy: optOut }, lex: { opt_out_policy: { '@@assign': 'optIn' } } } }],
    ['FAIL', 'only another service opted out', { services: { rekognition: { opt_out_policy: optOut } } }],
    ['UNKNOWN', 'content from a parameter without default', (stack: Stack) => new CfnParameter(stack, 'Content').valueAsString],
  ])('%s: %s', (expected, _what, content) => {
    const out = synthStack((stack) => {
      newBot(stack);
      policy(stack, typeof content === 'function' ? content(stack) : content);
    });
    expect(out.statuses('LEX-DP-9')).toEqual({ OptOut: expected });
  });

  test('PASS: content written as a JSON string (CloudFormation accepts both)', () => {
    const out = synthStack((stack) => {
      newBot(stack);
      policy(stack, {}).addPropertyOverride('Content', JSON.stringify({ services: { default: { opt_out_policy: optOut } } }));
    });
    expect(out.statuses('LEX-DP-9')).toEqual({ OptOut: 'PASS' });
  });

  test('no policy in the app: one INFO finding on the stack', () => {
    const out = synthStack((stack) => {
      newBot(stack);
      policy(stack, { Version: '2012-10-17', Statement: [] }, 'SERVICE_CONTROL_POLICY');
    });
    const [finding, ...rest] = out.of('LEX-DP-9');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ status: 'FAIL', severity: 'INFO', resource: { type: 'AWS::CloudFormation::Stack', logicalId: 'Test' } });
    expect(finding.reason).toMatch(/no AI-services opt-out policy is defined in this app \(usually managed in the organization's management account\)/);
  });

  test('live: the effective policy form', () => {
    const effective = JSON.stringify({ services: { lex: { opt_out_policy: 'optOut' } } });
    const { statuses } = runLive(lexDp9, [
      scope('us-east-1', [live('AWS::Lex::Bot', 'Bot', {}), live('AWS::Organizations::Policy', 'Effective', { Type: 'AISERVICES_OPT_OUT_POLICY', Content: effective })]),
    ]);
    expect(statuses).toEqual({ Effective: 'PASS' });
  });

  test('live: no effective policy is a finding at the check severity', () => {
    const { findings } = runLive(lexDp9, [scope('us-east-1', [live('AWS::Lex::Bot', 'Bot', {})])]);
    expect(findings.map((f) => [f.status, f.severity])).toEqual([['FAIL', 'MEDIUM']]);
  });

  test('live: not in an organization arrives as a coverage gap, reported once as UNKNOWN', () => {
    const gaps = [{ types: ['AWS::Organizations::Policy'], reason: 'the account is not a member of an organization' }];
    const { findings } = runLive(lexDp9, [scope('us-east-1', [live('AWS::Lex::Bot', 'Bot', {})], { gaps })]);
    expect(findings.map((f) => [f.status, f.reason])).toEqual([['UNKNOWN', 'AWS::Organizations::Policy could not be read: the account is not a member of an organization']]);
  });

  test('the effective form of a service entry wins over default', () => {
    expect(optOutFor({ services: { default: { opt_out_policy: 'optOut' }, lex: { opt_out_policy: 'optIn' } } }, 'lex')).toMatchObject({ optedOut: false });
  });
});
