import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import check from '../../../checks/monitoring/lex-mon-7-config-recorder';
import { synthStack } from '../../helpers/synth';
import { LIVE_BOT, addBot, live, statusesOf } from './fixtures';

const ID = 'LEX-MON-7';

function recorder(stack: Stack, recordingGroup?: config.CfnConfigurationRecorder.RecordingGroupProperty) {
  new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: 'arn:aws:iam::123456789012:role/config', recordingGroup });
}

describe('LEX-MON-7 AWS Config records Lex bots and aliases', () => {
  test.each<[string, string, (stack: Stack) => void]>([
    ['PASS', 'all supported types', (stack) => recorder(stack, { allSupported: true })],
    ['PASS', 'no recording group (default: all supported)', (stack) => recorder(stack)],
    ['PASS', 'both Lex types listed', (stack) => recorder(stack, { allSupported: false, resourceTypes: ['AWS::Lex::Bot', 'AWS::Lex::BotAlias'] })],
    ['FAIL', 'only bots listed', (stack) => recorder(stack, { allSupported: false, resourceTypes: ['AWS::Lex::Bot'] })],
    [
      'FAIL',
      'aliases excluded',
      (stack) =>
        recorder(stack, { recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' }, exclusionByResourceTypes: { resourceTypes: ['AWS::Lex::BotAlias'] } }),
    ],
    ['UNKNOWN', 'types from a parameter', (stack) => recorder(stack, { resourceTypes: new CfnParameter(stack, 'Types', { type: 'CommaDelimitedList' }).valueAsList })],
  ])('%s: %s', (expected, _what, build) => {
    const out = synthStack((stack) => {
      addBot(stack);
      build(stack);
    });
    expect(out.statuses(ID)).toEqual({ Recorder: expected });
  });

  test('no recorder in the app: one INFO finding', () => {
    expect(synthStack((stack) => addBot(stack)).of(ID)).toMatchObject([{ status: 'FAIL', severity: 'INFO', resource: { logicalId: 'Test' } }]);
  });

  describe('live-shaped resources', () => {
    const rec = (props: Record<string, unknown>) => ({ type: 'AWS::Config::ConfigurationRecorder', id: 'default', props });
    test.each([
      ['PASS', { RecordingGroup: { AllSupported: true }, Recording: true }],
      ['FAIL', { RecordingGroup: { AllSupported: true }, Recording: false }],
    ])('%s: %j', (expected, props) => {
      expect(statusesOf(live([check], [LIVE_BOT, rec(props)])).default).toBe(expected);
    });

    test('no recorder in the Region is a LOW failure', () => {
      expect(live([check], [LIVE_BOT])).toMatchObject([{ status: 'FAIL', severity: 'LOW' }]);
    });
  });
});
