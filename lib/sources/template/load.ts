import { readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { RunWarning } from '../../model/finding';
import type { Provenance, StackInfo, StackInput } from '../../model/resource';
import { templateToStackInput, type CfnTemplate } from '../template';
import { assemblyStacks, nestedTemplates, type AssemblyStack, type SourceLocation } from './assembly';
import { InputError } from './errors';
import { parametersFor, type ParameterValues } from './parameters';
import { parseTemplate, type ParsedTemplate } from './parse';
import type { ResourcePositions } from './positions';
import { kindOf, readInput } from './read';

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
}

export interface LoadOptions {
  parameters: ParameterValues;
  /** Reads standard input, for the path `-`. */
  stdin: () => Buffer;
  /** Files named that are not templates are skipped, as in a directory, instead of failing (`--skip-non-templates`, the pre-commit hook). */
  skipNonTemplates?: boolean;
}

const NO_PATHS: ReadonlyMap<string, string> = new Map();
const TEMPLATE_FILE = /\.(json|ya?ml|template)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
export const STDIN_LABEL = '<stdin>';

/** A template file found while walking a directory is one only if it says so. */
function looksLikeTemplate(t: CfnTemplate): boolean {
  return t.Resources !== undefined || (t as Record<string, unknown>).AWSTemplateFormatVersion !== undefined;
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
  private readonly names = new Set<string>();
  /** Files already read: a template named twice (or a nested stack pointing back up) is read once. */
  private readonly seen = new Set<string>();

  constructor(private readonly opts: LoadOptions) {}

  readonly fail = (e: unknown): void => {
    if (!(e instanceof InputError)) throw e;
    this.errors.push(e);
  };

  path(path: string): void {
    try {
      if (path === '-') return this.template(parseTemplate(this.opts.stdin(), STDIN_LABEL), 'stdin', STDIN_LABEL, true);
      if (kindOf(path) === 'directory') return this.directory(path);
      if (basename(path) === 'manifest.json') return this.assembly(path);
      if (!this.first(path)) return undefined;
      this.template(parseTemplate(readInput(path), path), stackNameOf(path), path, !this.opts.skipNonTemplates);
    } catch (e) {
      this.fail(e);
    }
  }

  private directory(dir: string): void {
    const before = this.inputs.length + this.errors.length;
    this.walk(dir);
    if (this.inputs.length + this.errors.length === before) {
      this.errors.push(new InputError(dir, 'holds no CloudFormation templates (*.json, *.yaml, *.yml, *.template) and no cloud assembly (manifest.json)'));
    }
  }

  private walk(dir: string): void {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new InputError(dir, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (entries.some((e) => e.isFile() && e.name === 'manifest.json')) return this.assembly(join(dir, 'manifest.json'));
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      try {
        if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) this.walk(path);
        else if (entry.isFile() && TEMPLATE_FILE.test(entry.name) && this.first(path)) {
          const parsed = parseTemplate(readInput(path), path);
          if (looksLikeTemplate(parsed.template)) this.template(parsed, stackNameOf(path), path, false);
        }
      } catch (e) {
        this.fail(e);
      }
    }
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
    const parsed = parseTemplate(data, stack.file);
    // Templates written with path metadata off carry no `aws:cdk:path`: the manifest still knows every construct path.
    const unlocated = Object.values(parsed.template.Resources ?? {}).some((r) => typeof r?.Metadata?.['aws:cdk:path'] !== 'string');
    const paths = (unlocated && stack.constructPaths().get(nestedPath)) || NO_PATHS;
    const info = { name: this.unique(stack.name, stack.file), account: stack.account, region: stack.region, file: stack.file };
    this.add(stack.assembly, parsed, info, stack.parameters, paths, stack.creation);
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

  private template(parsed: ParsedTemplate, name: string, file: string, explicit: boolean): void {
    if (explicit && !looksLikeTemplate(parsed.template)) throw new InputError(file, 'is not a CloudFormation template (no Resources section)');
    this.add('', parsed, { name: this.unique(name, file), file });
  }

  private first(file: string): boolean {
    const key = resolve(file);
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

  private add(
    app: string,
    parsed: ParsedTemplate,
    stack: StackInfo,
    fromManifest?: Record<string, string>,
    paths: ReadonlyMap<string, string> = NO_PATHS,
    creation?: (constructPath: string) => SourceLocation | undefined,
  ): void {
    const locate = paths.size === 0 ? undefined : (logicalId: string) => (paths.has(logicalId) ? { constructPath: paths.get(logicalId) } : {});
    const input = templateToStackInput(parsed.template, { stack, parameterValues: parametersFor(this.opts.parameters, stack.name, fromManifest), locate });
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
  return { inputs: loader.inputs, apps: [...loader.apps.values()], errors: loader.errors, warnings: loader.warnings };
}
