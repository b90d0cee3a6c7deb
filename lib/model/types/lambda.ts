import type { Cfn } from './view';

/** AWS Lambda. */

export const FUNCTION = 'AWS::Lambda::Function';
export const FUNCTION_VERSION = 'AWS::Lambda::Version';
export const FUNCTION_ALIAS = 'AWS::Lambda::Alias';
export const PERMISSION = 'AWS::Lambda::Permission';

/** `AWS::Lambda::Function`; a container-image function has no `Runtime`. */
export interface FunctionProps {
  FunctionName?: Cfn<string>;
  Runtime?: Cfn<string>;
}

/** `AWS::Lambda::Version` and `AWS::Lambda::Alias`: the function they stand for. */
export interface FunctionVersionProps {
  FunctionName?: Cfn<string>;
}

/** `AWS::Lambda::Permission`; live, one per statement of the function's resource policy. */
export interface PermissionProps {
  FunctionName?: Cfn<string>;
  Action?: Cfn<string>;
  Principal?: Cfn<string>;
  SourceArn?: Cfn<string>;
  SourceAccount?: Cfn<string>;
}
