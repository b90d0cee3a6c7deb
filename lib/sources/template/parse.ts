import { extname } from 'node:path';
import type { CfnTemplate } from '../template';
import { InputError } from './errors';
import { jsonPositions } from './json-positions';
import type { RunWarning } from '../../model/finding';
import { toPosition, type Duplicate, type ResourcePositions } from './positions';

/** CloudFormation takes templates up to 1 MB; anything far above that is not one. */
export const MAX_BYTES = 16 * 1024 * 1024;

export interface ParsedTemplate {
  template: CfnTemplate;
  /** By logical id. */
  positions: Map<string, ResourcePositions>;
  /** Keys given twice (the last is read, as JSON.parse and CloudFormation's YAML reading keep it): one warning each. */
  warnings: RunWarning[];
}

/**
 * CloudFormation's documentation calls a template with a duplicated key undefined behaviour and may
 * accept it; real templates have them (AWS-published ones included). The last value is read, as
 * JSON.parse does, and each duplicate is named so the author can remove it.
 */
export function duplicateWarnings(file: string, duplicates: readonly Duplicate[]): RunWarning[] {
  return duplicates.map((d) => ({
    kind: 'input',
    message: `${file}:${d.line}: key ${d.key}${d.path ? ` of ${d.path}` : ''} is given twice; the last one is read (CloudFormation calls duplicate keys undefined behaviour: remove one)`,
  }));
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decode(data: Uint8Array, file: string): string {
  if (data.length > MAX_BYTES) throw new InputError(file, `is ${(data.length / 1048576).toFixed(1)} MiB, over the ${MAX_BYTES / 1048576} MiB limit for a template`);
  if (data.subarray(0, 8192).includes(0)) throw new InputError(file, 'is a binary file, not a template');
  try {
    return utf8.decode(data);
  } catch {
    throw new InputError(file, 'is not UTF-8 text (a binary file?), not a template');
  }
}

function parseJson(text: string, file: string): ParsedTemplate {
  let template: unknown;
  try {
    template = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LineCounter } = require('yaml') as typeof import('yaml');
    const lines = new LineCounter();
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    throw new InputError(file, `malformed JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, at ? toPosition(lines, Number(at[1])).line : undefined);
  }
  const duplicates: Duplicate[] = [];
  const positions = jsonPositions(text, file, duplicates);
  return { template: asTemplate(template, file), positions, warnings: duplicateWarnings(file, duplicates) };
}

export function asTemplate(value: unknown, file: string): CfnTemplate {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(file, 'is not a CloudFormation template (the document is not a mapping)');
  const resources = (value as CfnTemplate).Resources;
  if (resources !== undefined && (resources === null || typeof resources !== 'object' || Array.isArray(resources))) {
    throw new InputError(file, 'is not a CloudFormation template (Resources is not a mapping)');
  }
  return value as CfnTemplate;
}

/**
 * YAML is parsed by the `yaml` package, loaded when the first YAML template is read: a scan of JSON
 * templates (a cloud assembly) never loads its seventy-odd modules.
 */
function parseYaml(text: string, file: string): ParsedTemplate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./yaml-parse') as typeof import('./yaml-parse')).parseYaml(text, file);
}

/**
 * Parse a template, JSON or YAML (short-form tags included), with the line and column of each
 * resource and property. Every problem is an `InputError` naming the file and, where known, the line.
 */
export function parseTemplate(data: Uint8Array, file: string): ParsedTemplate {
  const text = decode(data, file);
  const start = text.search(/\S/);
  if (start < 0) throw new InputError(file, 'is empty');
  // JSON is YAML, but JSON.parse is far faster; a YAML file written in flow style still parses as YAML.
  if (text[start] === '{' && !/\.ya?ml$/i.test(extname(file))) {
    try {
      return parseJson(text, file);
    } catch (jsonError) {
      // The AWS CLI and SAM CLI read a template that is not JSON as YAML (a trailing comma is valid
      // YAML flow style), and CloudFormation deploys it: so does the scan, saying so.
      try {
        const parsed = parseYaml(text, file);
        const why = jsonError instanceof InputError ? `${jsonError.problem}${jsonError.line !== undefined ? ` at line ${jsonError.line}` : ''}` : String(jsonError);
        return { ...parsed, warnings: [{ kind: 'input', message: `${file}: not valid JSON (${why}); read as YAML, as the AWS CLI and SAM CLI do` }, ...parsed.warnings] };
      } catch {
        throw jsonError;
      }
    }
  }
  return parseYaml(text, file);
}
