import type { TranscribeClient } from '@aws-sdk/client-transcribe';
import type { CollectorContext } from '../../collector';
import type { Unknown } from '../../../../model/values';
import { op, orUnknown } from '../support/calls';
import { tagList } from '../support/shape';
import { ARN_RESOURCE } from '../../../../model/types/transcribe';
import { loadTranscribe } from '../support/sdk';

export const LIST_TAGS = op('transcribe', 'ListTagsForResource');

/** The logical id of a live Transcribe resource: its ARN's resource part (`transcription-job/Calls-1`). */
export function transcribeId(type: string, name: string): string {
  return `${ARN_RESOURCE[type]}${name}`;
}

export function transcribeArn(ctx: CollectorContext, type: string, name: string): string {
  return `arn:${ctx.partition}:transcribe:${ctx.region}:${ctx.account}:${transcribeId(type, name)}`;
}

/**
 * A Transcribe response as the live shape wants it. Transcribe's members are already PascalCase, and
 * some of its maps are keyed by data (`LanguageIdSettings` by language code), so nothing is renamed:
 * dates become ISO strings and absent members stay absent.
 */
export function plain(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = plain(v);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

type Tags = Array<{ Key: string; Value: string }>;

/** Tags as CloudFormation lists them; none is absent. */
export function tagsOf(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Tags | undefined {
  const list = tagList(tags);
  return list.length > 0 ? list : undefined;
}

/** `ListTagsForResource` of a vocabulary, filter, model or category (their `Get…` responses carry no tags). */
export async function readTags(ctx: CollectorContext, client: TranscribeClient, arn: string): Promise<Tags | Unknown | undefined> {
  const { ListTagsForResourceCommand } = await loadTranscribe();
  const result = await ctx.call(LIST_TAGS, () => client.send(new ListTagsForResourceCommand({ ResourceArn: arn })));
  return orUnknown(result, (r) => tagsOf(r.Tags));
}
