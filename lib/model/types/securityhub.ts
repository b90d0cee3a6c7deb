/** AWS Security Hub. */

export const HUB = 'AWS::SecurityHub::Hub';
export const STANDARD = 'AWS::SecurityHub::Standard';
