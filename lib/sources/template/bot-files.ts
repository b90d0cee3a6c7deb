import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RunWarning } from '../../model/finding';
import { Unknown } from '../../model/values';
import type { CfnTemplate } from '../template';
import { InputError } from './errors';
import { botLocalesOfExport } from './lex-export';
import type { ParsedTemplate } from './parse';
import { MappedPositions, type ResourcePositions } from './positions';
import { readInput } from './read';
import { jsonEntriesOfDirectory, jsonEntriesOfZip } from './zip';

export interface BotFileOptions {
  /** The template holding the bots. */
  file: string;
  /** Asset hash → file or folder, for a template of a cloud assembly (a bot definition CDK uploads as an asset). */
  assets?: () => Record<string, string>;
  /** Folders the user named with `--bot-files`, searched by the object key's file name and by the whole key. */
  dirs: readonly string[];
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The literal text of a key, or of its last literal part (`!Sub "${Prefix}/bot.zip"` → `/bot.zip`); a
 * `Ref` to a parameter is read as its default (real templates name the bot file by a parameter).
 */
function literalKey(key: unknown, parameters: CfnTemplate['Parameters']): { whole?: string; tail?: string } {
  if (typeof key === 'string') return { whole: key, tail: key };
  const ref = isMapping(key) ? key.Ref : undefined;
  const param = typeof ref === 'string' && parameters && Object.prototype.hasOwnProperty.call(parameters, ref) ? parameters[ref] : undefined;
  if (typeof param?.Default === 'string') return { whole: param.Default, tail: param.Default };
  const sub = isMapping(key) ? key['Fn::Sub'] : undefined;
  const text = Array.isArray(sub) ? sub[0] : sub;
  if (typeof text === 'string') return { tail: text.slice(text.lastIndexOf('}') + 1) };
  const join = isMapping(key) ? key['Fn::Join'] : undefined;
  const parts = Array.isArray(join) && Array.isArray(join[1]) ? join[1] : [];
  const last = parts[parts.length - 1];
  return typeof last === 'string' ? { tail: last } : {};
}

const shown = (v: unknown) => (typeof v === 'string' ? v : '<computed>');

/** Where a definition may be, in the order they are tried. */
function candidates(location: Record<string, unknown>, opts: BotFileOptions, parameters: CfnTemplate['Parameters']): string[] {
  const { whole, tail } = literalKey(location.S3ObjectKey, parameters);
  const out: string[] = [];
  const hash = /([0-9a-f]{64})/.exec(whole ?? tail ?? '')?.[1];
  const asset = hash ? opts.assets?.()[hash] : undefined;
  if (asset) out.push(asset);
  const name = tail ? basename(tail) : '';
  if (name && opts.file !== '<stdin>') out.push(join(dirname(opts.file), name));
  for (const dir of opts.dirs) {
    if (name) out.push(join(dir, name));
    if (whole && whole !== name) out.push(join(dir, whole));
  }
  return out;
}

function kind(path: string): 'file' | 'directory' | undefined {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

export interface BotFiles {
  parsed: ParsedTemplate;
  warnings: RunWarning[];
}

/**
 * Bots defined by `BotFileS3Location` (and no `BotLocales`): the definition zip is looked for in the
 * cloud assembly's assets (the asset hash in the key), beside the template (the key's file name),
 * and in the `--bot-files` folders; when found, its Lex V2 export is read into `BotLocales`, located
 * at `BotFileS3Location`. When not, `BotLocales` is Unknown with the reason, and a coverage warning
 * names the bot: the checks that read locales report UNKNOWN, never "not applicable".
 */
export function readBotFiles(parsed: ParsedTemplate, opts: BotFileOptions): BotFiles {
  const warnings: RunWarning[] = [];
  const resources = parsed.template.Resources ?? {};
  let changed: Record<string, NonNullable<CfnTemplate['Resources']>[string]> | undefined;
  let positions: Map<string, ResourcePositions> | undefined;
  for (const [logicalId, r] of Object.entries(resources)) {
    const location = r?.Type === 'AWS::Lex::Bot' ? r.Properties?.BotFileS3Location : undefined;
    if (!isMapping(location) || r.Properties?.BotLocales !== undefined) continue;
    const uri = `s3://${shown(location.S3Bucket)}/${shown(location.S3ObjectKey)}`;
    const tried = candidates(location, opts, parsed.template.Parameters);
    const found = tried.find((p) => kind(p) !== undefined);
    let locales: unknown;
    if (!found) {
      const where = opts.dirs.length > 0 ? 'beside the template nor in the --bot-files folders' : 'beside the template (name its folder with --bot-files DIR)';
      locales = new Unknown(`the bot definition ${uri} is not ${where}`);
      warnings.push({ kind: 'coverage', message: `${opts.file}: bot ${logicalId}: the bot definition ${uri} is not ${where}; the checks that read its locales report UNKNOWN` });
    } else {
      try {
        const entries = kind(found) === 'directory' ? jsonEntriesOfDirectory(found) : jsonEntriesOfZip(found, readInput(found, opts.file));
        locales = botLocalesOfExport(entries, found) ?? new Unknown(`the bot definition ${found} holds no BotLocales/<locale>/BotLocale.json: it is not a Lex V2 bot export`);
      } catch (e) {
        const problem = e instanceof InputError ? e.message : `${found}: ${(e as Error).message}`;
        locales = new Unknown(`the bot definition ${problem}`);
      }
      if (locales instanceof Unknown) warnings.push({ kind: 'input', message: `${opts.file}: bot ${logicalId}: ${locales.reason}` });
    }
    changed ??= { ...resources };
    changed[logicalId] = { ...r, Properties: { ...r.Properties, BotLocales: locales } };
    const at = parsed.positions.get(logicalId);
    positions ??= new Map(parsed.positions);
    if (at) positions.set(logicalId, new MappedPositions(at, [['', ''], ['BotLocales', 'BotFileS3Location']]));
  }
  if (!changed || !positions) return { parsed, warnings };
  return { parsed: { ...parsed, template: { ...parsed.template, Resources: changed }, positions }, warnings };
}
