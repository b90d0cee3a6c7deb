/** AWS CloudTrail. */

export const TRAIL = 'AWS::CloudTrail::Trail';
