import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { RunWarning } from '../../model/finding';
import { closestPosition, type Provenance, type StackInfo, type StackInput } from '../../model/resource';
import { templateToStackInput, type CfnTemplate } from '../template';
import { assemblyStacks, nestedTemplates, type AssemblyStack, type SourceLocation } from './assembly';
import { InputError } from './errors';
import { parametersFor, type ParameterValues } from './parameters';
import { parseTemplate, type ParsedTemplate } from './parse';
import type { ResourcePositions } from './positions';
import { exportOutputs, linkParent, localTemplatePaths, MAX_NESTING, nestedStacksOf } from './nested';
import { kindOf, readInput } from './read';
import { sourceSteps } from './steps';

/** What `lexscribe scan` reads: every stack found, and each input that could not be read. */
export interface LoadedTemplates {
  inputs: StackInput[];
  /**
   * The inputs by app: each cloud assembly (a Stage's sub-assembly included) is one, as the CDK aspect
   * checks each stage on its own; plain templates together make one more.
   */
  apps: StackInput[][];
  errors: InputError[];
  /** Things read but not fully covered (a nested stack whose template is not in the assembly). */
  warnings: RunWarning[];
  /** Files met while walking a directory that are not CloudFormation, each with why (`--verbose` lists them). */
  skipped: Array<{ file: string; why: string }>;
}

export interface LoadOptions {
  parameters: ParameterValues;
  /** Reads standard input, for the path `-`. */
  stdin: () => Buffer;
  /** Patterns (`.gitignore` syntax) of paths under a scanned directory to leave out. */
  exclude?: readonly string[];
  /** Honour the `.gitignore` files of scanned directories. @default true */
  gitignore?: boolean;
  /**
   * Folders holding bot definition zips (`BotFileS3Location`), searched by the object key's file name
   * and by the whole key, after the cloud assembly's assets and the template's own folder.
   * @default none
   */
  botFiles?: readonly string[];
  /** Files named that are not templates are skipped, as in a directory, instead of failing (`--skip-non-templates`, the pre-commit hook). */
  skipNonTemplates?: boolean;
}

/** Ignore rules of one directory: `.gitignore` patterns are relative to the directory holding them. */
interface IgnoreRules {
  base: string;
  rules: Ignore;
}

const NO_PATHS: ReadonlyMap<string, string> = new Map();
const TEMPLATE_FILE = /\.(json|ya?ml|template)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
export const STDIN_LABEL = '<stdin>';

/** A template file found while walking a directory is one only if it says so. */
function looksLikeTemplate(t: CfnTemplate): boolean {
  return t.Resources !== undefined || (t as Record<string, unknown>).AWSTemplateFormatVersion !== undefined;
}

/** Text that names a template's sections: a file that fails to parse but says this is a broken template, not another kind of file. */
const TEMPLATE_MARKERS = /AWSTemplateFormatVersion|^[ \t]*["']?Resources["']?[ \t]*:/m;

/**
 * A `manifest.json` is a cloud assembly's when it says so: `artifacts`, or the schema `version` CDK
 * writes (a broken assembly, then, to be reported). A web app's `manifest.json` (`name`, `icons`,
 * `start_url`) or any other JSON of that name is not.
 */
function isAssemblyManifest(file: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const m = parsed as Record<string, unknown>;
  if ('artifacts' in m) return true;
  return typeof m.version === 'string' && /^\d+\.\d+\.\d+$/.test(m.version) && !('name' in m || 'icons' in m || 'start_url' in m);
}

/** A file's real path, or its absolute path when it does not exist. */
function realpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

function stackNameOf(file: string): string {
  return basename(file).replace(/(\.template)?\.(json|ya?ml)$|\.template$/i, '');
}

/**
 * Where a template's resource is, with the positions of its properties read through rather than
 * copied: JSON templates work them out when a finding first names a property (see json-positions).
 * One class, so that every resource's provenance has one shape.
 */
class TemplateProvenance implements Provenance {
  readonly file?: string;
  readonly constructPath?: string;
  readonly line?: number;
  readonly column?: number;
  readonly #at: ResourcePositions;
  readonly #creation?: (constructPath: string) => SourceLocation | undefined;

  constructor(source: Provenance, at: ResourcePositions, creation?: (constructPath: string) => SourceLocation | undefined) {
    this.file = source.file;
    this.constructPath = source.constructPath;
    this.line = at.at.line;
    this.column = at.at.column;
    this.#at = at;
    this.#creation = creation;
  }

  get properties(): Provenance['properties'] {
    return this.#at.properties;
  }

  locateAll(paths: readonly string[]): ReadonlyArray<{ line: number; column: number } | undefined> {
    if (this.#at.locateAll) return this.#at.locateAll(paths);
    const known = this.#at.properties;
    return paths.map((path) => closestPosition(known, path));
  }

  /** Where the construct was created, from the assembly's creation traces: read when a finding first asks. */
  get source(): SourceLocation | undefined {
    return this.constructPath === undefined ? undefined : this.#creation?.(this.constructPath);
  }
}

class Loader {
  readonly inputs: StackInput[] = [];
  readonly apps = new Map<string, StackInput[]>();
  readonly errors: InputError[] = [];
  readonly warnings: RunWarning[] = [];
  readonly skipped: Array<{ file: string; why: string }> = [];
  private readonly names = new Set<string>();
  /** Files already read: a template named twice (or a nested stack pointing back up) is read once. */
  private readonly seen = new Set<string>();
  /** Templates read as the nested stack of another: a directory scan does not read them again on their own. */
  private readonly nestedFiles = new Set<string>();
  /** Templates found while walking a directory, read once the walk is done, parents before the templates they nest. */
  private pending: Array<{ parsed: ParsedTemplate; path: string }> = [];

  constructor(private readonly opts: LoadOptions) {}

  /** The input being read, to name in an error that is not an `InputError` (a defect, reported as one line). */
  private current = '';

  readonly fail = (e: unknown): void => {
    if (e instanceof InputError) this.errors.push(e);
    else this.errors.push(new InputError(this.current, `could not be read: ${(e as Error)?.message ?? String(e)} (an internal error of lexscribe; please report it)`));
  };

  path(path: string): void {
    this.current = path;
    try {
      if (path === '-') return this.template(parseTemplate(this.opts.stdin(), STDIN_LABEL), 'stdin', STDIN_LABEL, true);
      if (kindOf(path) === 'directory') return this.directory(path);
      if (basename(path) === 'manifest.json') return this.assembly(path);
      if (!this.first(path)) return undefined;
      // The pre-commit hook names every changed JSON and YAML file: those that are not templates are skipped, as in a directory.
      if (this.opts.skipNonTemplates) return this.found(path);
      this.template(parseTemplate(readInput(path), path), stackNameOf(path), path, true);
    } catch (e) {
      this.fail(e);
    }
  }

  private directory(dir: string): void {
    const before = this.inputs.length + this.errors.length;
    const excluded: IgnoreRules[] = this.opts.exclude?.length ? [{ base: dir, rules: ignore().add([...this.opts.exclude]) }] : [];
    this.walk(dir, excluded, new Set([realpathSync(dir)]));
    this.readPending();
    if (this.inputs.length + this.errors.length === before) {
      const skipped = this.skipped.filter((s) => s.file.startsWith(dir)).length;
      this.errors.push(
        new InputError(dir, `holds no CloudFormation templates (*.json, *.yaml, *.yml, *.template) and no cloud assembly (manifest.json)${skipped ? `; ${skipped} file(s) were not templates (--verbose lists them)` : ''}`),
      );
    }
  }

  /** Whether a path under a scanned directory is excluded by `--exclude` or a `.gitignore` above it. */
  private ignored(path: string, isDirectory: boolean, rules: readonly IgnoreRules[]): boolean {
    return rules.some(({ base, rules: r }) => {
      const rel = relative(base, path).split(sep).join('/');
      return rel !== '' && !rel.startsWith('..') && r.ignores(isDirectory ? `${rel}/` : rel);
    });
  }

  private walk(dir: string, inherited: readonly IgnoreRules[], ancestors: ReadonlySet<string>): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new InputError(dir, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const manifest = join(dir, 'manifest.json');
    if (entries.some((e) => e.isFile() && e.name === 'manifest.json') && isAssemblyManifest(manifest)) return this.assembly(manifest);
    const rules = this.opts.gitignore !== false && entries.some((e) => e.isFile() && e.name === '.gitignore') ? [...inherited, { base: dir, rules: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) }] : inherited;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      this.current = path;
      try {
        // A symbolic link is read as what it points at; one that loops back above itself is walked once.
        const target = entry.isSymbolicLink() ? this.linkTarget(path) : entry;
        if (!target) continue;
        if (target.isDirectory()) {
          if (SKIPPED_DIRS.has(entry.name) || this.ignored(path, true, rules)) continue;
          const real = realpathSync(path);
          if (ancestors.has(real)) {
            this.warnings.push({ kind: 'skipped', message: `${path}: a symbolic link to a folder above it (${real}); not walked again` });
            continue;
          }
          this.walk(path, rules, new Set([...ancestors, real]));
        } else if (target.isFile() && TEMPLATE_FILE.test(entry.name) && !this.ignored(path, false, rules) && this.first(path)) {
          this.found(path);
        }
      } catch (e) {
        this.fail(e);
      }
    }
  }

  /** What a symbolic link points at, or undefined (and a warning) when it points nowhere. */
  private linkTarget(path: string): { isDirectory(): boolean; isFile(): boolean } | undefined {
    try {
      return statSync(path);
    } catch {
      this.warnings.push({ kind: 'skipped', message: `${path}: a symbolic link to nothing (its target does not exist); skipped` });
      return undefined;
    }
  }

  /**
   * A file met in a directory: a template, or something else a repository holds (a web app's JSON, a
   * list, a configuration), skipped with the reason. A file that fails to parse but names template
   * sections is a broken template: an error, as when it is named on the command line.
   */
  private found(path: string): void {
    const data = readInput(path);
    let parsed: ParsedTemplate;
    try {
      parsed = parseTemplate(data, path);
    } catch (e) {
      if (e instanceof InputError && !TEMPLATE_MARKERS.test(data.subarray(0, 65_536).toString('utf8'))) {
        this.skipped.push({ file: path, why: e.problem });
        return;
      }
      throw e;
    }
    if (looksLikeTemplate(parsed.template)) this.pending.push({ parsed, path });
    else this.skipped.push({ file: path, why: 'has no Resources section and no AWSTemplateFormatVersion' });
  }

  private assembly(manifest: string): void {
    for (const stack of assemblyStacks(manifest, this.fail)) {
      if (!this.first(stack.file)) continue;
      try {
        this.assemblyStack(stack, readInput(stack.file, manifest));
      } catch (e) {
        this.fail(e);
      }
    }
  }

  /** A stack of an assembly, or (`nestedPath`) one of its nested stacks, known by its construct path. */
  private assemblyStack(stack: AssemblyStack, data: Buffer, nestedPath = ''): void {
    const parsed = this.prepare(parseTemplate(data, stack.file), stack.file, stack.assets);
    // Templates written with path metadata off carry no `aws:cdk:path`: the manifest still knows every construct path.
    const unlocated = Object.values(parsed.template.Resources ?? {}).some((r) => typeof r?.Metadata?.['aws:cdk:path'] !== 'string');
    const paths = (unlocated && stack.constructPaths().get(nestedPath)) || NO_PATHS;
    const info = { name: this.unique(stack.name, stack.file), account: stack.account, region: stack.region, file: stack.file };
    this.add(stack.assembly, parsed, info, stack.parameters, paths, undefined, stack.creation);
    for (const nested of nestedTemplates(parsed.template, stack, paths)) {
      if (!nested.file) {
        this.warnings.push({ kind: 'coverage', message: `${stack.file}: the template of nested stack ${nested.logicalId} is not in the assembly; its resources are not checked.` });
        continue;
      }
      if (!this.first(nested.file)) continue;
      try {
        this.assemblyStack({ ...stack, name: nested.name, file: nested.file, parameters: undefined }, readInput(nested.file, stack.file), nested.name);
      } catch (e) {
        this.fail(e);
      }
    }
  }

  /**
   * The templates a directory walk found: those no other one nests first, so that a nested template is
   * read as the nested stack of its parent (with the parameters the parent passes), and not again.
   */
  /** After every path: the templates named with `--skip-non-templates`, read as a directory's are (nested ones once). */
  finish(): void {
    this.readPending();
  }

  private readPending(): void {
    const found = this.pending.splice(0);
    const nested = new Set(found.flatMap(({ parsed, path }) => localTemplatePaths(parsed.template, path).map(realpath)));
    const order = [...found.filter((f) => !nested.has(realpath(f.path))), ...found.filter((f) => nested.has(realpath(f.path)))];
    for (const { parsed, path } of order) {
      if (this.nestedFiles.has(realpath(path))) continue;
      this.current = path;
      try {
        this.template(parsed, stackNameOf(path), path, false);
      } catch (e) {
        this.fail(e);
      }
    }
  }

  private template(parsed: ParsedTemplate, name: string, file: string, explicit: boolean): void {
    if (explicit && !looksLikeTemplate(parsed.template)) throw new InputError(file, 'is not a CloudFormation template (no Resources section)');
    this.stack(this.prepare(parsed, file), this.unique(name, file), file, undefined, [realpath(file)]);
  }

  /**
   * A plain template and, recursively, the nested stacks whose `TemplateURL` is a local file: each is
   * a stack of its own (`Parent/LogicalId`, as in a cloud assembly), with the parameters its parent
   * passes and its outputs visible to the parent's `Fn::GetAtt [Child, Outputs.X]`. A nested stack
   * that cannot be read is a coverage warning naming it.
   */
  private stack(parsed: ParsedTemplate, name: string, file: string, passed: Record<string, unknown> | undefined, ancestors: readonly string[]): void {
    const children = new Map<string, string>();
    const toRead: Array<{ logicalId: string; name: string; file: string; data: Buffer }> = [];
    const base = file === STDIN_LABEL ? process.cwd() : dirname(file);
    for (const nested of nestedStacksOf(parsed.template, file, base)) {
      const about = `${file}: nested stack ${nested.logicalId}`;
      if ('why' in nested) {
        this.warnings.push({ kind: 'coverage', message: `${about} ${nested.why}; its resources are not checked` });
        continue;
      }
      const real = realpath(nested.file);
      if (ancestors.includes(real)) {
        this.warnings.push({ kind: 'coverage', message: `${about} names ${nested.file}, a template it is nested in (a cycle); not read again` });
        continue;
      }
      if (ancestors.length >= MAX_NESTING) {
        this.warnings.push({ kind: 'coverage', message: `${about} is nested more than ${MAX_NESTING} levels deep; its resources are not checked` });
        continue;
      }
      let data: Buffer;
      try {
        data = readInput(nested.file, file);
      } catch (e) {
        this.warnings.push({ kind: 'coverage', message: `${about}: its template ${e instanceof InputError ? e.message : nested.file}; its resources are not checked` });
        continue;
      }
      const childName = this.unique(`${name}/${nested.logicalId}`, nested.file);
      children.set(nested.logicalId, childName);
      toRead.push({ logicalId: nested.logicalId, name: childName, file: nested.file, data });
    }
    const linked = children.size > 0 ? linkParent(parsed.template, children) : undefined;
    this.add('', linked ? { ...parsed, template: linked.template } : parsed, { name, file }, undefined, NO_PATHS, passed);
    for (const child of toRead) {
      this.current = child.file;
      const real = realpath(child.file);
      this.seen.add(real);
      this.nestedFiles.add(real);
      try {
        const prepared = this.prepare(this.parseNested(child.data, child.file, `nested stack ${child.logicalId} of ${file}`), child.file);
        this.stack({ ...prepared, template: exportOutputs(prepared.template, child.name) }, child.name, child.file, linked?.passed.get(child.logicalId) ?? {}, [...ancestors, real]);
      } catch (e) {
        this.fail(e);
      }
    }
  }

  /** A nested stack's template, whose problems also name the template that nests it: the user named only that one. */
  private parseNested(data: Buffer, file: string, nestedAs: string): ParsedTemplate {
    try {
      return parseTemplate(data, file);
    } catch (e) {
      if (e instanceof InputError) throw new InputError(e.file, `${e.problem} (the template of ${nestedAs})`, e.line);
      throw e;
    }
  }

  /** What a template holds once the source steps have run (see `sourceSteps`). */
  private prepare(parsed: ParsedTemplate, file: string, assets?: () => Record<string, string>): ParsedTemplate {
    const stepped = sourceSteps(parsed, { file, assets, botFiles: this.opts.botFiles });
    this.warnings.push(...stepped.warnings);
    return stepped.parsed;
  }

  /** Each file once, however it is reached (named twice, through a symbolic link, listed by two manifests). */
  private first(file: string): boolean {
    let key = resolve(file);
    try {
      key = realpathSync(file);
    } catch {
      // Not there: reading it reports why.
    }
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  /** Stack names key the graph: a second template with the same name is known by its path. */
  private unique(name: string, file: string): string {
    const chosen = this.names.has(name) ? relative(process.cwd(), file) || file : name;
    this.names.add(chosen);
    return chosen;
  }

  /** One stack into the inputs; `passed` are the values a parent stack passes (they win over `--parameters Key=Value`, not over `Stack:Key=Value`). */
  private add(
    app: string,
    parsed: ParsedTemplate,
    stack: StackInfo,
    fromManifest?: Record<string, string>,
    paths: ReadonlyMap<string, string> = NO_PATHS,
    passed?: Record<string, unknown>,
    creation?: (constructPath: string) => SourceLocation | undefined,
  ): void {
    this.warnings.push(...parsed.warnings);
    const locate = paths.size === 0 ? undefined : (logicalId: string) => (paths.has(logicalId) ? { constructPath: paths.get(logicalId) } : {});
    const given = this.opts.parameters;
    const parameterValues = passed ? { ...given.all, ...passed, ...given.byStack[stack.name] } : parametersFor(given, stack.name, fromManifest);
    const input = templateToStackInput(parsed.template, { stack, parameterValues, locate });
    const resources = input.resources.map((r) => {
      const at = parsed.positions.get(r.logicalId);
      return at ? { ...r, provenance: new TemplateProvenance(r.provenance, at, creation) } : r;
    });
    const located = { ...input, resources };
    this.inputs.push(located);
    const list = this.apps.get(app);
    if (list) list.push(located);
    else this.apps.set(app, [located]);
  }
}

/**
 * Read the inputs of `lexscribe scan`: cloud assemblies (`cdk.out` or its `manifest.json`, with nested
 * stacks and Stage sub-assemblies), template files, directories of templates, and `-` for standard input.
 * An input that cannot be read becomes an error; the others are still read.
 */
export function loadTemplates(paths: readonly string[], opts: LoadOptions): LoadedTemplates {
  const loader = new Loader(opts);
  for (const path of paths) loader.path(path);
  loader.finish();
  return { inputs: loader.inputs, apps: [...loader.apps.values()], errors: loader.errors, warnings: loader.warnings, skipped: loader.skipped };
}
