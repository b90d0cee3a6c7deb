import { TOPICS, type Check } from '../lib/engine/check';
import lexComp1 from './compliance/lex-comp-1-data-classification';
import lexComp2 from './compliance/lex-comp-2-security-hub-config';
import trComp1 from './compliance/tr-comp-1-phi-workloads';
import trComp2 from './compliance/tr-comp-2-security-hub-config';
import lexDp1 from './data-protection/lex-dp-1-child-directed';
import lexDp10 from './data-protection/lex-dp-10-child-directed-logging';
import lexDp11 from './data-protection/lex-dp-11-selective-logging';
import lexDp12 from './data-protection/lex-dp-12-sentiment-analysis';
import lexDp13 from './data-protection/lex-dp-13-bedrock-guardrails';
import lexDp14 from './data-protection/lex-dp-14-s3-artifacts-kms';
import lexDp15 from './data-protection/lex-dp-15-no-v1-bots';
import lexDp16 from './data-protection/lex-dp-16-no-personal-data-in-names';
import lexDp2 from './data-protection/lex-dp-2-audio-log-kms';
import lexDp3 from './data-protection/lex-dp-3-log-keys';
import lexDp4 from './data-protection/lex-dp-4-text-log-group-kms';
import lexDp5 from './data-protection/lex-dp-5-audio-log-bucket';
import lexDp6 from './data-protection/lex-dp-6-slot-obfuscation';
import lexDp7 from './data-protection/lex-dp-7-log-data-protection';
import lexDp8 from './data-protection/lex-dp-8-idle-session-ttl';
import lexDp9 from './data-protection/lex-dp-9-ai-opt-out';
import trDp1 from './data-protection/tr-dp-1-customer-bucket';
import trDp10 from './data-protection/tr-dp-10-custom-artifacts';
import trDp11 from './data-protection/tr-dp-11-no-personal-data';
import trDp12 from './data-protection/tr-dp-12-app-started-jobs';
import trDp2 from './data-protection/tr-dp-2-output-kms';
import trDp3 from './data-protection/tr-dp-3-keys';
import trDp4 from './data-protection/tr-dp-4-encryption-context';
import trDp5 from './data-protection/tr-dp-5-input-bucket';
import trDp6 from './data-protection/tr-dp-6-pii-redaction';
import trDp7 from './data-protection/tr-dp-7-unredacted-output';
import trDp8 from './data-protection/tr-dp-8-phi-identification';
import trDp9 from './data-protection/tr-dp-9-ai-opt-out';
import lexIam1 from './iam/lex-iam-1-wildcard-principal';
import lexIam10 from './iam/lex-iam-10-trust-conditions';
import lexIam2 from './iam/lex-iam-2-service-principal-conditions';
import lexIam3 from './iam/lex-iam-3-least-privilege';
import lexIam4 from './iam/lex-iam-4-same-account';
import lexIam5 from './iam/lex-iam-5-full-access';
import lexIam6 from './iam/lex-iam-6-pass-role';
import lexIam7 from './iam/lex-iam-7-bot-role';
import lexIam8 from './iam/lex-iam-8-lambda-permission';
import lexIam9 from './iam/lex-iam-9-tags';
import trIam1 from './iam/tr-iam-1-trust-conditions';
import trIam2 from './iam/tr-iam-2-data-access-role';
import trIam3 from './iam/tr-iam-3-start-job-conditions';
import trIam4 from './iam/tr-iam-4-full-access';
import trIam5 from './iam/tr-iam-5-kms-key-policy';
import trIam6 from './iam/tr-iam-6-tags';
import trIam7 from './iam/tr-iam-7-long-term-keys';
import lexNet1 from './infrastructure/lex-net-1-interface-endpoints';
import lexNet2 from './infrastructure/lex-net-2-endpoint-policy';
import lexNet3 from './infrastructure/lex-net-3-network-conditions';
import trNet1 from './infrastructure/tr-net-1-interface-endpoints';
import trNet2 from './infrastructure/tr-net-2-endpoint-policy';
import lexMon1 from './monitoring/lex-mon-1-cloudtrail';
import lexMon2 from './monitoring/lex-mon-2-text-logs';
import lexMon3 from './monitoring/lex-mon-3-log-delivery-alarms';
import lexMon4 from './monitoring/lex-mon-4-runtime-alarms';
import lexMon5 from './monitoring/lex-mon-5-error-logs';
import lexMon6 from './monitoring/lex-mon-6-log-retention';
import lexMon7 from './monitoring/lex-mon-7-config-recorder';
import trMon1 from './monitoring/tr-mon-1-cloudtrail';
import trMon2 from './monitoring/tr-mon-2-eventbridge';
import trMon3 from './monitoring/tr-mon-3-alarms';
import trMon4 from './monitoring/tr-mon-4-config-recorder';
import lexRes1 from './resilience/lex-res-1-replication';
import lexRes2 from './resilience/lex-res-2-numbered-version';
import trRes1 from './resilience/tr-res-1-output-versioning';
import lexSlr1 from './service-linked-roles/lex-slr-1-bot-role-kind';
import lexSlr2 from './service-linked-roles/lex-slr-2-orphaned';
import lexSlr3 from './service-linked-roles/lex-slr-3-legacy-v1-roles';
import lexSlr4 from './service-linked-roles/lex-slr-4-create-delete-scope';
import lexVuln1 from './vulnerability/lex-vuln-1-code-hook-runtime';

const TOPIC_ORDER = Object.keys(TOPICS);

/** Catalog order: topic, then Lex before Transcribe, then number (LEX-IAM-2 before LEX-IAM-10). */
function catalogOrder(a: Check, b: Check): number {
  const number = (c: Check) => Number(c.id.split('-').pop());
  // Services are lower-case names (lex, transcribe): compared as text, without loading a collator at start-up.
  const service = a.service === b.service ? 0 : a.service < b.service ? -1 : 1;
  return TOPIC_ORDER.indexOf(a.topic) - TOPIC_ORDER.indexOf(b.topic) || service || number(a) - number(b);
}

/**
 * The registry: every check of the catalog, one import per check file. Adding a check is its file,
 * its line here and its tester table (see the README's "Adding a check").
 */
export const ALL_CHECKS: readonly Check[] = [
  lexComp1, lexComp2, trComp1, trComp2, lexDp1, lexDp10, lexDp11, lexDp12, lexDp13, lexDp14, lexDp15, lexDp16,
  lexDp2, lexDp3, lexDp4, lexDp5, lexDp6, lexDp7, lexDp8, lexDp9, trDp1, trDp10, trDp11, trDp12, trDp2, trDp3,
  trDp4, trDp5, trDp6, trDp7, trDp8, trDp9, lexIam1, lexIam10, lexIam2, lexIam3, lexIam4, lexIam5, lexIam6,
  lexIam7, lexIam8, lexIam9, trIam1, trIam2, trIam3, trIam4, trIam5, trIam6, trIam7, lexNet1, lexNet2, lexNet3,
  trNet1, trNet2, lexMon1, lexMon2, lexMon3, lexMon4, lexMon5, lexMon6, lexMon7, trMon1, trMon2, trMon3,
  trMon4, lexRes1, lexRes2, trRes1, lexSlr1, lexSlr2, lexSlr3, lexSlr4, lexVuln1,
].sort(catalogOrder);

export function findCheck(id: string): Check | undefined {
  const upper = id.toUpperCase();
  return ALL_CHECKS.find((c) => c.id === upper);
}
