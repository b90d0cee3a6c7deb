import type { Cfn } from './view';

/** AWS Security Hub. */

export const HUB = 'AWS::SecurityHub::Hub';
export const STANDARD = 'AWS::SecurityHub::Standard';

/** `AWS::SecurityHub::Standard`. */
export interface StandardProps {
  StandardsArn?: Cfn<string>;
  /** Live only (`GetEnabledStandards`): `READY`, `PENDING`, `INCOMPLETE`, `FAILED`, `DELETING`. */
  StandardsStatus?: Cfn<string>;
}
