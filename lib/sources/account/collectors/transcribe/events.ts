import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { failed, type CollectorContext } from '../../collector';
import { op } from '../support/calls';
import { once } from '../support/once';

export const LOOKUP_EVENTS = op('cloudtrail', 'LookupEvents');

/** 50 events a page (the API's maximum): 2,500 events per Region at most, at LookupEvents' 2 calls a second. */
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

/** What the Region's CloudTrail history says about Transcribe calls, read once per run and Region. */
export class TranscribeHistory {
  constructor(
    private readonly events: readonly TrailEvent[],
    /** The window read, and why it may lack events (denied, throttled, stopped at the page limit). */
    private readonly scope: string,
  ) {}

  /**
   * The event of one of `names` whose request names the resource (`member` = `value`), the newest one
   * at or before `notAfter` when given (a name can be reused once the old job is deleted).
   */
  find(names: readonly string[], nameMember: string, value: string, notAfter?: Date): TrailEvent | undefined {
    let best: TrailEvent | undefined;
    for (const e of this.events) {
      if (!names.includes(e.name) || member(e.request, nameMember) !== value) continue;
      // A minute of slack: the job's CreationTime and the event's time come from different clocks.
      if (notAfter && e.time && e.time.getTime() > notAfter.getTime() + 60_000) continue;
      if (!best || (e.time?.getTime() ?? 0) > (best.time?.getTime() ?? 0)) best = e;
    }
    return best;
  }

  /** Why no event was found: a reason for an Unknown, never "there was none". */
  missing(names: readonly string[], what: string): string {
    return `no ${names.join('/')} event for ${what} in ${this.scope}`;
  }
}

function parse(text: string | undefined): { errorCode?: unknown; requestParameters?: unknown } | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as { errorCode?: unknown; requestParameters?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * The Region's Transcribe management events since `ctx.since`, in one paginated `LookupEvents` pass
 * (LookupEvents takes one attribute: `EventSource`), shared by every collector of the run in that
 * Region. Failed calls (`errorCode`) are left out: they started nothing. Events read before a page
 * failed are kept; only what was found is ever used as evidence.
 */
export async function transcribeHistory(ctx: CollectorContext): Promise<TranscribeHistory> {
  const ct = await import('@aws-sdk/client-cloudtrail');
  const client = ctx.client(ct.CloudTrailClient);
  return once(client, `transcribe-events|${ctx.since.toISOString()}`, () => readHistory(ctx, client, ct));
}

async function readHistory(ctx: CollectorContext, client: CloudTrailClient, ct: typeof import('@aws-sdk/client-cloudtrail')): Promise<TranscribeHistory> {
  const events: TrailEvent[] = [];
  const window = `the CloudTrail event history of ${ctx.region} since ${ctx.since.toISOString().slice(0, 10)}`;
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await ctx.call(LOOKUP_EVENTS, () =>
      client.send(
        new ct.LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'transcribe.amazonaws.com' }],
          StartTime: ctx.since,
          MaxResults: 50,
          NextToken: token,
        }),
      ),
    );
    if (failed(result)) return new TranscribeHistory(events, `${window} (${result.reason})`);
    for (const e of result.Events ?? []) {
      const record = parse(e.CloudTrailEvent);
      if (!e.EventName || !record || record.errorCode) continue;
      const request = record.requestParameters && typeof record.requestParameters === 'object' ? (record.requestParameters as Record<string, unknown>) : {};
      events.push({ name: e.EventName, time: e.EventTime, request });
    }
    if (!result.NextToken || result.NextToken === token) return new TranscribeHistory(events, window);
    token = result.NextToken;
  }
  const oldest = events.at(-1)?.time?.toISOString();
  return new TranscribeHistory(events, `${window} (read stopped after ${MAX_PAGES} pages${oldest ? `, back to ${oldest}` : ''})`);
}

/**
 * The event that created (or started) one resource, looked up only when first asked for: the
 * Region's history is read once and only if some resource needs it.
 */
export function eventOf(ctx: CollectorContext, names: readonly string[], nameMember: string, value: string, what: string, notAfter?: Date): () => Promise<TrailEvent | string> {
  let found: Promise<TrailEvent | string> | undefined;
  return () => (found ??= transcribeHistory(ctx).then((history) => history.find(names, nameMember, value, notAfter) ?? history.missing(names, what)));
}
