import { option } from '../../lib/engine/options';
import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown } from '../../lib/model/values';
import { actionsOf } from '../../lib/policy/actions';
import { coversAction, isAllow } from '../../lib/policy/document';
import { heldStatementVerdicts, statementLabel } from '../shared/lex-iam';
import { TRANSCRIBE_TYPES, transcribeTags } from '../shared/transcribe';
import { POLICY_HOLDERS } from '../../lib/model/types/iam';
import { transcribeLabel } from '../../lib/model/relations/transcribe';
import { isAwsManaged } from '../../lib/model/relations/iam';

let getActions: string[] | undefined;

/** `transcribe:Get…` actions, which read one job, vocabulary or model each: what ABAC scopes by tag. */
function transcribeGets(): string[] {
  getActions ??= actionsOf('transcribe')
    .filter((a) => a.startsWith('Get'))
    .map((a) => `transcribe:${a}`);
  return getActions;
}

export default defineCheck({
  id: 'TR-IAM-6',
  title: 'Transcribe resources are tagged and read access is scoped by tags',
  severity: 'LOW',
  rationale:
    "Transcribe supports attribute-based access control: aws:ResourceTag conditions can keep teams to their own jobs, vocabularies and models. Untagged resources fall outside such policies, and Get permissions without tag conditions reach every job's media and transcript locations.",
  remediation:
    'Tag vocabularies, filters, categories, jobs and models with the required keys, and add aws:ResourceTag/<key> conditions to statements allowing transcribe:Get* actions.',
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/tagging.html',
  modes: ['synth', 'live'],
  options: {
    requiredTagKeys: option.strings(['owner'], 'Tag keys every Transcribe resource must carry for ABAC (compared case-insensitively). The data classification tag is read by TR-COMP-1 and TR-DP-2.'),
  },
  resourceTypes: [...TRANSCRIBE_TYPES, ...POLICY_HOLDERS],
  evaluate(resource, { graph, options }) {
    if (TRANSCRIBE_TYPES.includes(resource.type)) return tagVerdicts(graph, resource, (options.requiredTagKeys as string[] | undefined) ?? []);
    return abacVerdicts(graph, resource);
  },
});

function tagVerdicts(graph: ResourceGraph, r: Resource, required: string[]): Verdict | Verdict[] {
  if (required.length === 0) return notApplicable('requiredTagKeys is empty');
  const present = transcribeTags(graph, r);
  if (present instanceof Unknown) return unknown(`Tags cannot be known: ${present.reason}`, { path: 'Tags' });
  const keys = [...present.keys()].map((k) => k.toLowerCase());
  const missing = required.filter((k) => !keys.includes(k.toLowerCase()));
  if (missing.length === 0) return pass(`${transcribeLabel(graph, r)} carries ${required.join(', ')}`);
  return missing.map((key) => fail(`${transcribeLabel(graph, r)} has no "${key}" tag`, { findingKey: `Tags::${key}`, path: 'Tags' }));
}

function abacVerdicts(graph: ResourceGraph, holder: Resource): Verdict | Verdict[] {
  if (isAwsManaged(graph, holder)) return notApplicable("AWS managed policy: its content is AWS's");
  const { verdicts: out } = heldStatementVerdicts(graph, holder, (stmt, path, _document, docPath) => {
    if (!isAllow(stmt) || !(stmt.actions ?? []).some((a) => a.toLowerCase().startsWith('transcribe:'))) return undefined;
    const gets = transcribeGets().filter((a) => coversAction(stmt, a));
    if (gets.length === 0) return undefined;
    const at = { path, findingKey: `${docPath}::Statement[${stmt.index}]::aws:ResourceTag` };
    return [
      stmt.conditions.hasPrefix('aws:ResourceTag/')
        ? pass(`${statementLabel(stmt)} scopes transcribe:Get* by aws:ResourceTag`, at)
        : fail(`${statementLabel(stmt)} allows ${gets.length === transcribeGets().length ? 'every transcribe:Get* action' : gets.join(', ')} without an aws:ResourceTag condition`, at),
    ];
  });
  return out.length > 0 ? out : notApplicable('grants no transcribe:Get* action');
}
