import { CfnParameter } from 'aws-cdk-lib';
import type * as lex from 'aws-cdk-lib/aws-lex';
import { mockedLexBot } from '../../tester/lex-mock';
import { lexBot } from '../../tester/seed';
import type { CheckTable } from '../../tester';
import { newBot } from './lex-fixtures';

const slot = (name: string, obfuscation?: string): lex.CfnBot.SlotProperty => ({
  name,
  slotTypeName: 'AMAZON.FreeFormInput',
  valueElicitationSetting: { slotConstraint: 'Required' },
  ...(obfuscation ? { obfuscationSetting: { obfuscationSettingType: obfuscation } } : {}),
});
const locales = (...slots: lex.CfnBot.SlotProperty[]): lex.CfnBot.BotLocaleProperty[] => [
  { localeId: 'en_US', nluConfidenceThreshold: 0.4, intents: [{ name: 'Book', slots }, { name: 'FallbackIntent', parentIntentSignature: 'AMAZON.FallbackIntent' }] },
];
const NO_LOCALES = 'moto 5.2 has no ListBotLocales (HTTP 500): slots are never listed';

export default {
  synth: {
    PASS: [{ name: 'slots keeping the default', cdk: (s) => void newBot(s, { botLocales: locales(slot('Email', 'DefaultObfuscation'), slot('Date')) }), statuses: { Bot: 'PASS' } }],
    FAIL: [
      { name: 'a slot with obfuscation None', cdk: (s) => void newBot(s, { botLocales: locales(slot('Email', 'None'), slot('Date')) }), statuses: { 'Bot[Slot::en_US/Book/Email]': 'FAIL' } },
      {
        name: 'option: PII-like slots must set DefaultObfuscation explicitly',
        cdk: (s) => void newBot(s, { botLocales: locales(slot('EmailAddress'), slot('Date')) }),
        options: { requireExplicitObfuscationFor: 'email|phone|card' },
        statuses: { 'Bot[Slot::en_US/Book/EmailAddress]': 'FAIL' },
      },
      {
        name: 'a bot classified phi: HIGH',
        cdk: (s) => void newBot(s, { botLocales: locales(slot('Email', 'None')), botTags: [{ key: 'data-classification', value: 'phi' }] }),
        severity: 'HIGH',
        statuses: { 'Bot[Slot::en_US/Book/Email]': 'FAIL' },
      },
    ],
    UNKNOWN: [
      {
        name: 'obfuscation from a parameter',
        cdk: (s) => void newBot(s, { botLocales: locales(slot('Email', new CfnParameter(s, 'Obf').valueAsString)) }),
        statuses: { 'Bot[Slot::en_US/Book/Email]': 'UNKNOWN' },
      },
    ],
    NOT_APPLICABLE: [{ name: 'no slots', cdk: (s) => void newBot(s, { botLocales: locales() }), statuses: { Bot: 'NOT_APPLICABLE' } }],
  },
  live: {
    PASS: [mockedLexBot('every slot keeps obfuscation (DescribeSlot)', NO_LOCALES, { slots: { CardNumber: 'DefaultObfuscation' } }, { statuses: { 'bot/Support': 'PASS' } })],
    FAIL: [mockedLexBot('a slot with obfuscation None', NO_LOCALES, { slots: { CardNumber: 'None' } }, { statuses: { 'bot/Support[Slot::en_US/Book/CardNumber]': 'FAIL' } })],
    UNKNOWN: [
      { name: 'the bot’s locales cannot be listed (moto has no ListBotLocales)', moto: async (aws) => void (await lexBot(aws)), statuses: { 'bot/Support': 'UNKNOWN' }, reason: /lex:ListBotLocales/ },
      mockedLexBot('a slot that cannot be described is unknown, not unobfuscated', NO_LOCALES, { slots: { CardNumber: 'None' }, denied: ['DescribeSlot'] }, { statuses: { 'bot/Support[Slot::en_US/Book/CardNumber]': 'UNKNOWN' } }),
    ],
  },
} satisfies CheckTable;
