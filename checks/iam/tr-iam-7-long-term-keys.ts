import { option } from '../../lib/engine/options';
import { defineCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { items, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Unknown, render } from '../../lib/model/values';
import { isAllow } from '../../lib/policy/document';
import { managedPolicyArns } from '../../lib/policy/identity';
import { policiesOf } from '../../lib/model/relations/iam';
import { ACCESS_KEY, GROUP, USER, type AccessKeyProps, type GroupProps, type UserProps } from '../../lib/model/types/iam';

/** AWS managed policies that let a principal call Transcribe or Lex. */
const MANAGED = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?(AmazonTranscribe\w*|AmazonLex\w*|AdministratorAccess|PowerUserAccess)$/;
const SERVICES = /^(transcribe|lex):/i;

export default defineCheck({
  id: 'TR-IAM-7',
  title: "Transcribe and Lex are called with temporary credentials, not IAM users' long-term keys",
  severity: 'MEDIUM',
  rationale:
    'An access key of an IAM user never expires by itself: leaked from code, a laptop or CI, it keeps starting jobs and reading transcripts until someone notices. Roles hand out short-lived credentials instead.',
  remediation:
    "Call Transcribe and Lex from roles (instance profiles, task roles, Lambda roles, IAM Identity Center, IAM Roles Anywhere) and delete the users' access keys; where a key must remain, rotate it within maxKeyAgeDays.",
  docs: 'https://docs.aws.amazon.com/transcribe/latest/dg/security-best-practices.html',
  modes: ['synth', 'live'],
  options: {
    maxKeyAgeDays: option.integer(90, 'Oldest acceptable age of an active access key, in days (live audit)', { min: 1 }),
  },
  resourceTypes: [ACCESS_KEY, USER],
  reads: [GROUP, 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
  evaluate(resource, { graph, options }) {
    if (resource.type === USER) {
      const grant = callsTranscribeOrLex(graph, resource);
      if (grant instanceof Unknown) return unknown(`whether the user can call Transcribe or Lex cannot be known: ${grant.reason}`);
      if (!grant) return notApplicable('the user has no Transcribe or Lex permission');
      return fail(`IAM user ${resource.logicalId} can call Transcribe or Lex (${grant}); use a role with temporary credentials instead`, { findingKey: 'User', severity: 'LOW' });
    }
    const props = graph.props<AccessKeyProps>(resource);
    const t = graph.target(props.UserName, USER);
    if (t === undefined) return unknown('the access key names no user', { path: 'UserName' });
    if (t instanceof Unknown) return unknown(`the user of the access key cannot be known: ${t.reason}`, { path: 'UserName' });
    if (!('resource' in t) || t.resource.type !== USER) return unknown(`user ${render(props.UserName)} is not in this run, so its permissions cannot be weighed`, { path: 'UserName' });
    const grant = callsTranscribeOrLex(graph, t.resource);
    if (grant instanceof Unknown) return unknown(`whether user ${t.resource.logicalId} can call Transcribe or Lex cannot be known: ${grant.reason}`, { path: 'UserName' });
    if (!grant) return notApplicable(`user ${t.resource.logicalId} has no Transcribe or Lex permission`);
    return keyVerdicts(props, t.resource, grant, Number(options.maxKeyAgeDays ?? 90));
  },
});

function keyVerdicts(props: AccessKeyProps, user: Resource, grant: string, maxAge: number): Verdict[] {
  const status = str(props.Status);
  if (status instanceof Unknown) return [unknown(`the access keys of user ${user.logicalId} cannot be known: ${status.reason}`, { path: 'Status' })];
  if (status === 'Inactive') return [pass(`the access key of user ${user.logicalId} is inactive`)];
  const out: Verdict[] = [fail(`user ${user.logicalId} has a long-term access key and can call Transcribe or Lex (${grant})`, { findingKey: 'AccessKey' })];
  const created = str(props.CreateDate);
  if (typeof created === 'string') {
    const days = Math.floor((Date.now() - Date.parse(created)) / 86_400_000);
    if (days > maxAge) out.push(fail(`the access key is ${days} days old, more than maxKeyAgeDays (${maxAge}): rotate it`, { findingKey: 'Rotation' }));
  }
  return out;
}

/**
 * What lets a user call Transcribe or Lex (`policy X allows transcribe:StartTranscriptionJob`), from
 * its own policies, its groups' policies and AWS managed policies; false when nothing does.
 */
function callsTranscribeOrLex(graph: ResourceGraph, user: Resource): string | false | Unknown {
  const principals: Resource[] = [user];
  const groups = items(graph.props<UserProps>(user).Groups);
  if (groups instanceof Unknown) return groups;
  let doubt: Unknown | undefined;
  for (const g of groups) {
    // Groups have no name index in the graph: a literal name (what the account lists) is looked up here.
    const named = typeof g === 'string' ? graph.ofType(GROUP).find((r) => graph.props<GroupProps>(r).GroupName === g) : undefined;
    const t = named ? { resource: named } : graph.target(g, GROUP);
    if (t instanceof Unknown) return new Unknown(`group ${render(g)}: ${t.reason}`);
    if (t && 'resource' in t && t.resource.type === GROUP) principals.push(t.resource);
    else doubt ??= new Unknown(`group ${render(g)} is not in this run`);
  }
  for (const p of principals) {
    const managed = managedPolicyArns(graph, p).map(render).find((arn) => MANAGED.test(arn));
    if (managed) return `${p.logicalId} has ${managed.split('/').pop()}`;
    for (const { holder, document } of policiesOf(graph, p)) {
      if (document instanceof Unknown) {
        doubt ??= new Unknown(`a policy of ${p.logicalId} cannot be read: ${document.reason}`);
        continue;
      }
      for (const stmt of document?.statements ?? []) {
        if (!isAllow(stmt)) continue;
        const action = stmt.notActions ? 'NotAction' : (stmt.actions ?? []).find((a) => a === '*' || SERVICES.test(a));
        if (action) return `${holder.logicalId} allows ${action}`;
      }
    }
  }
  return doubt ?? false;
}
