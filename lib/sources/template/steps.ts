import type { RunWarning } from '../../model/finding';
import { readBotFiles } from './bot-files';
import { customResourceWarnings } from './custom-resources';
import type { ParsedTemplate } from './parse';
import { hasSamTransform, SAM_TRANSFORM } from './sam/transform';

export interface SourceStepOptions {
  /** The template's file (beside which bot definitions are looked for), also where warnings point. */
  file: string;
  /** Asset hash → file or folder: a bot definition CDK uploads as an asset. */
  assets?: () => Record<string, string>;
  /** Folders named with `--bot-files`. */
  botFiles?: readonly string[];
}

/**
 * What a template holds once the source steps have run, for every source alike (a template file, a
 * cloud assembly, a CDK app at synth): the SAM transform, then the bot definition files, then a
 * warning for Lex and Transcribe resources that custom resources define, which nothing can check. Each step
 * returns a new template; the one given is not changed (at synth it is the one CDK writes).
 */
export function sourceSteps(parsed: ParsedTemplate, opts: SourceStepOptions): { parsed: ParsedTemplate; warnings: RunWarning[] } {
  const warnings: RunWarning[] = [];
  let current = parsed;
  if (hasSamTransform(current.template)) {
    // The SAM expanders (and the yaml package that state machine definitions need) load only for a SAM template.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { expandSam } = require('./sam') as typeof import('./sam');
    const expanded = expandSam(current, opts.file);
    warnings.push(...expanded.warnings);
    current = expanded.parsed;
  } else {
    const serverless = Object.entries(current.template.Resources ?? {}).filter(([, r]) => typeof r?.Type === 'string' && r.Type.startsWith('AWS::Serverless::'));
    if (serverless.length > 0) {
      warnings.push({
        kind: 'coverage',
        message: `${opts.file}: ${serverless.map(([id, r]) => `${id} (${r.Type})`).join(', ')} without Transform: ${SAM_TRANSFORM}, which CloudFormation refuses; not expanded, so not checked`,
      });
    }
  }
  const bots = readBotFiles(current, { file: opts.file, assets: opts.assets, dirs: opts.botFiles ?? [] });
  warnings.push(...bots.warnings, ...customResourceWarnings(bots.parsed, opts.file));
  return { parsed: bots.parsed, warnings };
}
