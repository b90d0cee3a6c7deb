import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import { configService } from '../../../lib/sources/account/collectors/config';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { configRecorder, lexBot } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { addBot } from './fixtures';

const recorder = (name: string, group: ((s: Stack) => config.CfnConfigurationRecorder.RecordingGroupProperty) | undefined, status: string): CdkCase => ({
  name,
  cdk: (stack) => {
    addBot(stack);
    new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: 'arn:aws:iam::123456789012:role/config', recordingGroup: group?.(stack) });
  },
  statuses: { Recorder: status },
});
const motoRecorder = (started: boolean, group?: Parameters<typeof configRecorder>[2]) => async (aws: Seed) => {
  await lexBot(aws);
  await configRecorder(aws, started, group);
};
const collectors = [lexBots, configService];

export default {
  synth: {
    PASS: [
      recorder('all supported types', () => ({ allSupported: true }), 'PASS'),
      recorder('no recording group (default: all supported)', undefined, 'PASS'),
      recorder('both Lex types listed', () => ({ allSupported: false, resourceTypes: ['AWS::Lex::Bot', 'AWS::Lex::BotAlias'] }), 'PASS'),
    ],
    FAIL: [
      recorder('only bots listed', () => ({ allSupported: false, resourceTypes: ['AWS::Lex::Bot'] }), 'FAIL'),
      recorder('aliases excluded', () => ({ recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' }, exclusionByResourceTypes: { resourceTypes: ['AWS::Lex::BotAlias'] } }), 'FAIL'),
      { name: 'no recorder in the app: one INFO finding', cdk: (s) => void addBot(s), statuses: { 'Test[Missing::AWS::Config::ConfigurationRecorder]': 'FAIL' }, severity: 'INFO' },
    ],
    UNKNOWN: [recorder('types from a parameter', (s) => ({ resourceTypes: new CfnParameter(s, 'Types', { type: 'CommaDelimitedList' }).valueAsList }), 'UNKNOWN')],
  },
  live: {
    PASS: [{ name: 'a recorder recording every supported type', moto: motoRecorder(true), collectors, statuses: { 'config-recorder/default': 'PASS' } }],
    FAIL: [
      { name: 'a recorder that is not recording', moto: motoRecorder(false), collectors, statuses: { 'config-recorder/default': 'FAIL' } },
      { name: 'a recorder of bots only', moto: motoRecorder(true, { allSupported: false, resourceTypes: ['AWS::Lex::Bot'] }), collectors, statuses: { 'config-recorder/default': 'FAIL' } },
      { name: 'no recorder in the Region is a LOW failure', moto: async (aws) => void (await lexBot(aws)), collectors, statuses: { '123456789012/us-east-1[Missing::AWS::Config::ConfigurationRecorder]': 'FAIL' }, severity: 'LOW' },
    ],
    UNKNOWN: [
      { name: 'config:DescribeConfigurationRecorders denied', moto: motoRecorder(true), collectors, deny: ['config:DescribeConfigurationRecorders'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } },
      { name: 'lex:ListBots denied and no recorder: UNKNOWN, never nothing', moto: async (aws) => void (await lexBot(aws)), collectors, deny: ['lex:ListBots'], statuses: { '123456789012/us-east-1': 'UNKNOWN' }, reason: /AWS::Lex::Bot.*could not be read/ },
    ],
  },
} satisfies CheckTable;
