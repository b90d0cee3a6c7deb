import type { Collector } from '../collector';
import { cloudTrailTrails } from './cloudtrail';
import { cloudWatchAlarms } from './cloudwatch-alarms';
import { configService } from './config';
import { eventBridgeRules } from './eventbridge-rules';
import { iamIdentities } from './iam';
import { lexBots } from './lex-bots';
import { lexV1Bots, lexV1ServiceRoles } from './lex-v1';
import { aiOptOutPolicy, serviceControlPolicies } from './organizations';
import { auditManager } from './audit-manager';
import { securityHub } from './security-hub';
import { vpcEndpoints } from './vpc-endpoints';
import { transcribeArtifacts } from './transcribe/artifacts';
import { transcribeJobs } from './transcribe/jobs';

/**
 * Every collector of the live audit. Service collectors (Lex, Transcribe) read what they audit and
 * follow what it references (log groups, buckets, keys, functions: `follow/`, each read once per run
 * whoever refers to it); the others read account baselines (identities, trails, Config, Security
 * Hub, Organizations, endpoints, alarms, EventBridge rules). Resource types, live-only ones included,
 * are named in `lib/model/types/`.
 */
export const ALL_COLLECTORS: readonly Collector[] = [
  lexBots,
  lexV1Bots,
  iamIdentities,
  lexV1ServiceRoles,
  cloudTrailTrails,
  cloudWatchAlarms,
  eventBridgeRules,
  configService,
  securityHub,
  auditManager,
  vpcEndpoints,
  aiOptOutPolicy,
  serviceControlPolicies,
  transcribeJobs,
  transcribeArtifacts,
];
