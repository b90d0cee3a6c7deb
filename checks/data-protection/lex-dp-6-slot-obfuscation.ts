import { option } from '../../lib/engine/options';
import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { get, items, str } from '../../lib/engine/read';
import { Unknown } from '../../lib/model/values';
import { escalateIfSensitive } from '../shared/lex';
import { BOT, type BotLocale, type BotProps, type Slot } from '../../lib/model/types/lex';
import type { Cfn } from '../../lib/model/types/view';

/** Every slot of the bot's locales, with its readable key (`en_US/BookHotel/Email`) and property path. */
function slots(locales: ReadonlyArray<Cfn<BotLocale>>): Array<{ slot: Cfn<Slot>; key: string; path: string } | Unknown> {
  const out: Array<{ slot: Cfn<Slot>; key: string; path: string } | Unknown> = [];
  const name = (node: unknown, key: string, index: number) => {
    const v = str(get(node, key));
    return typeof v === 'string' ? v : String(index);
  };
  for (const [l, locale] of locales.entries()) {
    const intents = items(get(locale, 'Intents'));
    if (intents instanceof Unknown) {
      out.push(new Unknown(`intents of locale ${l}: ${intents.reason}`));
      continue;
    }
    for (const [i, intent] of intents.entries()) {
      const list = items(get(intent, 'Slots'));
      if (list instanceof Unknown) {
        out.push(new Unknown(`slots of intent ${i} of locale ${l}: ${list.reason}`));
        continue;
      }
      list.forEach((slot, s) => out.push({ slot, key: `${name(locale, 'LocaleId', l)}/${name(intent, 'Name', i)}/${name(slot, 'Name', s)}`, path: `BotLocales.${l}.Intents.${i}.Slots.${s}` }));
    }
  }
  return out;
}

export default defineCheck({
  id: 'LEX-DP-6',
  title: 'Slot obfuscation is not switched off for slots that can carry personal data',
  severity: 'MEDIUM',
  rationale:
    'With ObfuscationSettingType None, slot values (names, card numbers, addresses) are written in plain text to the conversation logs. Obfuscation only covers text logs, so it is the least a bot should keep.',
  remediation: 'Remove ObfuscationSetting or set ObfuscationSettingType to DefaultObfuscation on slots that may carry personal data.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/monitoring-obfuscate.html',
  modes: ['synth', 'live'],
  options: {
    requireExplicitObfuscationFor: option.regexp(
      '',
      'Regular expression (case-insensitive) on slot names and slot type names: matching slots must set ObfuscationSettingType DefaultObfuscation explicitly. Empty: only an explicit None fails',
    ),
  },
  resourceTypes: [BOT],
  evaluate(bot, { graph, options, classification }) {
    const locales = items(graph.props<BotProps>(bot).BotLocales);
    if (locales instanceof Unknown) return unknown(`BotLocales cannot be known: ${locales.reason}`, { path: 'BotLocales' });
    const pattern = options.requireExplicitObfuscationFor ? new RegExp(options.requireExplicitObfuscationFor, 'i') : undefined;
    const verdicts: Verdict[] = [];
    let kept = 0;
    for (const entry of slots(locales)) {
      if (entry instanceof Unknown) {
        verdicts.push(unknown(entry.reason, { path: 'BotLocales' }));
        continue;
      }
      const { slot, key, path } = entry;
      const type = str(get(slot, 'ObfuscationSetting.ObfuscationSettingType'));
      const at = { findingKey: `Slot::${key}`, path: `${path}.ObfuscationSetting.ObfuscationSettingType` };
      if (type instanceof Unknown) verdicts.push(unknown(`obfuscation of slot ${key} cannot be known: ${type.reason}`, at));
      else if (type === 'None') verdicts.push(fail(`slot ${key} has obfuscation switched off (None): its values are logged in plain text`, at));
      else if (type === undefined && pattern && [str(get(slot, 'Name')), str(get(slot, 'SlotTypeName'))].some((n) => typeof n === 'string' && pattern.test(n))) {
        verdicts.push(fail(`slot ${key} looks like personal data (${pattern.source}) but does not set DefaultObfuscation explicitly`, at));
      } else kept++;
    }
    if (verdicts.length === 0 && kept === 0) return notApplicable('the bot defines no slots in this template');
    if (kept > 0 && verdicts.every((v) => v.status !== 'FAIL')) verdicts.push(pass(`${kept} slot(s) keep obfuscation`));
    return escalateIfSensitive(graph, bot, classification, verdicts);
  },
});
