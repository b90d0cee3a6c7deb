import { get, items } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { aliasSettings, aliasSettingsPrefix } from './lex';

export interface CodeHook {
  /** Resolved `LambdaArn` (CloudFormation spelling; the SDK's `lambdaARN`). */
  lambdaArn: unknown;
  /** Property path of the ARN, for finding locations. */
  path: string;
}

/**
 * Lambda code hooks of an alias holder: `BotAliasLocaleSettings[*].BotAliasLocaleSetting
 * .CodeHookSpecification.LambdaCodeHook.LambdaArn` (a bot's are under `TestBotAliasSettings`).
 * Unknown when the locale settings cannot be read.
 */
export function codeHooks(graph: ResourceGraph, r: Resource): CodeHook[] | Unknown {
  const locales = items(get(aliasSettings(graph, r), 'BotAliasLocaleSettings'));
  if (locales instanceof Unknown) return locales;
  const out: CodeHook[] = [];
  locales.forEach((locale, i) => {
    const hook = 'BotAliasLocaleSetting.CodeHookSpecification.LambdaCodeHook.LambdaArn';
    const lambdaArn = get(locale, hook);
    if (lambdaArn !== undefined) out.push({ lambdaArn, path: `${aliasSettingsPrefix(r)}BotAliasLocaleSettings.${i}.${hook}` });
  });
  return out;
}
