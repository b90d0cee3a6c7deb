import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CfnTemplate } from '../template';
import { InputError } from './errors';
import { readInput } from './read';

/** Where a construct was created in the app's source: the first frame of its creation trace that is the app's own code. */
export interface SourceLocation {
  /** Absolute path, as the trace recorded it (a TypeScript source when the JavaScript it names has a source map). */
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

// The creation location travels with the provenance of template resources to the finding's resource,
// which every report reads. (Declared here, beside the source that fills it, while lib/model is being
// reworked; the two fields belong in Provenance and FindingResource themselves.)
declare module '../../model/resource' {
  interface Provenance {
    /** Cloud assemblies: where the resource's construct was created in the CDK app, when the assembly records it. */
    readonly source?: SourceLocation;
  }
}
declare module '../../model/finding' {
  interface FindingResource {
    /** Cloud assemblies: where the resource's construct was created in the CDK app, when the assembly records it. */
    source?: SourceLocation;
  }
}

/** The parts of a cloud assembly manifest (`cdk.out/manifest.json`) a scan reads. */
interface Manifest {
  artifacts?: Record<string, Artifact>;
}

interface Artifact {
  type?: string;
  environment?: string;
  displayName?: string;
  metadata?: Record<string, MetadataEntry[]>;
  /** Newer assemblies keep the metadata beside the manifest (`<Stack>.metadata.json`). */
  additionalMetadataFile?: string;
  properties?: {
    templateFile?: string;
    stackName?: string;
    parameters?: Record<string, string>;
    directoryName?: string;
    file?: string;
  };
}

interface MetadataEntry {
  type?: string;
  data?: unknown;
  /** Older assemblies: the creation trace on the `aws:cdk:logicalId` entry (with `--debug`, or `CDK_DEBUG`). */
  trace?: unknown;
}

/**
 * Construct paths by logical id, for a stack's template (`''`) and each of its nested stacks (by the
 * nested stack's construct path), as the manifest's `aws:cdk:logicalId` metadata records them.
 */
export type ConstructPaths = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** `Api/Regional.NestedStack/Regional.NestedStackResource` is the resource of nested stack `Api/Regional`. */
export function nestedStackPath(resourcePath: string): string | undefined {
  return /^(.+)\.NestedStack\/[^/]+$/.exec(resourcePath)?.[1];
}

/** One stack template an assembly lists, with what the manifest says about it. */
export interface AssemblyStack {
  name: string;
  file: string;
  /** The `manifest.json` that lists it: each (sub-)assembly is checked as an app of its own, as at synth. */
  assembly: string;
  account?: string;
  region?: string;
  parameters?: Record<string, string>;
  /** Asset manifest of the stack's assembly: nested stack templates are found through it. */
  assets: () => Record<string, string>;
  /** Construct paths of its resources (read on first use: most templates carry `aws:cdk:path`). */
  constructPaths: () => ConstructPaths;
  /**
   * Where the construct at a path (a resource's, or else its closest parent's below the stack) was
   * created in the app's source, from the creation traces the assembly records (read on first use).
   */
  creation: (constructPath: string) => SourceLocation | undefined;
}

/** What a stack artifact's metadata says about its constructs: logical ids and creation traces. */
interface StackConstructs {
  paths: ConstructPaths;
  /** First frame of app code in each construct's creation trace, by construct path. */
  created: ReadonlyMap<string, string>;
}

/**
 * `new BotStack (/app/dist/lib/bot-stack.js:72:21)` or `/app/bin/app.ts:9:5` → file, line and column.
 * Frames of aws-cdk-lib (`...new Bucket2 in aws-cdk-lib...`), of node_modules, of Node itself, and
 * notes such as `(no user code in 10 frames…)` are not the app's.
 */
function appFrame(frame: string): SourceLocation | undefined {
  const m = /(?:^|\()((?:file:\/\/)?[^()]+?):(\d+):(\d+)\)?$/.exec(frame.trim());
  if (!m) return undefined;
  const file = m[1].startsWith('file://') ? fileURLToPath(m[1]) : m[1];
  if (!isAbsolute(file) || /[\\/]node_modules[\\/]/.test(file)) return undefined;
  return { file, line: Number(m[2]), column: Number(m[3]) };
}

/** Source maps by JavaScript file (null: it has none that can be read). */
const SOURCE_MAPS = new Map<string, { map: SourceMap; dir: string; root: string } | null>();

function sourceMapOf(file: string): { map: SourceMap; dir: string; root: string } | null {
  let found = SOURCE_MAPS.get(file);
  if (found !== undefined) return found;
  found = null;
  try {
    const comment = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, 'utf8'))?.[1];
    const inline = comment && /^data:application\/json;(?:charset=utf-8;)?base64,(.+)$/.exec(comment)?.[1];
    const mapFile = comment && !inline ? resolve(dirname(file), comment) : `${file}.map`;
    const text = inline ? Buffer.from(inline, 'base64').toString('utf8') : existsSync(mapFile) ? readFileSync(mapFile, 'utf8') : undefined;
    if (text) {
      const payload = JSON.parse(text) as { sourceRoot?: string };
      found = { map: new SourceMap(payload as ConstructorParameters<typeof SourceMap>[0]), dir: inline ? dirname(file) : dirname(mapFile), root: payload.sourceRoot ?? '' };
    }
  } catch {
    found = null;
  }
  if (SOURCE_MAPS.size >= 1_000) SOURCE_MAPS.clear();
  SOURCE_MAPS.set(file, found);
  return found;
}

/**
 * An app that runs compiled JavaScript (`node dist/bin/app.js`) records frames in the JavaScript:
 * where its source map says which TypeScript line that is, and that file is there, the TypeScript line.
 */
function original(at: SourceLocation): SourceLocation {
  if (!/\.[cm]?js$/.test(at.file)) return at;
  const sm = sourceMapOf(at.file);
  if (!sm) return at;
  const entry = sm.map.findEntry(at.line - 1, (at.column ?? 1) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
  if (!entry.originalSource || entry.originalLine === undefined) return at;
  const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : resolve(sm.dir, sm.root, entry.originalSource);
  if (!existsSync(source)) return at;
  return { file: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}

/** The creation location of the construct at `path`, or of its closest parent (or the parent's default child) below the stack at `stackPath`. */
function creationOf(constructs: () => StackConstructs, stackPath: string | undefined): (constructPath: string) => SourceLocation | undefined {
  const resolved = new Map<string, SourceLocation | undefined>();
  return (constructPath) => {
    if (resolved.has(constructPath)) return resolved.get(constructPath);
    const { created } = constructs();
    // CDK records creation traces only when asked to (`--debug`): without any, no path needs walking.
    if (created.size === 0) return undefined;
    let at: SourceLocation | undefined;
    // Stop above the stack: the stack's own creation says nothing about where one of its resources is made.
    // An L2 records the trace on its default child (`BotRole/Resource`), not on itself.
    for (let p = constructPath; p.includes('/') && p !== stackPath && !at; p = p.slice(0, p.lastIndexOf('/'))) {
      const frame = created.get(p) ?? created.get(`${p}/Resource`);
      const located = frame === undefined ? undefined : appFrame(frame);
      if (located) at = original(located);
    }
    resolved.set(constructPath, at);
    return at;
  };
}

/**
 * Construct paths and creation traces from a stack artifact's metadata: whether or not the template
 * carries `aws:cdk:path` (path metadata can be turned off), the manifest maps every construct path to
 * its logical id, and (unless stack traces are off) records where each construct was created, as an
 * `aws:cdk:creationStack` entry or, in older assemblies, the `trace` of its `aws:cdk:logicalId` entry.
 * Entries below a nested stack belong to that nested stack's template.
 */
function constructsOf(dir: string, artifact: Artifact, onError: (e: InputError) => void): () => StackConstructs {
  let constructs: StackConstructs | undefined;
  return () => {
    if (constructs) return constructs;
    let metadata = artifact.metadata ?? {};
    if (typeof artifact.additionalMetadataFile === 'string') {
      try {
        metadata = { ...metadata, ...(readJson(join(dir, artifact.additionalMetadataFile)) as Record<string, MetadataEntry[]>) };
      } catch (e) {
        if (e instanceof InputError) onError(e);
        else throw e;
      }
    }
    const entries: Array<[string, string]> = [];
    const created = new Map<string, string>();
    const firstAppFrame = (trace: unknown) => (Array.isArray(trace) ? trace.find((frame): frame is string => typeof frame === 'string' && appFrame(frame) !== undefined) : undefined);
    for (const [key, list] of Object.entries(metadata)) {
      if (!Array.isArray(list)) continue;
      const path = key.replace(/^\//, '');
      for (const entry of list) {
        if (entry?.type === 'aws:cdk:logicalId' && typeof entry.data === 'string') entries.push([path, entry.data]);
        const frame = firstAppFrame(entry?.type === 'aws:cdk:creationStack' ? entry.data : entry?.type === 'aws:cdk:logicalId' ? entry.trace : undefined);
        if (frame && !created.has(path)) created.set(path, frame);
      }
    }
    const nested = entries.map(([path]) => nestedStackPath(path)).filter((p): p is string => !!p).sort((a, b) => b.length - a.length);
    const byStack = new Map<string, Map<string, string>>([['', new Map()]]);
    for (const [path, logicalId] of entries) {
      const owner = nested.find((n) => path.startsWith(`${n}/`)) ?? '';
      let map = byStack.get(owner);
      if (!map) byStack.set(owner, (map = new Map()));
      map.set(logicalId, path);
    }
    return (constructs = { paths: byStack, created });
  };
}

/** `displayName` is the stack's construct path (`Prod/ContactCentre` for a stack in Stage `Prod`). */
function constructAccess(constructs: () => StackConstructs, stackPath: string | undefined): Pick<AssemblyStack, 'constructPaths' | 'creation'> {
  return { constructPaths: () => constructs().paths, creation: creationOf(constructs, stackPath) };
}

/** `aws://123456789012/us-east-1`; `unknown-account`/`unknown-region` (environment-agnostic stacks) stay unset. */
export function parseEnvironment(env: string | undefined): { account?: string; region?: string } {
  const m = /^aws:\/\/([^/]+)\/(.+)$/.exec(env ?? '');
  if (!m) return {};
  return {
    account: /^\d{12}$/.test(m[1]) ? m[1] : undefined,
    region: m[2] === 'unknown-region' ? undefined : m[2],
  };
}

function readJson(file: string, listedIn?: string): unknown {
  const data = readInput(file, listedIn);
  try {
    // A byte-order mark is no JSON, but editors write one.
    return JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(file, `malformed JSON: ${(e as Error).message}`);
  }
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

/**
 * The artifact as the loader reads it, every field checked: a manifest written by hand or by another
 * tool can hold anything, and a wrong field must be named, not met as a JavaScript error.
 */
function checkedArtifact(manifest: string, id: string, raw: unknown): Artifact {
  const where = `artifact ${JSON.stringify(id)}`;
  if (!isMapping(raw)) throw new InputError(manifest, `${where} is ${describe(raw)}, not an object`);
  const props = raw.properties;
  if (props !== undefined && !isMapping(props)) throw new InputError(manifest, `properties of ${where} is ${describe(props)}, not an object`);
  for (const [key, value] of [['type', raw.type], ['environment', raw.environment], ['additionalMetadataFile', raw.additionalMetadataFile]] as const) {
    if (value !== undefined && typeof value !== 'string') throw new InputError(manifest, `${key} of ${where} is ${describe(value)}, not a string`);
  }
  for (const key of ['templateFile', 'stackName', 'directoryName', 'file'] as const) {
    const value = props?.[key];
    if (value !== undefined && typeof value !== 'string') throw new InputError(manifest, `properties.${key} of ${where} is ${describe(value)}, not a string`);
  }
  const parameters = props?.parameters;
  if (parameters !== undefined && (!isMapping(parameters) || Object.values(parameters).some((v) => typeof v !== 'string'))) {
    throw new InputError(manifest, `properties.parameters of ${where} must map parameter names to strings`);
  }
  if (raw.metadata !== undefined && !isMapping(raw.metadata)) throw new InputError(manifest, `metadata of ${where} is ${describe(raw.metadata)}, not an object`);
  return raw as Artifact;
}

function realpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** Asset hash → file, from the asset manifests of one assembly directory (read on first use). */
function assetIndex(dir: string, artifacts: Record<string, Artifact>, onError: (e: InputError) => void): () => Record<string, string> {
  let index: Record<string, string> | undefined;
  return () => {
    if (index) return index;
    index = {};
    for (const a of Object.values(artifacts)) {
      if (a.type !== 'cdk:asset-manifest' || !a.properties?.file) continue;
      try {
        const files = (readJson(join(dir, a.properties.file)) as { files?: unknown }).files;
        for (const [hash, f] of Object.entries(isMapping(files) ? files : {})) {
          const source = isMapping(f) ? f.source : undefined;
          if (isMapping(source) && typeof source.path === 'string') index[hash] = join(dir, source.path);
        }
      } catch (e) {
        if (e instanceof InputError) onError(e);
        else throw e;
      }
    }
    return index;
  };
}

/**
 * Every stack template of a cloud assembly, Stage sub-assemblies (`cdk:cloud-assembly` artifacts)
 * included. `manifest` is the path of `manifest.json`.
 */
export function assemblyStacks(manifest: string, onError: (e: InputError) => void, within: ReadonlySet<string> = new Set(), listedIn?: string): AssemblyStack[] {
  const dir = dirname(manifest);
  const real = realpath(manifest);
  if (within.has(real)) throw new InputError(manifest, 'is a cloud assembly that contains itself (a cdk:cloud-assembly artifact points back at it)');
  // A nested assembly's manifest is named with the manifest that lists it: the user never named it.
  const parsed = readJson(manifest, listedIn) as Manifest;
  if (!isMapping(parsed)) throw new InputError(manifest, `is not a cloud assembly manifest (the document is ${describe(parsed)})`);
  if (!isMapping(parsed.artifacts)) {
    throw new InputError(manifest, parsed.artifacts === undefined ? 'is not a cloud assembly manifest (no artifacts)' : `is not a cloud assembly manifest (artifacts is ${describe(parsed.artifacts)}, not an object)`);
  }
  const artifacts: Record<string, Artifact> = {};
  for (const [id, raw] of Object.entries(parsed.artifacts)) {
    try {
      artifacts[id] = checkedArtifact(manifest, id, raw);
    } catch (e) {
      if (e instanceof InputError) onError(e);
      else throw e;
    }
  }
  const assets = assetIndex(dir, artifacts, onError);
  const stacks: AssemblyStack[] = [];
  const inside = new Set([...within, real]);
  for (const [id, artifact] of Object.entries(artifacts)) {
    const props = artifact.properties ?? {};
    if (artifact.type === 'aws:cloudformation:stack' && !props.templateFile) {
      // A stack the manifest lists without its template would otherwise pass unchecked.
      onError(new InputError(manifest, `stack artifact ${JSON.stringify(id)} names no templateFile, so its resources cannot be checked`));
    } else if (artifact.type === 'cdk:cloud-assembly' && !props.directoryName) {
      onError(new InputError(manifest, `nested assembly artifact ${JSON.stringify(id)} names no directoryName, so its stacks cannot be checked`));
    }
    if (artifact.type === 'aws:cloudformation:stack' && props.templateFile) {
      stacks.push({
        name: props.stackName ?? id,
        file: join(dir, props.templateFile),
        assembly: manifest,
        ...parseEnvironment(artifact.environment),
        parameters: props.parameters,
        assets,
        ...constructAccess(constructsOf(dir, artifact, onError), artifact.displayName ?? id),
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && props.directoryName) {
      try {
        stacks.push(...assemblyStacks(join(dir, props.directoryName, 'manifest.json'), onError, inside, `${manifest} as artifact ${JSON.stringify(id)}`));
      } catch (e) {
        if (e instanceof InputError) onError(e);
        else throw e;
      }
    }
  }
  return stacks;
}

export interface NestedTemplate {
  /** Logical id of the `AWS::CloudFormation::Stack` resource in the parent. */
  logicalId: string;
  /** The nested stack's construct path when the template has construct paths (as at synth), else `Parent/LogicalId`. */
  name: string;
  /** Its template, when the assembly holds it. */
  file?: string;
}

/**
 * Templates of the nested stacks a template declares: from the `aws:asset:path` metadata the CDK CLI
 * writes, or else from the asset hash at the end of `TemplateURL`, looked up in the asset manifest.
 */
export function nestedTemplates(template: CfnTemplate, stack: AssemblyStack, paths: ReadonlyMap<string, string>): NestedTemplate[] {
  const out: NestedTemplate[] = [];
  for (const [logicalId, r] of Object.entries(template.Resources ?? {})) {
    if (r?.Type !== 'AWS::CloudFormation::Stack') continue;
    const cdkPath = r.Metadata?.['aws:cdk:path'];
    const resourcePath = typeof cdkPath === 'string' ? cdkPath : paths.get(logicalId);
    const path = resourcePath === undefined ? undefined : nestedStackPath(resourcePath);
    const name = path ?? `${stack.name}/${logicalId}`;
    const assetPath = r.Metadata?.['aws:asset:path'];
    if (typeof assetPath === 'string') {
      out.push({ logicalId, name, file: join(dirname(stack.file), assetPath) });
      continue;
    }
    const hash = /([0-9a-f]{64})\.json/.exec(JSON.stringify(r.Properties?.TemplateURL ?? ''))?.[1];
    out.push({ logicalId, name, file: hash ? stack.assets()[hash] : undefined });
  }
  return out;
}
