import { TOPICS, type Check } from '../lib/engine/check';
import { checks as compliance } from './compliance';
import { checks as dataProtection } from './data-protection';
import { checks as iam } from './iam';
import { checks as infrastructure } from './infrastructure';
import { checks as monitoring } from './monitoring';
import { checks as resilience } from './resilience';
import { checks as serviceLinkedRoles } from './service-linked-roles';
import { checks as vulnerability } from './vulnerability';

const TOPIC_ORDER = Object.keys(TOPICS);

/** Catalog order: topic, then Lex before Transcribe, then number (LEX-IAM-2 before LEX-IAM-10). */
function catalogOrder(a: Check, b: Check): number {
  const number = (c: Check) => Number(c.id.split('-').pop());
  return TOPIC_ORDER.indexOf(a.topic) - TOPIC_ORDER.indexOf(b.topic) || a.service.localeCompare(b.service) || number(a) - number(b);
}

/** Every check of the catalog. */
export const ALL_CHECKS: readonly Check[] = [
  ...iam,
  ...dataProtection,
  ...monitoring,
  ...compliance,
  ...resilience,
  ...infrastructure,
  ...serviceLinkedRoles,
  ...vulnerability,
].sort(catalogOrder);

export function findCheck(id: string): Check | undefined {
  const upper = id.toUpperCase();
  return ALL_CHECKS.find((c) => c.id === upper);
}
