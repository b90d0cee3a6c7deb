import { CfnParameter, type Stack } from 'aws-cdk-lib';
import type * as lex from 'aws-cdk-lib/aws-lex';
import lexDp6 from '../../../checks/data-protection/lex-dp-6-slot-obfuscation';
import { synthStack } from '../../helpers/synth';
import { byConstruct, newBot } from './lex-fixtures';

const slot = (name: string, obfuscation?: string): lex.CfnBot.SlotProperty => ({
  name,
  slotTypeName: 'AMAZON.FreeFormInput',
  valueElicitationSetting: { slotConstraint: 'Required' },
  ...(obfuscation ? { obfuscationSetting: { obfuscationSettingType: obfuscation } } : {}),
});
const locales = (...slots: lex.CfnBot.SlotProperty[]): lex.CfnBot.BotLocaleProperty[] => [
  { localeId: 'en_US', nluConfidenceThreshold: 0.4, intents: [{ name: 'Book', slots }, { name: 'FallbackIntent', parentIntentSignature: 'AMAZON.FallbackIntent' }] },
];

describe('LEX-DP-6 slot obfuscation', () => {
  test.each([
    ['FAIL', 'a slot with obfuscation None', () => locales(slot('Email', 'None'), slot('Date')), { 'Bot[Slot::en_US/Book/Email]': 'FAIL' }],
    ['PASS', 'slots keeping the default', () => locales(slot('Email', 'DefaultObfuscation'), slot('Date')), { Bot: 'PASS' }],
    ['UNKNOWN', 'obfuscation from a parameter', (s: Stack) => locales(slot('Email', new CfnParameter(s, 'Obf').valueAsString)), { 'Bot[Slot::en_US/Book/Email]': 'UNKNOWN' }],
    ['NOT_APPLICABLE', 'no slots', () => locales(), { Bot: 'NOT_APPLICABLE' }],
  ])('%s: %s', (_s, _what, botLocales, expected) => {
    expect(byConstruct(synthStack((stack) => newBot(stack, { botLocales: botLocales(stack) }), { checks: [lexDp6] }).of('LEX-DP-6'))).toEqual(expected);
  });

  test('option: PII-like slots must set DefaultObfuscation explicitly', () => {
    const out = synthStack((stack) => newBot(stack, { botLocales: locales(slot('EmailAddress'), slot('Date')) }), {
      checks: [lexDp6],
      config: { checks: { 'LEX-DP-6': { options: { requireExplicitObfuscationFor: 'email|phone|card' } } } },
    });
    expect(byConstruct(out.of('LEX-DP-6'))).toEqual({ 'Bot[Slot::en_US/Book/EmailAddress]': 'FAIL' });
  });

  test('a bot classified phi: HIGH', () => {
    const out = synthStack((stack) => newBot(stack, { botLocales: locales(slot('Email', 'None')), botTags: [{ key: 'data-classification', value: 'phi' }] }), { checks: [lexDp6] });
    expect(out.of('LEX-DP-6')[0]).toMatchObject({ status: 'FAIL', severity: 'HIGH' });
  });
});
