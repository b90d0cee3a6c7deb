import { Unknown } from '../../model/values';
import { lexShape } from '../account/collectors/lex/shape';

/**
 * A Lex V2 bot export (the `LexJson` zip `CreateExport` writes and `BotFileS3Location` imports:
 * `<Bot>/Bot.json`, `BotLocales/<locale>/BotLocale.json`, `…/Intents/<intent>/Intent.json`,
 * `…/Intents/<intent>/Slots/<slot>/Slot.json`, `…/SlotTypes/<type>/SlotType.json`,
 * `…/CustomVocabulary/CustomVocabulary.json`, camelCase JSON) in the shape of `AWS::Lex::Bot`'s
 * `BotLocales`, which the checks read. An entry that is not JSON is Unknown in its place.
 */

const LOCALE = /^(?:.*\/)?BotLocales\/([^/]+)\/BotLocale\.json$/;
const INTENT = /^(?:.*\/)?BotLocales\/([^/]+)\/Intents\/([^/]+)\/Intent\.json$/;
const SLOT = /^(?:.*\/)?BotLocales\/([^/]+)\/Intents\/([^/]+)\/Slots\/([^/]+)\/Slot\.json$/;
const SLOT_TYPE = /^(?:.*\/)?BotLocales\/([^/]+)\/SlotTypes\/([^/]+)\/SlotType\.json$/;
const VOCABULARY = /^(?:.*\/)?BotLocales\/([^/]+)\/CustomVocabulary\/CustomVocabulary\.json$/;

interface Locale {
  body?: Record<string, unknown> | Unknown;
  intents: Map<string, { body?: Record<string, unknown> | Unknown; slots: Array<Record<string, unknown> | Unknown> }>;
  slotTypes: Array<Record<string, unknown> | Unknown>;
  vocabulary?: Record<string, unknown> | Unknown;
}

/** One entry in CloudFormation spelling, without the export's own ids and versions. */
function shaped(name: string, data: Buffer, where: string): Record<string, unknown> | Unknown {
  let body: unknown;
  try {
    body = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return new Unknown(`${where} entry ${name} is not valid JSON (${(e as Error).message})`);
  }
  const out = lexShape(body);
  if (!out || typeof out !== 'object' || Array.isArray(out)) return new Unknown(`${where} entry ${name} is not a JSON object`);
  const { Identifier: _id, Version: _version, ...rest } = out as Record<string, unknown>;
  return rest;
}

/** The `BotLocales` of an export, or undefined when the archive holds no `BotLocales/*\/BotLocale.json`. */
export function botLocalesOfExport(entries: ReadonlyMap<string, Buffer>, where: string): unknown[] | undefined {
  const locales = new Map<string, Locale>();
  const locale = (id: string) => {
    let l = locales.get(id);
    if (!l) locales.set(id, (l = { intents: new Map(), slotTypes: [] }));
    return l;
  };
  const intent = (l: Locale, id: string) => {
    let i = l.intents.get(id);
    if (!i) l.intents.set(id, (i = { slots: [] }));
    return i;
  };
  for (const name of [...entries.keys()].sort()) {
    const path = name.replace(/\\/g, '/');
    const data = entries.get(name)!;
    let m: RegExpExecArray | null;
    if ((m = LOCALE.exec(path))) locale(m[1]).body = shaped(name, data, where);
    else if ((m = INTENT.exec(path))) intent(locale(m[1]), m[2]).body = shaped(name, data, where);
    else if ((m = SLOT.exec(path))) intent(locale(m[1]), m[2]).slots.push(shaped(name, data, where));
    else if ((m = SLOT_TYPE.exec(path))) locale(m[1]).slotTypes.push(shaped(name, data, where));
    else if ((m = VOCABULARY.exec(path))) locale(m[1]).vocabulary = shaped(name, data, where);
  }
  if (![...locales.values()].some((l) => l.body !== undefined)) return undefined;
  return [...locales.entries()].map(([id, l]) => {
    if (l.body instanceof Unknown) return l.body;
    const { Name: _name, ...body } = l.body ?? {};
    const intents = [...l.intents.values()].map((i) => (i.body instanceof Unknown ? i.body : { ...i.body, ...(i.slots.length > 0 ? { Slots: i.slots } : {}) }));
    return {
      LocaleId: id,
      ...body,
      ...(intents.length > 0 ? { Intents: intents } : {}),
      ...(l.slotTypes.length > 0 ? { SlotTypes: l.slotTypes } : {}),
      ...(l.vocabulary !== undefined ? { CustomVocabulary: l.vocabulary } : {}),
    };
  });
}
