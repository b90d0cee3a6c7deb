import * as config from 'aws-cdk-lib/aws-config';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import type { Stack } from 'aws-cdk-lib';
import lexComp2 from '../../../checks/compliance/lex-comp-2-security-hub-config';
import { synthStack } from '../../helpers/synth';
import { newBot } from '../data-protection/lex-fixtures';
import { live, runLive, scope } from '../data-protection/live-graph';

const baseline = (stack: Stack) => {
  new securityhub.CfnHub(stack, 'Hub', {});
  new securityhub.CfnStandard(stack, 'Fsbp', { standardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0' });
  new config.CfnConfigRule(stack, 'Rule', { source: { owner: 'AWS', sourceIdentifier: 'S3_BUCKET_SSL_REQUESTS_ONLY' } });
};

describe('LEX-COMP-2 Security Hub and Config rules in bot Regions', () => {
  test('absent from the app: one LOW finding per missing part on the stack', () => {
    const out = synthStack((stack) => newBot(stack));
    const findings = out.of('LEX-COMP-2');
    expect(findings.map((f) => [f.resource.type, f.status, f.severity, f.findingKey])).toEqual([
      ['AWS::CloudFormation::Stack', 'FAIL', 'LOW', 'SecurityHub::Hub'],
      ['AWS::CloudFormation::Stack', 'FAIL', 'LOW', 'SecurityHub::Standard'],
      ['AWS::CloudFormation::Stack', 'FAIL', 'LOW', 'Config::ConfigRule'],
    ]);
    expect(findings[0].reason).toMatch(/not defined in this app \(often in a baseline stack\)/);
  });

  test('PASS when the app defines all three', () => {
    const out = synthStack((stack) => {
      newBot(stack);
      baseline(stack);
    });
    expect(out.statuses('LEX-COMP-2')).toEqual({ Hub: 'PASS', Fsbp: 'PASS', Rule: 'PASS' });
  });

  test('nothing to report without a bot', () => {
    expect(synthStack(baseline).of('LEX-COMP-2')).toEqual([]);
  });

  test('live: judged per Region that holds a bot; an unreadable service is left to the coverage gap', () => {
    const bot = (region: string) => live('AWS::Lex::Bot', `Bot-${region}`, { Name: 'b' });
    const { statuses, findings } = runLive(lexComp2, [
      scope('us-east-1', [
        bot('us-east-1'),
        live('AWS::SecurityHub::Hub', 'HubUse1', {}),
        live('AWS::SecurityHub::Standard', 'StdUse1', { StandardsStatus: 'READY' }),
        live('AWS::SecurityHub::Standard', 'StdFailed', { StandardsStatus: 'FAILED' }),
        live('AWS::Config::ConfigRule', 'RuleUse1', { ConfigRuleState: 'ACTIVE' }),
      ]),
      scope('eu-west-1', [bot('eu-west-1'), live('AWS::Config::ConfigRule', 'RuleEuw1', {})], {
        gaps: [{ types: ['AWS::SecurityHub::Standard'], reason: 'securityhub:GetEnabledStandards was denied' }],
      }),
    ]);
    expect(statuses).toEqual({ HubUse1: 'PASS', StdUse1: 'PASS', StdFailed: 'FAIL', RuleUse1: 'PASS', RuleEuw1: 'PASS', '123456789012/eu-west-1': 'UNKNOWN,FAIL' });
    const euw1 = findings.filter((f) => f.resource.region === 'eu-west-1' && f.status === 'FAIL');
    expect(euw1.map((f) => [f.findingKey, f.reason])).toEqual([['SecurityHub::Hub', 'Security Hub is not enabled in this Region']]);
  });
});
