import { bool, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { KMS_ALIAS, KMS_KEY, type KeyAliasProps, type KeyProps } from '../../lib/model/types/kms';

/**
 * KMS key posture shared by the checks that judge a key a service writes with (LEX-DP-2/3/5,
 * TR-DP-2/3/5): which key a `KmsKeyArn`/`KMSMasterKeyID`/`KmsKeyId` value denotes, and whether it is
 * symmetric, customer managed, enabled and rotated.
 */

/** What a key reference denotes. */
export type KeyRef =
  /** A key of this run (directly, or through an `AWS::KMS::Alias` of this run: `alias`). */
  | { kind: 'key'; key: Resource; alias?: Resource; label: string }
  /** An AWS-managed key named by its alias (`alias/aws/s3`, `arn:…:alias/aws/logs`). */
  | { kind: 'aws-managed'; label: string }
  /**
   * A key id, key ARN or customer alias outside this run. AWS-managed keys are only ever named by an
   * `alias/aws/…` alias in templates (and cannot be used across accounts), so such a key is taken as
   * customer managed; its rotation and spec cannot be checked here.
   */
  | { kind: 'external'; label: string };

const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/** Resolve a key reference (key id, key ARN, alias name, alias ARN, `Ref`/`GetAtt` of a key or alias). */
export function resolveKey(graph: ResourceGraph, value: unknown): KeyRef | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  const label = render(value);
  if (AWS_MANAGED_ALIAS.test(label)) return { kind: 'aws-managed', label };
  const t = graph.target(value, KMS_KEY, KMS_ALIAS);
  if (t === undefined) return undefined;
  if (t instanceof Unknown) return new Unknown(`KMS key ${label} cannot be resolved: ${t.reason}`);
  if ('external' in t) return { kind: 'external', label: t.external };
  if (t.resource.type === KMS_KEY) return { kind: 'key', key: t.resource, label };
  if (t.resource.type === KMS_ALIAS) {
    const target = resolveKey(graph, graph.props<KeyAliasProps>(t.resource).TargetKeyId);
    if (target === undefined) return new Unknown(`alias ${t.resource.logicalId} has no TargetKeyId`);
    if (target instanceof Unknown || target.kind !== 'key') return target;
    return { ...target, alias: t.resource, label };
  }
  return new Unknown(`${label} points at ${t.resource.type} ${t.resource.logicalId}, not at a KMS key`);
}

/**
 * Whether the key is customer managed. A key of this run is, unless a live collector says otherwise
 * (`KeyManager: AWS`, a live-only property from `kms:DescribeKey`).
 */
export function isCustomerManaged(graph: ResourceGraph, ref: KeyRef): boolean | Unknown {
  if (ref.kind === 'aws-managed') return false;
  if (ref.kind === 'external') return true;
  const manager = str(graph.props<KeyProps>(ref.key).KeyManager);
  if (manager instanceof Unknown) return manager;
  return manager === undefined || manager.toUpperCase() !== 'AWS';
}

/** One property of a key's posture: fine, wrong (with why), or not knowable. */
export interface KeyFact {
  /** Short key for findings: `KeySpec`, `Rotation`, `KeyManager`, `Enabled`. */
  aspect: 'KeySpec' | 'Rotation' | 'KeyManager' | 'Enabled';
  ok: boolean | Unknown;
  detail: string;
  /** The key property behind the fact, when there is one. */
  property?: string;
}

/**
 * Posture of a key of this run, as Lex and Transcribe need it: symmetric (`KeySpec` absent or
 * `SYMMETRIC_DEFAULT`), customer managed, enabled, automatic rotation on.
 */
export function keyFacts(graph: ResourceGraph, key: Resource): KeyFact[] {
  const props = graph.props<KeyProps>(key);
  const name = key.logicalId;
  const spec = str(props.KeySpec);
  const rotation = bool(props.EnableKeyRotation);
  const enabled = bool(props.Enabled);
  const manager = isCustomerManaged(graph, { kind: 'key', key, label: name });
  return [
    {
      aspect: 'KeySpec',
      property: 'KeySpec',
      ok: spec instanceof Unknown ? spec : spec === undefined || spec === 'SYMMETRIC_DEFAULT',
      detail: spec instanceof Unknown ? `KeySpec of key ${name}: ${spec.reason}` : `key ${name} has KeySpec ${spec ?? 'SYMMETRIC_DEFAULT (default)'}`,
    },
    {
      aspect: 'KeyManager',
      ok: manager,
      detail: manager instanceof Unknown ? `KeyManager of key ${name}: ${manager.reason}` : `key ${name} is ${manager ? 'customer managed' : 'AWS managed'}`,
    },
    {
      aspect: 'Enabled',
      property: 'Enabled',
      ok: enabled instanceof Unknown ? enabled : enabled !== false,
      detail: enabled instanceof Unknown ? `Enabled of key ${name}: ${enabled.reason}` : `key ${name} is ${enabled === false ? 'disabled' : 'enabled'}`,
    },
    {
      aspect: 'Rotation',
      property: 'EnableKeyRotation',
      ok: rotation instanceof Unknown ? rotation : rotation === true,
      detail: rotation instanceof Unknown ? `EnableKeyRotation of key ${name}: ${rotation.reason}` : `key ${name} has automatic rotation ${rotation ? 'on' : 'off'}`,
    },
  ];
}

