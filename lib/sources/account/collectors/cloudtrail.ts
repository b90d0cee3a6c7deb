import type { Trail } from '@aws-sdk/client-cloudtrail';
import { failed, type Collector, type CollectorContext } from '../collector';
import { parseArn } from '../../../model/arn';
import { op, orUnknown } from './support/calls';
import { once } from './support/once';
import { live } from './support/shape';
import { TRAIL } from '../../../model/types/cloudtrail';
import { loadCloudTrail } from './support/sdk';

const CLOUDTRAIL = {
  DescribeTrails: op('cloudtrail', 'DescribeTrails'),
  GetTrailStatus: op('cloudtrail', 'GetTrailStatus'),
  GetEventSelectors: op('cloudtrail', 'GetEventSelectors'),
};

/**
 * Trails that record this Region, shadow trails of multi-Region trails included, as
 * `AWS::CloudTrail::Trail` {TrailName, S3BucketName, IsLogging (GetTrailStatus),
 * IsMultiRegionTrail, IncludeGlobalServiceEvents, EnableLogFileValidation, KMSKeyId,
 * IsOrganizationTrail, EventSelectors / AdvancedEventSelectors (GetEventSelectors)}. A trail's
 * status and selectors are read once per run, from its home Region.
 */
export const cloudTrailTrails: Collector = {
  name: 'cloudtrail-trails',
  operations: Object.values(CLOUDTRAIL),
  emits: [TRAIL],
  async collect(ctx) {
    const ct = await loadCloudTrail();
    const client = ctx.client(ct.CloudTrailClient);
    const trails = await ctx.call(CLOUDTRAIL.DescribeTrails, () => client.send(new ct.DescribeTrailsCommand({ includeShadowTrails: true })));
    if (failed(trails)) {
      ctx.gap([TRAIL], trails.reason);
      return;
    }
    await Promise.all((trails.trailList ?? []).map((t) => emitTrail(ctx, t)));
  },
};

async function emitTrail(ctx: CollectorContext, trail: Trail): Promise<void> {
  const arn = trail.TrailARN;
  if (!arn || !trail.Name) return;
  const ct = await loadCloudTrail();
  const home = ctx.client(ct.CloudTrailClient, trail.HomeRegion ?? parseArn(arn)?.region ?? ctx.region);
  const [status, selectors] = await once(home, `trail|${arn}`, () =>
    Promise.all([
      ctx.call(CLOUDTRAIL.GetTrailStatus, () => home.send(new ct.GetTrailStatusCommand({ Name: arn }))),
      ctx.call(CLOUDTRAIL.GetEventSelectors, () => home.send(new ct.GetEventSelectorsCommand({ TrailName: arn }))),
    ]),
  );
  ctx.emit(
    live(TRAIL, `trail/${trail.Name}`, arn, 'cloudtrail:DescribeTrails', {
      TrailName: trail.Name,
      S3BucketName: trail.S3BucketName,
      IsLogging: orUnknown(status, (s) => s.IsLogging),
      IsMultiRegionTrail: trail.IsMultiRegionTrail,
      IncludeGlobalServiceEvents: trail.IncludeGlobalServiceEvents,
      EnableLogFileValidation: trail.LogFileValidationEnabled,
      KMSKeyId: trail.KmsKeyId,
      IsOrganizationTrail: trail.IsOrganizationTrail,
      EventSelectors: orUnknown(selectors, (s) => (s.EventSelectors?.length ? s.EventSelectors : undefined)),
      AdvancedEventSelectors: orUnknown(selectors, (s) => (s.AdvancedEventSelectors?.length ? s.AdvancedEventSelectors : undefined)),
      HomeRegion: trail.HomeRegion,
    }),
  );
}
