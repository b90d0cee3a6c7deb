import { Composite, Reference, render } from '../model/values';
import { actionInfo, resourceFormats } from './actions';

/**
 * What a `Resource` entry of a statement reaches, for the actions of the statement, read against the ARN
 * formats of the IAM data: `arn:aws:kms:us-east-1:111122223333:key/*` is every key of the account and
 * Region, `arn:aws:s3:::logs/*` the objects of one bucket, and `arn:aws:kms::111122223333:key/*` (no
 * Region) no key at all, since every key ARN has one.
 */
export type ResourceReach =
  /** `"*"`: everything the actions can act on. */
  | { kind: 'everything' }
  /** Every resource of one type (`key/*`, `bot/*`, `arn:aws:s3:::*`), in the Regions and accounts the ARN names. */
  | { kind: 'every'; type: string }
  /** No resource of the types the actions act on: the ARN lacks a part every such ARN has. */
  | { kind: 'nothing'; why: string }
  /** Named resources, or a pattern narrower than a whole type (`arn:aws:s3:::*transcribe*`). */
  | { kind: 'named' };

/** Placeholders of `Fn::Sub` hold colons of their own (`${AWS::Region}`): they stand for one value each. */
const PLACEHOLDER = '\u0000';

interface Format {
  type: string;
  service: string;
  /** `${Region}` appears in the format. */
  regional: boolean;
  /** `${Account}` appears in the format. */
  accountScoped: boolean;
  /** The resource part (after the fifth colon) as a regular expression; group 1 is its first variable. */
  resource: RegExp;
}

const parsedFormats = new Map<string, Format[]>();

function formatsOf(service: string): Format[] {
  let list = parsedFormats.get(service);
  if (list) return list;
  list = [];
  for (const [type, arns] of resourceFormats(service)) {
    for (const arn of arns.split(/,\s*/)) {
      const fields = arn.split(':');
      if (fields.length < 6 || fields[0] !== 'arn') continue;
      const resourcePart = fields.slice(5).join(':');
      const parts = resourcePart.split(/\$\{[^}]+\}/);
      if (parts.length < 2) continue;
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const body = parts.map(escape).join('(.*?)').replace(/\(\.\*\?\)$/, '(.*)');
      list.push({ type, service: fields[2], regional: fields[3].includes('${Region}'), accountScoped: fields[4].includes('${Account}'), resource: new RegExp(`^${body}$`, 's') });
    }
  }
  parsedFormats.set(service, list);
  return list;
}

/** Resource types the actions act on (`kms:Decrypt` → `key`), per service. */
function typesOf(actions: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const action of actions) {
    const info = actionInfo(action);
    if (!info) continue;
    const service = action.split(':')[0].toLowerCase();
    const set = out.get(service) ?? new Set<string>();
    for (const t of info.resourceTypes) set.add(t.name);
    out.set(service, set);
  }
  return out;
}

/** An ARN as text with each non-literal part as one opaque placeholder; undefined for what is no ARN here (a reference to a resource of the run). */
function arnText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Composite) {
    if (!(typeof value.parts[0] === 'string' && value.parts[0].startsWith('arn:'))) return undefined;
    return value.parts.map((p) => (typeof p === 'string' ? p : PLACEHOLDER)).join('');
  }
  return undefined;
}

/**
 * What one `Resource` entry reaches for the given actions (as the IAM data names them, e.g. the
 * expansion of the statement's patterns). A reference to a resource of the run, or an ARN whose
 * service or format the data does not know, is `named`: nothing broader can be said of it.
 */
export function resourceReach(value: unknown, actions: readonly string[]): ResourceReach {
  if (value === '*') return { kind: 'everything' };
  if (value instanceof Reference) return { kind: 'named' };
  const text = arnText(value);
  if (text === undefined) return { kind: 'named' };
  const fields = text.split(':');
  if (fields.length < 6 || fields[0] !== 'arn') return { kind: 'named' };
  const [, , service, region, account] = fields;
  const resource = fields.slice(5).join(':');
  if (service === '*') return resource === '*' ? { kind: 'everything' } : { kind: 'named' };
  const wanted = typesOf(actions).get(service.toLowerCase());
  if (!wanted || wanted.size === 0) return { kind: 'named' };
  const candidates = formatsOf(service.toLowerCase()).filter((f) => wanted.has(f.type) && f.service === service.toLowerCase());
  if (candidates.length === 0) return { kind: 'named' };
  // The ARN lacks a Region (or account) that every ARN of these types has: it matches none of them.
  if (region === '' && candidates.every((f) => f.regional)) return { kind: 'nothing', why: `${render(value)} has no Region, and every ${service} ${[...wanted].join('/')} ARN has one` };
  if (account === '' && candidates.every((f) => f.accountScoped)) return { kind: 'nothing', why: `${render(value)} has no account, and every ${service} ${[...wanted].join('/')} ARN has one` };
  if (resource === '*') return { kind: 'every', type: [...wanted].join('/') };
  for (const f of candidates) {
    const m = f.resource.exec(resource);
    if (m && m[1] === '*') return { kind: 'every', type: f.type };
  }
  return { kind: 'named' };
}
