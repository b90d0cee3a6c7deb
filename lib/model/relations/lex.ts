import { get, items, str } from '../../engine/read';
import { rolesTrustedBy } from '../../policy/trust';
import { parseArn } from '../arn';
import { relation, type ResourceGraph } from '../graph';
import type { Resource } from '../resource';
import { PRINCIPAL_TYPES, ROLE, SERVICE_LINKED_ROLE, type RoleProps, type ServiceLinkedRoleProps } from '../types/iam';
import { heldPolicies, holderReaches } from './iam';
import { FUNCTION } from '../types/lambda';
import { ALIAS_HOLDERS, BOT, BOT_ALIAS, LEX_V1_PRINCIPAL, LEX_V2_PRINCIPAL, type BotAliasProps, type BotProps } from '../types/lex';
import { Composite, Unknown, render } from '../values';

/** What Lex bots and aliases are tied to: their bots, their roles, the functions they call. */

/** The bot an alias belongs to (`BotId` → `AWS::Lex::Bot`); undefined when it is not in the graph. */
function findBot(graph: ResourceGraph, alias: Resource): Resource | Unknown | undefined {
  const botId = graph.props<BotAliasProps>(alias).BotId;
  const t = graph.target(botId, BOT);
  if (t instanceof Unknown) return t;
  if (t && 'resource' in t) return t.resource;
  // Live aliases carry a literal bot id; their bot is known by its ARN, in the alias's own scope.
  const arn = graph.arnOf(alias);
  const parsed = arn ? parseArn(arn) : undefined;
  if (typeof botId !== 'string' || !parsed) return undefined;
  const byArn = graph.target(`arn:${parsed.partition}:lex:${parsed.region}:${parsed.account}:bot/${botId}`, BOT);
  return byArn && !(byArn instanceof Unknown) && 'resource' in byArn ? byArn.resource : undefined;
}

/** Each alias of the graph and its bot. */
export const BOT_OF_ALIAS = relation('bot of each alias', (graph): ReadonlyMap<Resource, Resource | Unknown | undefined> => {
  return new Map(graph.ofType(BOT_ALIAS).map((alias) => [alias, findBot(graph, alias)]));
});

/** The bot an alias belongs to; a bot is its own. */
export function botOf(graph: ResourceGraph, r: Resource): Resource | Unknown | undefined {
  if (r.type === BOT) return r;
  const index = graph.memo(BOT_OF_ALIAS);
  return index.has(r) ? index.get(r) : findBot(graph, r);
}

export type BotRole =
  /** `resource`: the role of the graph it is, when the ARN leads to one. */
  | { kind: 'slr'; service: string; label: string; resource?: Resource }
  | { kind: 'role'; role: Resource }
  | { kind: 'external'; arn: string };

const SLR_PATH = /:role\/aws-service-role\/([^/]+)\//;

/**
 * Where a bot's `RoleArn` leads: a service-linked role (by ARN path, an `AWS::IAM::ServiceLinkedRole`,
 * or a role read from an account with an `/aws-service-role/` path), a customer role of the graph, or a
 * role outside it. Unknown when the ARN cannot be known; undefined when there is none.
 */
export function botRole(graph: ResourceGraph, bot: Resource): BotRole | Unknown | undefined {
  const value = graph.props<BotProps>(bot).RoleArn;
  if (value === undefined) return undefined;
  const text = value instanceof Composite || typeof value === 'string' ? render(value) : undefined;
  const path = text === undefined ? null : SLR_PATH.exec(text);
  const t = graph.target(value, ROLE, SERVICE_LINKED_ROLE);
  if (path && !(value instanceof Composite && value.unknowns.length > 0)) {
    return { kind: 'slr', service: path[1].toLowerCase(), label: text!, resource: t && !(t instanceof Unknown) && 'resource' in t ? t.resource : undefined };
  }
  if (t === undefined) return undefined;
  if (t instanceof Unknown) return t;
  if ('external' in t) return { kind: 'external', arn: t.external };
  const r = t.resource;
  if (r.type === SERVICE_LINKED_ROLE) {
    const service = str(graph.props<ServiceLinkedRoleProps>(r).AWSServiceName);
    if (service instanceof Unknown) return new Unknown(`AWSServiceName of ${r.logicalId}: ${service.reason}`);
    return { kind: 'slr', service: (service ?? '').toLowerCase(), label: r.logicalId, resource: r };
  }
  if (r.type === ROLE) {
    const rolePath = str(graph.props<RoleProps>(r).Path);
    if (typeof rolePath === 'string' && rolePath.startsWith('/aws-service-role/')) {
      return { kind: 'slr', service: rolePath.split('/')[2].toLowerCase(), label: r.logicalId, resource: r };
    }
    return { kind: 'role', role: r };
  }
  return new Unknown(`RoleArn points at ${r.type} ${r.logicalId}, not a role`);
}

/** Every bot of the graph with the role its `RoleArn` leads to, in graph order. */
export const BOT_ROLES = relation('role of each bot', (graph): ReadonlyArray<{ bot: Resource; role: BotRole | Unknown | undefined }> => {
  return graph.ofType(BOT).map((bot) => ({ bot, role: botRole(graph, bot) }));
});

/** Customer roles of the graph Lex uses: trusted by a Lex principal (V2 or V1), or named by a bot's `RoleArn`. */
export const LEX_ROLES = relation('roles Lex uses', (graph): ReadonlySet<Resource> => {
  const roles = new Set(rolesTrustedBy(graph, [LEX_V2_PRINCIPAL, LEX_V1_PRINCIPAL]).filter((r) => !(r.statements instanceof Unknown)).map((r) => r.role));
  for (const { role } of graph.memo(BOT_ROLES)) if (role && !(role instanceof Unknown) && role.kind === 'role') roles.add(role.role);
  return roles;
});

/** Functions of the graph used as Lambda code hooks, and the aliases (and test aliases of bots) that call them. */
export const CODE_HOOK_USERS = relation('aliases calling each code hook', (graph): ReadonlyMap<Resource, readonly Resource[]> => {
  const users = new Map<Resource, Resource[]>();
  for (const holder of graph.ofType(...ALIAS_HOLDERS)) {
    const settings = holder.type === BOT ? graph.props<BotProps>(holder).TestBotAliasSettings : graph.props<BotAliasProps>(holder);
    const locales = items(get(settings, 'BotAliasLocaleSettings'));
    if (locales instanceof Unknown) continue;
    for (const locale of locales) {
      const t = graph.target(get(locale, 'BotAliasLocaleSetting.CodeHookSpecification.LambdaCodeHook.LambdaArn'), FUNCTION);
      if (t && !(t instanceof Unknown) && 'resource' in t) users.set(t.resource, [...(users.get(t.resource) ?? []).filter((u) => u !== holder), holder]);
    }
  }
  return users;
});

/**
 * Whether an identity-policy holder can reach Lex, so that the Lex IAM checks apply to it: a role Lex
 * uses (trusted by Lex or named by a bot), a policy attached to one, or a principal (or policy) allowed
 * some Lex action. Roles and policies of an app without Lex that grant nothing of Lex are not Lex's.
 */
export function reachesLex(graph: ResourceGraph, holder: Resource): boolean {
  const lexRoles = graph.memo(LEX_ROLES);
  if (lexRoles.has(holder)) return true;
  if (!PRINCIPAL_TYPES.includes(holder.type) && heldPolicies(graph, holder).some((p) => p.attachedTo.some((a) => !(a instanceof Unknown) && lexRoles.has(a)))) return true;
  return holderReaches(graph, holder, 'lex');
}
