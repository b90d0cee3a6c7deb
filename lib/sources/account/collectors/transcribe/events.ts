import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { failed, type CollectorContext } from '../../collector';
import { op } from '../support/calls';
import { once } from '../support/once';
import { loadCloudTrail } from '../support/sdk';

export const LOOKUP_EVENTS = op('cloudtrail', 'LookupEvents');

const TRANSCRIBE_SOURCE = 'transcribe.amazonaws.com';

/** 50 events a page (the API's maximum): 2,500 events per event name and Region at most, at LookupEvents' 2 calls a second. */
const MAX_PAGES = 50;

/** One successful Transcribe API call as CloudTrail recorded it. */
export interface TrailEvent {
  name: string;
  time?: Date;
  /** `requestParameters`, member names as CloudTrail spelled them (read them through `member`). */
  request: Record<string, unknown>;
}

/**
 * A member of a CloudTrail record, whatever the case of its name: the field names of Transcribe's
 * `requestParameters` are not confirmed by an example event (`outputEncryptionKMSKeyId`,
 * `kMSEncryptionContext` are the API's members in CloudTrail's usual camelCase).
 */
export function member(record: Record<string, unknown>, name: string): unknown {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(record)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/** What CloudTrail holds for one event name in one Region, and why it may hold less than happened. */
interface NameHistory {
  events: TrailEvent[];
  /** Denied, throttled, or stopped at the page limit. */
  incomplete?: string;
}

function parse(text: string | undefined): { eventSource?: unknown; errorCode?: unknown; requestParameters?: unknown } | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as { eventSource?: unknown; errorCode?: unknown; requestParameters?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * The Region's successful Transcribe calls of one name since `ctx.since`, in one paginated, bounded
 * `LookupEvents(EventName)` pass, read once per run and shared by every collector of the Region.
 * Asking by name (not by event source) keeps Transcribe's read calls, the audit's own included, from
 * crowding the few events that matter out of the bound. Failed calls (`errorCode`) started nothing
 * and are left out; events read before a page failed are kept, since only what is found is used.
 */
async function historyOf(ctx: CollectorContext, eventName: string): Promise<NameHistory> {
  const ct = await loadCloudTrail();
  const client = ctx.client(ct.CloudTrailClient);
  return once(client, `transcribe-events|${eventName}|${ctx.since.toISOString()}`, () => readHistory(ctx, client, ct, eventName));
}

async function readHistory(ctx: CollectorContext, client: CloudTrailClient, ct: typeof import('@aws-sdk/client-cloudtrail'), eventName: string): Promise<NameHistory> {
  const events: TrailEvent[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await ctx.call(LOOKUP_EVENTS, () =>
      client.send(new ct.LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }], StartTime: ctx.since, MaxResults: 50, NextToken: token })),
    );
    if (failed(result)) return { events, incomplete: result.reason };
    for (const e of result.Events ?? []) {
      const record = parse(e.CloudTrailEvent);
      if (e.EventName !== eventName || !record || record.eventSource !== TRANSCRIBE_SOURCE || record.errorCode) continue;
      const request = record.requestParameters && typeof record.requestParameters === 'object' ? (record.requestParameters as Record<string, unknown>) : {};
      events.push({ name: eventName, time: e.EventTime, request });
    }
    if (!result.NextToken || result.NextToken === token) return { events };
    token = result.NextToken;
  }
  const oldest = events.at(-1)?.time?.toISOString();
  return { events, incomplete: `${eventName}: read stopped after ${MAX_PAGES} pages${oldest ? `, back to ${oldest}` : ''}` };
}

/** Which event a resource was created (or started) by. */
export interface EventQuery {
  names: readonly string[];
  /** The request member naming the resource (`transcriptionJobName`), matched case-insensitively. */
  nameMember: string;
  value: string;
  /** For reasons: `transcription job calls-1`. */
  what: string;
  /** The resource's creation time: a name can be reused once the old resource is deleted. */
  notAfter?: Date;
  /** Only events for which this holds. */
  where?: (event: TrailEvent) => boolean;
}

/** The newest matching event, or why none was found: a reason for an Unknown, never "there was none". */
export async function findEvent(ctx: CollectorContext, q: EventQuery): Promise<TrailEvent | string> {
  const histories = await Promise.all(q.names.map((n) => historyOf(ctx, n)));
  let best: TrailEvent | undefined;
  for (const e of histories.flatMap((h) => h.events)) {
    if (member(e.request, q.nameMember) !== q.value || (q.where && !q.where(e))) continue;
    // A minute of slack: the resource's CreationTime and the event's time come from different clocks.
    if (q.notAfter && e.time && e.time.getTime() > q.notAfter.getTime() + 60_000) continue;
    if (!best || (e.time?.getTime() ?? 0) > (best.time?.getTime() ?? 0)) best = e;
  }
  if (best) return best;
  const notes = histories.flatMap((h) => (h.incomplete ? [h.incomplete] : []));
  return `no ${q.names.join('/')} event for ${q.what} in the CloudTrail event history of ${ctx.region} since ${ctx.since.toISOString().slice(0, 10)}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** `findEvent`, run only when first asked for: histories are read only if some resource needs them. */
export function eventOf(ctx: CollectorContext, q: EventQuery): () => Promise<TrailEvent | string> {
  let found: Promise<TrailEvent | string> | undefined;
  return () => (found ??= findEvent(ctx, q));
}
