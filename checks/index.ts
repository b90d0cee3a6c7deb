import type { Check } from '../lib/engine/check';
import { checks as compliance } from './compliance';
import { checks as dataProtection } from './data-protection';
import { checks as iam } from './iam';
import { checks as infrastructure } from './infrastructure';
import { checks as monitoring } from './monitoring';
import { checks as resilience } from './resilience';
import { checks as serviceLinkedRoles } from './service-linked-roles';
import { checks as vulnerability } from './vulnerability';

/** Every check, in catalog order (topic, then service, then number). */
export const ALL_CHECKS: readonly Check[] = [
  ...iam,
  ...dataProtection,
  ...monitoring,
  ...compliance,
  ...resilience,
  ...infrastructure,
  ...serviceLinkedRoles,
  ...vulnerability,
];

export function findCheck(id: string): Check | undefined {
  const upper = id.toUpperCase();
  return ALL_CHECKS.find((c) => c.id === upper);
}
