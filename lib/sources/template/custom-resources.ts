import type { RunWarning } from '../../model/finding';
import type { ParsedTemplate } from './parse';

/**
 * A custom type that names a Lex or Transcribe resource: `Custom::LexBot`, `Custom::LexV2BotAlias`,
 * `Custom::QnABotLex`, `Custom::TranscribeVocabulary`. "Lex" counts only as a word of the name (a
 * capital L not followed by a lower-case letter, or followed by "bot"), so `Custom::Complex` or
 * `Custom::Lexicon` do not.
 */
const NAMES: Record<string, RegExp> = {
  Lex: /Lex(?![a-z])|Lex[-_]?bot/,
  Transcribe: /Transcri(?:be|ption)/i,
};

/**
 * Custom resources that stand for Lex or Transcribe resources. A Lambda function creates them at
 * deploy time from properties only it understands, so no check can read them; the run says so, once
 * per template and service, instead of reporting nothing about a bot it never saw.
 */
export function customResourceWarnings(parsed: ParsedTemplate, file: string): RunWarning[] {
  const byService = new Map<string, string[]>();
  for (const [logicalId, resource] of Object.entries(parsed.template.Resources ?? {})) {
    const type: unknown = resource?.Type;
    if (typeof type !== 'string' || !type.startsWith('Custom::')) continue;
    const name = type.slice('Custom::'.length);
    const service = Object.keys(NAMES).find((s) => NAMES[s].test(name));
    if (service) byService.set(service, [...(byService.get(service) ?? []), `${logicalId} (${type})`]);
  }
  return [...byService].map(([service, resources]) => ({
    kind: 'coverage',
    message:
      `${file}: ${resources.length} ${service} resource${resources.length > 1 ? 's' : ''} defined by a custom resource ` +
      `${resources.length > 1 ? 'are' : 'is'} not checked: ${resources.join(', ')}; what the function behind ServiceToken makes of ${resources.length > 1 ? 'them' : 'it'} is not known to lexscribe`,
  }));
}
