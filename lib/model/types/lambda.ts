/** AWS Lambda. */

export const FUNCTION = 'AWS::Lambda::Function';
export const FUNCTION_VERSION = 'AWS::Lambda::Version';
export const FUNCTION_ALIAS = 'AWS::Lambda::Alias';
export const PERMISSION = 'AWS::Lambda::Permission';
