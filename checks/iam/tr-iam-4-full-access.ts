import { option } from '../../lib/engine/options';
import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';
import { isAwsManagedPolicy, managedPolicyArns } from '../../lib/policy/identity';
import { matchesAny } from '../shared/lex-iam';
import { PRINCIPAL_TYPES } from '../../lib/model/types/iam';
import { namesOf, principalReaches } from '../../lib/model/relations/iam';
import { TRANSCRIBE_DATA_ACCESS_ROLES } from '../../lib/model/relations/transcribe';
import { assumedOnlyBy } from '../../lib/policy/trust';
import { TRANSCRIBE_PRINCIPALS } from '../../lib/model/types/transcribe';

const FULL_ACCESS = 'AmazonTranscribeFullAccess';

export default defineCheck({
  id: 'TR-IAM-4',
  title: 'AmazonTranscribeFullAccess is not attached to workloads',
  severity: 'MEDIUM',
  rationale:
    'AmazonTranscribeFullAccess grants transcribe:* and S3 access to every bucket whose name contains "transcribe": a workload holding it can start jobs without output or key constraints and read other teams\' media and transcripts by bucket name alone.',
  remediation: 'Replace AmazonTranscribeFullAccess with a custom policy naming the Start*Job actions, the buckets and the keys the workload needs; keep it only for admin roles listed in adminRolePatterns.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/security_iam_id-based-policy-examples.html',
  modes: ['synth', 'live'],
  options: {
    adminRolePatterns: option.strings(
      [],
      'Globs naming admin roles, users or groups (matched against logical id, construct path, name and ARN) that may hold AmazonTranscribeFullAccess. Default: none, so every attachment is reported.',
    ),
  },
  resourceTypes: PRINCIPAL_TYPES,
  evaluate(principal, { graph, options }) {
    const arns = managedPolicyArns(graph, principal);
    if (arns.length === 0) return notApplicable('no managed policy attached');
    // The role Transcribe assumes is TR-IAM-2's: it reports the same attachment there, at HIGH.
    if (graph.memo(TRANSCRIBE_DATA_ACCESS_ROLES).roles.has(principal) && assumedOnlyBy(graph, principal, TRANSCRIBE_PRINCIPALS)) {
      return notApplicable('a Transcribe data-access role: TR-IAM-2 judges its policies');
    }
    if (!arns.some((arn) => isAwsManagedPolicy(arn, FULL_ACCESS))) {
      const conditional = arns.find((a): a is Choice => a instanceof Choice && a.options.some((o) => isAwsManagedPolicy(o, FULL_ACCESS)));
      if (conditional) {
        const when = isAwsManagedPolicy(conditional.options[0], FULL_ACCESS);
        return unknown(`${FULL_ACCESS} is attached when condition ${conditional.condition} is ${when}, which nothing in the template decides`, { path: 'ManagedPolicyArns' });
      }
      const doubt = arns.find(unsure);
      if (doubt) return unknown(`managed policy ${render(doubt)} cannot be known`, { path: 'ManagedPolicyArns' });
      // A pass only says something where the principal works with Transcribe.
      return principalReaches(graph, principal, 'transcribe') ? pass(`${FULL_ACCESS} is not attached`) : notApplicable('allows no Transcribe action');
    }
    const admins = (options.adminRolePatterns as string[] | undefined) ?? [];
    if (matchesAny(namesOf(graph, principal), admins)) return pass(`${FULL_ACCESS} is attached to an admin principal matched by adminRolePatterns`);
    return fail(`${principal.logicalId} has ${FULL_ACCESS} and is not matched by adminRolePatterns`, { findingKey: `Policy::${FULL_ACCESS}`, path: 'ManagedPolicyArns' });
  },
});

/** A policy ARN that cannot be known, or built around what cannot, in any branch of a `Fn::If`. */
function unsure(arn: unknown): boolean {
  if (arn instanceof Choice) return arn.options.some(unsure);
  return arn instanceof Unknown || (arn instanceof Composite && arn.unknowns.length > 0);
}
