import { Unknown } from '../../../lib/model/values';
import { audioLogs, bucket, lexAlias, lexBot, logGroup, textLogs } from '../../tester/seed';
import { liveResource, scope, type CheckTable, type Seed } from '../../tester';

/** A moto alias Prod logging text (and audio when `audio`), selectively or not. */
const motoLogs = (selective: boolean, audio = false) => async (aws: Seed) => {
  const text = textLogs(await logGroup(aws, '/lex/support'), selective);
  const sound = audio ? audioLogs(await bucket(aws, 'audio-logs'), undefined, selective) : {};
  await lexAlias(aws, await lexBot(aws), { conversationLogSettings: { ...text, ...sound } });
};
const aliasWith = (setting: Record<string, unknown> | Unknown) => [
  scope([liveResource('AWS::Lex::BotAlias', 'bot/B/alias/Prod', { BotId: 'B', BotAliasName: 'Prod', ConversationLogSettings: { TextLogSettings: [setting] } })]),
];

export default {
  live: {
    PASS: [{ name: 'selective text and audio logging', moto: motoLogs(true, true), statuses: { 'bot/Support': 'NOT_APPLICABLE', 'bot/Support/alias/Prod[Text]': 'PASS', 'bot/Support/alias/Prod[Audio]': 'PASS' } }],
    FAIL: [
      { name: 'every conversation is logged', moto: motoLogs(false), statuses: { 'bot/Support': 'NOT_APPLICABLE', 'bot/Support/alias/Prod[Text]': 'FAIL' } },
      { name: 'the flag absent (the API default is full logging)', emulated: 'moto echoes selectiveLoggingEnabled: false where AWS leaves it out', stacks: aliasWith({ Enabled: true }), statuses: { 'bot/B/alias/Prod[Text]': 'FAIL' } },
    ],
    UNKNOWN: [
      { name: 'lex:DescribeBotAlias denied (the alias is known by its id only)', moto: motoLogs(true), deny: ['lex:DescribeBotAlias'], findingKey: 'Text', reason: /lex:DescribeBotAlias was denied/ },
      { name: 'a setting that could not be read', emulated: 'one member unknown while the rest of the alias reads (a partial answer moto cannot give)', stacks: aliasWith({ Enabled: true, SelectiveLoggingEnabled: new Unknown('lex:DescribeBotAlias was denied') }), statuses: { 'bot/B/alias/Prod[Text]': 'UNKNOWN' } },
    ],
    NOT_APPLICABLE: [{ name: 'logging off', emulated: 'a disabled setting, as AWS returns it', stacks: aliasWith({ Enabled: false }), statuses: { 'bot/B/alias/Prod': 'NOT_APPLICABLE' } }],
  },
} satisfies CheckTable;
