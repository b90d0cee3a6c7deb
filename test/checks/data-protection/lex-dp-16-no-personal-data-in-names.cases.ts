import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import type * as lex from 'aws-cdk-lib/aws-lex';
import { lexAlias, lexBot } from '../../tester/seed';
import type { CdkCase, CheckTable } from '../../tester';
import { newAlias, newBot } from './lex-fixtures';

const names = (name: string, bot: (s: Stack) => Partial<lex.CfnBotProps>, alias: Partial<lex.CfnBotAliasProps>, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (s) => void newAlias(s, newBot(s, bot(s)), alias),
  statuses,
});

export default {
  synth: {
    PASS: [names('a name built with Fn::Join around a stack name', (s) => ({ name: Fn.join('-', [s.stackName, 'support']) }), {}, { Bot: 'PASS', Alias: 'PASS' })],
    FAIL: [
      names('an email in the bot description', () => ({ description: 'Owner: jane.doe@example.com' }), {}, { 'Bot[Description::email]': 'FAIL', Alias: 'PASS' }),
      names('a phone number in a bot tag', () => ({ botTags: [{ key: 'oncall', value: '+14155550100' }] }), {}, { 'Bot[BotTags.0.Value::phone]': 'FAIL', Alias: 'PASS' }),
      names(
        'an SSN in an alias log prefix',
        () => ({}),
        { conversationLogSettings: { textLogSettings: [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:1:log-group:g', logPrefix: 'user-123-45-6789/' } } }] } },
        { Bot: 'PASS', 'Alias[ConversationLogSettings.TextLogSettings.0.Destination.CloudWatch.LogPrefix::ssn]': 'FAIL' },
      ),
      {
        name: 'reasons never repeat the personal data',
        cdk: (s) => void newBot(s, { description: 'jane.doe@example.com' }),
        then: (findings) => expect(findings.map((f) => f.reason).join(' ')).not.toContain('jane'),
      },
    ],
    UNKNOWN: [names('a description from a parameter', (s) => ({ description: new CfnParameter(s, 'Description').valueAsString }), {}, { 'Bot[Description]': 'UNKNOWN', Alias: 'PASS' })],
  },
  live: {
    PASS: [{ name: 'plain names and tags (ListBots, ListTagsForResource)', moto: async (aws) => void (await lexAlias(aws, await lexBot(aws, { tags: { team: 'support' } }))), statuses: { 'bot/Support': 'PASS', 'bot/Support/alias/Prod': 'PASS' } }],
    FAIL: [
      {
        name: 'an email in the bot description (DescribeBot)',
        moto: async (aws) => void (await lexBot(aws, { extra: { description: 'Owner: jane.doe@example.com' } })),
        statuses: { 'bot/Support[Description::email]': 'FAIL' },
      },
      { name: 'a phone number in a bot tag', moto: async (aws) => void (await lexBot(aws, { tags: { oncall: '+14155550100' } })), statuses: { 'bot/Support[BotTags.0.Value::phone]': 'FAIL' } },
    ],
    UNKNOWN: [{ name: 'lex:ListTagsForResource denied', moto: async (aws) => void (await lexBot(aws)), deny: ['lex:ListTagsForResource'], resource: 'bot/Support', findingKey: 'BotTags' }],
  },
} satisfies CheckTable;
