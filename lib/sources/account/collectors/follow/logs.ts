import type { CloudWatchLogsClient, LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { failed, type CollectorContext } from '../../collector';
import { parseArn } from '../../../../model/arn';
import { absentOn, listAll, ops, orUnknown, unknownFrom } from '../support/calls';
import { once } from '../support/once';
import { live, policyDocument } from '../support/shape';
import { followKey, KMS_OPERATIONS, KMS_TYPES } from './kms';
import { LOG_GROUP } from '../../../../model/types/logs';
import { loadLogs } from '../support/sdk';

export const LOGS_OPERATIONS = [...ops('logs', 'DescribeLogGroups', 'GetDataProtectionPolicy'), ...KMS_OPERATIONS];
export const LOGS_TYPES = [LOG_GROUP, ...KMS_TYPES];

/** Name and Region of `arn:…:logs:<region>:<account>:log-group:<name>[:*]`. */
function groupOf(ref: string): { name: string; region: string } | undefined {
  const arn = parseArn(ref);
  const name = arn?.service === 'logs' ? /^log-group:(.+?)(:\*)?$/.exec(arn.resource)?.[1] : undefined;
  return arn && name ? { name, region: arn.region } : undefined;
}

/**
 * Read a log group that something collected writes to (Lex text logs) and emit
 * `AWS::Logs::LogGroup` {LogGroupName, KmsKeyId, RetentionInDays, DataProtectionPolicy; live-only
 * InheritedProperties (an account-wide data protection policy shows there as
 * `ACCOUNT_DATA_PROTECTION`)}, and its KMS key.
 */
export async function followLogGroup(ctx: CollectorContext, ref: string | undefined): Promise<void> {
  const group = ref ? groupOf(ref) : undefined;
  if (!group) return;
  const { CloudWatchLogsClient: Client } = await loadLogs();
  const client = ctx.client(Client, group.region);
  await once(client, `log-group|${group.name}`, () => readLogGroup(ctx, client, group.name, group.region));
}

async function readLogGroup(ctx: CollectorContext, client: CloudWatchLogsClient, name: string, region: string): Promise<void> {
  const { DescribeLogGroupsCommand, GetDataProtectionPolicyCommand } = await loadLogs();
  const groups = await listAll(
    ctx,
    LOGS_OPERATIONS[0],
    (nextToken) => client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, nextToken })),
    (page) => ({ items: page.logGroups, next: page.nextToken }),
  );
  const arn = `arn:${ctx.partition}:logs:${region}:${ctx.account}:log-group:${name}`;
  if (failed(groups)) {
    const reason = unknownFrom(groups);
    ctx.emit(live(LOG_GROUP, `log-group/${name}`, arn, 'logs:DescribeLogGroups', { LogGroupName: name, KmsKeyId: reason, RetentionInDays: reason, DataProtectionPolicy: reason }));
    return;
  }
  // A group that no longer exists stays an external reference.
  const group: LogGroup | undefined = groups.find((g) => g.logGroupName === name);
  if (!group) return;
  const protection = await ctx.call(LOGS_OPERATIONS[1], () =>
    absentOn(['ResourceNotFoundException'], () => client.send(new GetDataProtectionPolicyCommand({ logGroupIdentifier: name }))),
  );
  ctx.emit(
    live(LOG_GROUP, `log-group/${name}`, group.logGroupArn ?? arn, 'logs:DescribeLogGroups', {
      LogGroupName: name,
      KmsKeyId: group.kmsKeyId,
      RetentionInDays: group.retentionInDays,
      LogGroupClass: group.logGroupClass,
      DataProtectionPolicy: orUnknown(protection, (r) => policyDocument(r?.policyDocument || undefined)),
      InheritedProperties: group.inheritedProperties?.length ? group.inheritedProperties : undefined,
    }),
  );
  await followKey(ctx, group.kmsKeyId, region);
}
