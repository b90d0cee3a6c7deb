import { failed, type Collector } from '../collector';
import { absentOn, listAll, op, unknownFrom } from './support/calls';
import { live } from './support/shape';
import { LEX_V1_BOT, LEX_V1_SERVICE_ROLE } from '../../../model/types/lex';

const GET_BOTS = op('lex', 'GetBots');
const GET_ROLE = op('iam', 'GetRole');

/**
 * Lex V1 bots left in a Region, as `Live::LexV1::Bot` {Name, Status, Version, LastUpdatedDate}.
 * V1 reached end of support on 2025-09-15: when its endpoint no longer answers, the listing is a gap
 * (LEX-DP-15 reports it as UNKNOWN at INFO).
 */
export const lexV1Bots: Collector = {
  name: 'lex-v1-bots',
  operations: [GET_BOTS],
  emits: [LEX_V1_BOT],
  async collect(ctx) {
    const v1 = await import('@aws-sdk/client-lex-model-building-service');
    const client = ctx.client(v1.LexModelBuildingServiceClient);
    const bots = await listAll(
      ctx,
      GET_BOTS,
      (nextToken) => client.send(new v1.GetBotsCommand({ nextToken })),
      (page) => ({ items: page.bots, next: page.nextToken }),
    );
    if (failed(bots)) {
      ctx.gap([LEX_V1_BOT], bots.reason);
      return;
    }
    for (const b of bots) {
      if (!b.name) continue;
      ctx.emit(
        live(LEX_V1_BOT, `lex-v1-bot/${b.name}`, `arn:${ctx.partition}:lex:${ctx.region}:${ctx.account}:bot:${b.name}`, 'lex:GetBots', {
          Name: b.name,
          Status: b.status,
          Version: b.version,
          LastUpdatedDate: b.lastUpdatedDate?.toISOString(),
        }),
      );
    }
  },
};

/** The V1 service-linked roles, by the service that owned them (L1 `using-service-linked-roles.md`). */
const V1_ROLES = [
  { name: 'AWSServiceRoleForLexBots', service: 'lex.amazonaws.com' },
  { name: 'AWSServiceRoleForLexChannels', service: 'channels.lex.amazonaws.com' },
];

/**
 * The two Lex V1 service-linked roles, looked up by name with `iam:GetRole`, as
 * `Live::LexV1::ServiceLinkedRole` {RoleName, AWSServiceName, Exists, Arn, Path, RoleLastUsed}:
 * `NoSuchEntity` is the expected answer (`Exists: false`); any other failure makes `Exists` unknown.
 */
export const lexV1ServiceRoles: Collector = {
  name: 'lex-v1-service-roles',
  global: true,
  operations: [GET_ROLE],
  emits: [LEX_V1_SERVICE_ROLE],
  async collect(ctx) {
    const iam = await import('@aws-sdk/client-iam');
    const client = ctx.client(iam.IAMClient);
    for (const { name, service } of V1_ROLES) {
      const result = await ctx.call(GET_ROLE, () => absentOn(['NoSuchEntity', 'NoSuchEntityException'], () => client.send(new iam.GetRoleCommand({ RoleName: name }))));
      const role = failed(result) ? undefined : result?.Role;
      ctx.emit(
        // No provenance ARN: the role itself, when it exists, is the AWS::IAM::Role of that ARN.
        live(LEX_V1_SERVICE_ROLE, `lex-v1-service-role/${name}`, undefined, 'iam:GetRole', {
          RoleName: name,
          Arn: role?.Arn,
          AWSServiceName: service,
          Exists: failed(result) ? unknownFrom(result) : role !== undefined,
          Path: role?.Path,
          CreateDate: role?.CreateDate?.toISOString(),
          RoleLastUsed: role?.RoleLastUsed?.LastUsedDate ? { LastUsedDate: role.RoleLastUsed.LastUsedDate.toISOString(), Region: role.RoleLastUsed.Region } : undefined,
        }),
      );
    }
  },
};
