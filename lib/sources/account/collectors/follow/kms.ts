import type { DescribeKeyResponse, KMSClient, KeyMetadata } from '@aws-sdk/client-kms';
import { failed, type CallFailure, type CollectorContext } from '../../collector';
import { parseArn } from '../../../../model/arn';
import { Unknown } from '../../../../model/values';
import { absentOn, ops, orUnknown } from '../support/calls';
import { once } from '../support/once';
import { live, policyDocument } from '../support/shape';
import { KMS_ALIAS, KMS_KEY } from '../../../../model/types/kms';
import { loadKms } from '../support/sdk';

export const KMS_OPERATIONS = ops('kms', 'DescribeKey', 'GetKeyRotationStatus', 'GetKeyPolicy');
export const KMS_TYPES = [KMS_KEY, KMS_ALIAS];

/**
 * Read a KMS key that something collected refers to (`KmsKeyArn`, `KMSMasterKeyID`, a log group's
 * `kmsKeyId`) and emit it as `AWS::KMS::Key` {KeySpec, KeyUsage, Enabled, EnableKeyRotation,
 * KeyPolicy, MultiRegion, Origin; live-only KeyState, KeyManager}. A reference through an alias
 * also emits the `AWS::KMS::Alias` {AliasName, TargetKeyId}, as a template would declare it, so
 * that references by alias ARN resolve to the key. An ARN is read in its own Region; a bare key
 * id or alias name in `region`, the Region of what refers to it.
 */
export async function followKey(ctx: CollectorContext, ref: string | undefined, region = ctx.region): Promise<void> {
  if (!ref) return;
  const arn = parseArn(ref);
  if (arn && arn.service !== 'kms') return;
  const { KMSClient: Client } = await loadKms();
  const client = ctx.client(Client, arn?.region ?? region);
  const aliasName = arn?.resource ?? ref;
  await once(client, `ref|${ref}`, async () => {
    const described = await describeKey(ctx, ref, region);
    const isAlias = (arn?.resource ?? ref).startsWith('alias/');
    if (failed(described)) {
      // Nothing is known but the reference itself: emit it with unknown properties so checks say why.
      const reason = new Unknown(described.reason);
      if (isAlias) ctx.emit(live(KMS_ALIAS, aliasName, arn && ref, 'kms:DescribeKey', { AliasName: aliasName, TargetKeyId: reason }));
      else if (arn) ctx.emit(live(KMS_KEY, `key/${ref.split('/').pop()}`, ref, 'kms:DescribeKey', unknownKey(reason)));
      return;
    }
    const meta = described?.KeyMetadata;
    if (!meta?.Arn || !meta.KeyId) return;
    if (isAlias) ctx.emit(live(KMS_ALIAS, aliasName, arn && ref, 'kms:DescribeKey', { AliasName: aliasName, TargetKeyId: meta.Arn }));
    await once(client, `key|${meta.Arn}`, () => emitKey(ctx, client, meta.Arn!, meta.KeyId!, meta));
  });
}

/**
 * `kms:DescribeKey` of a reference (an ARN in its own Region, a bare id or alias name in `region`),
 * sent once per run whoever asks: the key is followed and its `KeyManager` read from the same answer.
 */
export async function describeKey(ctx: CollectorContext, ref: string, region = ctx.region): Promise<DescribeKeyResponse | undefined | CallFailure> {
  const { KMSClient: Client, DescribeKeyCommand } = await loadKms();
  const client = ctx.client(Client, parseArn(ref)?.region ?? region);
  return once(client, `describe|${ref}`, () => ctx.call(KMS_OPERATIONS[0], () => absentOn(['NotFoundException'], () => client.send(new DescribeKeyCommand({ KeyId: ref })))));
}

function unknownKey(reason: Unknown): Record<string, unknown> {
  return { KeySpec: reason, KeyUsage: reason, Enabled: reason, EnableKeyRotation: reason, KeyPolicy: reason, KeyState: reason, KeyManager: reason };
}

async function emitKey(ctx: CollectorContext, client: KMSClient, arn: string, keyId: string, meta: KeyMetadata): Promise<void> {
  const { GetKeyRotationStatusCommand, GetKeyPolicyCommand } = await loadKms();
  // Asymmetric and HMAC keys cannot rotate: the API refuses, which means "no rotation", not "unreadable".
  const rotation = await ctx.call(KMS_OPERATIONS[1], () => absentOn(['UnsupportedOperationException'], () => client.send(new GetKeyRotationStatusCommand({ KeyId: arn }))));
  const foreign = meta.AWSAccountId !== undefined && meta.AWSAccountId !== ctx.account;
  const policy = foreign
    ? new Unknown(`key ${arn} belongs to account ${meta.AWSAccountId}: its key policy can only be read there`)
    : orUnknown(await ctx.call(KMS_OPERATIONS[2], () => client.send(new GetKeyPolicyCommand({ KeyId: arn, PolicyName: 'default' }))), (r) => policyDocument(r.Policy));
  ctx.emit(
    live(KMS_KEY, `key/${keyId}`, arn, 'kms:DescribeKey', {
      Description: meta.Description,
      KeySpec: meta.KeySpec,
      KeyUsage: meta.KeyUsage,
      Enabled: meta.Enabled,
      MultiRegion: meta.MultiRegion,
      Origin: meta.Origin,
      EnableKeyRotation: orUnknown(rotation, (r) => r?.KeyRotationEnabled),
      KeyPolicy: policy,
      KeyState: meta.KeyState,
      KeyManager: meta.KeyManager,
    }),
  );
}
