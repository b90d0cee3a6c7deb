import type { Check } from '../engine/check';
import type { AppResult } from '../engine/pipeline';
import { severityRank, type Finding, type Severity, type Status } from '../model/finding';
import type { ResourceGraph } from '../model/graph';
import type { Resource } from '../model/resource';
import { identityKey, identityOf, JOIN_RULES, type Identity, type IdentityCache, type IdentityContext, type Resolved } from './identity';
import type { DriftEntry, DriftResource, DriftResult, Unjoinable } from './report';

/** One side of the comparison: the apps the pipeline evaluated, each with its graph and findings. */
export interface Side {
  apps: readonly AppResult[];
}

/** What the account side covered: every account audited, with its Regions. */
export interface LiveScope {
  regionsOf: ReadonlyMap<string, readonly string[]>;
}

interface Placed {
  resource: Resource;
  graph: ResourceGraph;
  identity: Identity;
}

/** From worst to best: a drift entry shows each side's worst finding of the check on the resource. */
const ORDER: readonly Status[] = ['ERROR', 'FAIL', 'UNKNOWN', 'SUPPRESSED', 'PASS', 'NOT_APPLICABLE'];

function worst(findings: readonly Finding[]): Finding[] {
  const rank = Math.min(...findings.map((f) => ORDER.indexOf(f.status)));
  return findings.filter((f) => ORDER.indexOf(f.status) === rank);
}

/**
 * A suppression lives in the template (metadata) or applies to both sides alike (configuration): a
 * SUPPRESSED side is the same finding as a FAIL or UNKNOWN one, accepted where the template says so.
 */
function same(code: Status, live: Status): boolean {
  if (code === live) return true;
  const accepted = (a: Status, b: Status) => a === 'SUPPRESSED' && (b === 'FAIL' || b === 'UNKNOWN');
  return accepted(code, live) || accepted(live, code);
}

const undecidable = (s: Status) => s === 'UNKNOWN' || s === 'ERROR';

function findingsByResource(apps: readonly AppResult[]): Map<Resource, Finding[]> {
  const out = new Map<Resource, Finding[]>();
  for (const app of apps) {
    for (const [finding, resource] of app.resources) {
      const list = out.get(resource);
      if (list) list.push(finding);
      else out.set(resource, [finding]);
    }
  }
  return out;
}

function describe(r: Resource, identity: Identity | undefined, arn?: string): DriftResource {
  const p = r.provenance;
  const live = p.api !== undefined;
  const file = live ? undefined : (p.file ?? r.stack.file);
  // An identity says where names are unique: a role has no Region, a bucket not even an account.
  const account = identity ? (identity.account ?? (JOIN_RULES[identity.type]?.scope === 'global' ? r.stack.account : undefined)) : r.stack.account;
  const region = identity ? identity.region : r.stack.region === 'global' ? undefined : r.stack.region;
  return {
    type: r.type,
    name: identity?.name ?? r.logicalId,
    ...(live ? {} : { logicalId: r.logicalId, stack: r.stack.name }),
    ...(p.constructPath ? { constructPath: p.constructPath } : {}),
    ...(file ? { file } : {}),
    ...(!live && p.line !== undefined ? { line: p.line, ...(p.column !== undefined ? { column: p.column } : {}) } : {}),
    ...((arn ?? p.arn) ? { arn: arn ?? p.arn } : {}),
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byPlace = (a: DriftResource, b: DriftResource) =>
  compareText(a.account ?? '', b.account ?? '') || compareText(a.region ?? '', b.region ?? '') || compareText(a.type, b.type) || compareText(a.name, b.name);

/**
 * Join the resources of the code and of the account by identity (see `JOIN_RULES`), and compare the
 * verdicts of every check that has both a synth and a live side on each joined pair.
 */
export function computeDrift(code: Side, live: Side & LiveScope, checks: readonly Check[]): DriftResult {
  const compared = new Map(checks.filter((c) => c.sides.synth && c.sides.live).map((c) => [c.id, c]));
  const accounts = [...live.regionsOf.keys()];
  const regions = [...new Set([...live.regionsOf.values()].flat())];

  // Live bots by id: a template may fix the id of a bot it does not define (an alias of a bot made elsewhere).
  const botNames = new Map<string, string>();
  for (const app of live.apps) {
    for (const bot of app.graph.ofType('AWS::Lex::Bot')) {
      const id = /:bot\/([^/]+)$/.exec(bot.provenance.arn ?? '')?.[1];
      const name = app.graph.props(bot).Name;
      if (id && typeof name === 'string') botNames.set(`${bot.stack.account}|${bot.stack.region}|${id}`, name);
    }
  }
  const liveBotName = (account: string, region: string, botId: string) => botNames.get(`${account}|${region}|${botId}`);

  const unjoinable: Unjoinable[] = [];
  const place = (side: 'code' | 'live', app: AppResult, ctx: IdentityContext, cache: IdentityCache): Placed[] => {
    const out: Placed[] = [];
    for (const r of app.graph.resources) {
      if (!JOIN_RULES[r.type] || !app.graph.isEvaluated(r)) continue;
      const resolved: Resolved | undefined = identityOf(r, ctx, cache);
      if (!resolved) continue;
      if ('unjoinable' in resolved) unjoinable.push({ ...describe(r, undefined), side, reason: resolved.unjoinable });
      else out.push({ resource: r, graph: app.graph, identity: resolved.identity });
    }
    return out;
  };

  const livePlaced = live.apps.flatMap((app) => {
    const ctx: IdentityContext = { graph: app.graph, place: (r) => ({ account: r.stack.account, region: r.stack.region }), liveBotName };
    return place('live', app, ctx, new Map());
  });
  const codePlaced = code.apps.flatMap((app) => {
    const ctx: IdentityContext = {
      graph: app.graph,
      place: (r) => {
        const account = r.stack.account ?? (accounts.length === 1 ? accounts[0] : undefined);
        const region = r.stack.region ?? (regions.length === 1 ? regions[0] : undefined);
        if (!account) return { unjoinable: `stack ${r.stack.name} names no account and ${accounts.length} accounts were audited: give the stack an env, or audit one account` };
        if (!region) return { unjoinable: `stack ${r.stack.name} names no Region and ${regions.length} Regions were audited: give the stack an env, or audit one Region` };
        return { account, region };
      },
      liveBotName,
    };
    return place('code', app, ctx, new Map());
  });

  const unique = (placed: Placed[], side: 'code' | 'live') => {
    const byKey = new Map<string, Placed[]>();
    for (const p of placed) {
      const key = identityKey(p.identity);
      byKey.set(key, [...(byKey.get(key) ?? []), p]);
    }
    const out = new Map<string, Placed>();
    for (const [key, list] of byKey) {
      if (list.length === 1) out.set(key, list[0]);
      else for (const p of list) unjoinable.push({ ...describe(p.resource, p.identity), side, reason: `${list.length} resources of the ${side === 'code' ? 'templates' : 'account'} are ${p.identity.type} ${p.identity.name}` });
    }
    return out;
  };
  const liveByKey = unique(livePlaced, 'live');
  const codeByKey = unique(codePlaced, 'code');
  const codeFindings = findingsByResource(code.apps);
  const liveFindings = findingsByResource(live.apps);

  const drift: DriftEntry[] = [];
  const undecided: DriftEntry[] = [];
  const onlyInCode: DriftResource[] = [];
  let joined = 0;
  let comparedCount = 0;
  const drifting = new Set<string>();

  // Whether the audit could have seen a resource of this identity: its account and Region audited, and its type listed there.
  const notSeenBecause = (i: Identity): string | undefined => {
    const audited = i.account === undefined ? regions : live.regionsOf.get(i.account);
    if (!audited) return `account ${i.account} was not audited`;
    if (i.region && !audited.includes(i.region)) return `account ${i.account} was not audited in ${i.region}`;
    for (const app of live.apps) {
      const gap = app.graph.gaps.find((g) => g.types.includes(i.type) && (i.account === undefined || g.stack.account === i.account) && (i.region === undefined || g.stack.region === i.region));
      if (gap) return `the account's ${i.type} resources could not be listed: ${gap.reason}`;
    }
    return undefined;
  };

  for (const [key, c] of codeByKey) {
    const l = liveByKey.get(key);
    const rule = JOIN_RULES[c.identity.type];
    if (!l) {
      const why = notSeenBecause(c.identity);
      if (why) unjoinable.push({ ...describe(c.resource, c.identity), side: 'code', reason: why });
      else if (rule.coverage === 'followed') {
        unjoinable.push({ ...describe(c.resource, c.identity), side: 'code', reason: `the audit reads ${c.identity.type} resources only when an audited resource refers to them, and none refers to ${c.identity.name}` });
      } else onlyInCode.push(describe(c.resource, c.identity));
      continue;
    }
    joined++;
    const resource = describe(c.resource, c.identity, l.resource.provenance.arn);
    const fromCode = codeFindings.get(c.resource) ?? [];
    const fromLive = liveFindings.get(l.resource) ?? [];
    for (const [checkId, check] of compared) {
      const cf = fromCode.filter((f) => f.checkId === checkId);
      const lf = fromLive.filter((f) => f.checkId === checkId);
      if (cf.length === 0 || lf.length === 0) continue;
      comparedCount++;
      const cw = worst(cf);
      const lw = worst(lf);
      const codeStatus = cw[0].status;
      const liveStatus = lw[0].status;
      if (same(codeStatus, liveStatus)) continue;
      const liveFails = liveStatus === 'FAIL' || liveStatus === 'SUPPRESSED';
      const severities: Severity[] = (liveFails ? lw : [...cw, ...lw]).map((f) => f.severity);
      const severity = severities.reduce((a, b) => (severityRank(b) > severityRank(a) ? b : a));
      const reasons = (fs: Finding[]) => [...new Set(fs.map((f) => f.reason).filter((x): x is string => !!x))].join('; ') || undefined;
      const entry: DriftEntry = {
        checkId,
        title: check.title,
        severity,
        service: cf[0].service,
        topic: cf[0].topic,
        docs: check.docs,
        remediation: check.remediation,
        resource,
        code: codeStatus,
        live: liveStatus,
        ...(reasons(cw) ? { codeReason: reasons(cw) } : {}),
        ...(reasons(lw) ? { liveReason: reasons(lw) } : {}),
      };
      if (undecidable(codeStatus) || undecidable(liveStatus)) undecided.push(entry);
      else {
        drift.push(entry);
        drifting.add(key);
      }
    }
  }
  const onlyLive = [...liveByKey]
    .filter(([key, l]) => !codeByKey.has(key) && JOIN_RULES[l.identity.type].primary)
    .map(([, l]) => {
      const failed = (liveFindings.get(l.resource) ?? []).filter((f) => f.status === 'FAIL').map((f) => f.severity);
      const worstFailed = failed.length > 0 ? failed.reduce((a, b) => (severityRank(b) > severityRank(a) ? b : a)) : undefined;
      return { ...describe(l.resource, l.identity), ...(worstFailed ? { liveFailed: worstFailed } : {}) };
    });

  const byEntry = (a: DriftEntry, b: DriftEntry) => byPlace(a.resource, b.resource) || compareText(a.checkId, b.checkId);
  drift.sort(byEntry);
  undecided.sort(byEntry);
  onlyInCode.sort(byPlace);
  onlyLive.sort(byPlace);
  unjoinable.sort((a, b) => compareText(a.side, b.side) || byPlace(a, b) || compareText(a.logicalId ?? '', b.logicalId ?? ''));
  return {
    summary: { joined, compared: comparedCount, drift: drift.length, driftingResources: drifting.size, undecided: undecided.length, onlyInCode: onlyInCode.length, onlyLive: onlyLive.length, unjoinable: unjoinable.length },
    drift,
    undecided,
    onlyInCode,
    onlyLive,
    unjoinable,
  };
}
