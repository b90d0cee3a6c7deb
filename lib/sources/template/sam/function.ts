import { eventResources, pullEventPolicies } from './events';
import { assumedBy, awsManagedPolicyArn, isMapping, passThrough, rename, tagList, type Generated, type SamContext } from './model';
import { executionRole } from './role';

export const FUNCTION = 'AWS::Serverless::Function';

/** `AWS::Serverless::Function` properties that `AWS::Lambda::Function` takes under the same name. */
const SAME_NAME = [
  'FunctionName',
  'Handler',
  'Runtime',
  'Description',
  'MemorySize',
  'Timeout',
  'VpcConfig',
  'Role',
  'Environment',
  'KmsKeyArn',
  'ReservedConcurrentExecutions',
  'Layers',
  'FileSystemConfigs',
  'ImageConfig',
  'PackageType',
  'Architectures',
  'SnapStart',
  'EphemeralStorage',
  'CodeSigningConfigArn',
  'RuntimeManagementConfig',
  'LoggingConfig',
  'RecursiveLoop',
  'TenancyConfig',
  'DurableConfig',
] as const;

/** `Code` from `InlineCode`, `ImageUri` or an S3 `CodeUri`; a local `CodeUri` is uploaded at package time, so there is none. */
function code(props: Record<string, unknown>): [unknown, string] | undefined {
  if (props.InlineCode !== undefined) return [{ ZipFile: props.InlineCode }, 'InlineCode'];
  if (props.ImageUri !== undefined) return [{ ImageUri: props.ImageUri }, 'ImageUri'];
  const uri = props.CodeUri;
  if (isMapping(uri) && uri.Bucket !== undefined) return [{ S3Bucket: uri.Bucket, S3Key: uri.Key, ...(uri.Version !== undefined ? { S3ObjectVersion: uri.Version } : {}) }, 'CodeUri'];
  const s3 = typeof uri === 'string' ? /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) : null;
  return s3 ? [{ S3Bucket: s3[1], S3Key: s3[2] }, 'CodeUri'] : undefined;
}

const tracingOn = (tracing: unknown) => tracing !== undefined && tracing !== 'Disabled';

/**
 * `AWS::Serverless::Function` → `AWS::Lambda::Function` (same logical id), its execution role
 * `<Fn>Role` when no `Role` is given (basic execution, X-Ray and VPC managed policies as SAM adds
 * them, then `Policies`), its function URL, and what each event source needs (`Events`).
 */
export function expandFunction(logicalId: string, props: Record<string, unknown>, ctx: SamContext): Generated[] {
  const properties: Record<string, unknown> = {};
  const from: Array<readonly [string, string]> = [];
  passThrough(props, SAME_NAME, properties, from);
  const codeOf = code(props);
  if (codeOf) {
    properties.Code = codeOf[0];
    from.push(['Code', codeOf[1]]);
  }
  if (tracingOn(props.Tracing)) {
    properties.TracingConfig = { Mode: props.Tracing };
    from.push(['TracingConfig', 'Tracing'], ['TracingConfig.Mode', 'Tracing']);
  }
  const dlq = isMapping(props.DeadLetterQueue) ? props.DeadLetterQueue : undefined;
  if (dlq) {
    properties.DeadLetterConfig = { TargetArn: dlq.TargetArn };
    from.push(['DeadLetterConfig', 'DeadLetterQueue']);
  }
  const tags = tagList(props.Tags, { 'lambda:createdBy': 'SAM' });
  rename({ Tags: tags }, 'Tags', 'Tags', properties, from);
  const out: Generated[] = [{ logicalId, resource: { Type: 'AWS::Lambda::Function', Properties: properties }, from }];

  const events = isMapping(props.Events) ? props.Events : {};
  if (props.Role === undefined) {
    const managed = [awsManagedPolicyArn(props.DurableConfig !== undefined ? 'service-role/AWSLambdaBasicDurableExecutionRolePolicy' : 'service-role/AWSLambdaBasicExecutionRole')];
    if (tracingOn(props.Tracing)) managed.push(awsManagedPolicyArn('AWSXrayWriteOnlyAccess'));
    if (props.VpcConfig !== undefined) managed.push(awsManagedPolicyArn('service-role/AWSLambdaVPCAccessExecutionRole'));
    managed.push(...pullEventPolicies(events));
    const dlqAction = dlq?.Type === 'SNS' ? 'sns:Publish' : 'sqs:SendMessage';
    const role = executionRole({
      owner: logicalId,
      ownerType: FUNCTION,
      trust: props.AssumeRolePolicyDocument ?? assumedBy('lambda.amazonaws.com'),
      trustFrom: props.AssumeRolePolicyDocument !== undefined ? 'AssumeRolePolicyDocument' : undefined,
      managed,
      policies: props.Policies,
      extraInline: dlq ? [{ PolicyName: 'DeadLetterQueuePolicy', PolicyDocument: { Version: '2012-10-17', Statement: [{ Action: dlqAction, Resource: dlq.TargetArn, Effect: 'Allow' }] } }] : [],
      tags,
      path: props.RolePath,
      permissionsBoundary: props.PermissionsBoundary,
    });
    properties.Role = { 'Fn::GetAtt': [role.logicalId, 'Arn'] };
    out.push(role);
  } else if (props.Policies !== undefined) {
    ctx.warn(`${logicalId} (${FUNCTION}) gives both Role and Policies; SAM uses Role and ignores Policies, and so does lexscribe`);
  }
  out.push(...functionUrl(logicalId, props.FunctionUrlConfig));
  out.push(...eventResources(logicalId, events, ctx));
  const skipped = NOT_EXPANDED.filter((p) => props[p] !== undefined);
  if (skipped.length > 0) ctx.warn(`${logicalId} (${FUNCTION}): ${skipped.join(', ')} ${skipped.length > 1 ? 'are' : 'is'} not expanded by lexscribe; what SAM makes of ${skipped.length > 1 ? 'them' : 'it'} is not checked`);
  return out;
}

/** Function properties whose resources (versions, aliases, destinations and the policies they add, CodeDeploy) lexscribe does not make. */
const NOT_EXPANDED = ['AutoPublishAlias', 'DeploymentPreference', 'EventInvokeConfig', 'ProvisionedConcurrencyConfig'] as const;

/** `FunctionUrlConfig` → the URL `<Fn>Url`, and for `AuthType: NONE` the public permission `<Fn>UrlPublicPermissions` SAM adds. */
function functionUrl(fn: string, config: unknown): Generated[] {
  if (!isMapping(config)) return [];
  const url: Generated = {
    logicalId: `${fn}Url`,
    resource: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { Ref: fn }, AuthType: config.AuthType, ...(config.Cors !== undefined ? { Cors: config.Cors } : {}), ...(config.InvokeMode !== undefined ? { InvokeMode: config.InvokeMode } : {}) } },
    from: [['', 'FunctionUrlConfig']],
  };
  if (config.AuthType !== 'NONE') return [url];
  const permission: Generated = {
    logicalId: `${fn}UrlPublicPermissions`,
    resource: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunctionUrl', FunctionName: { Ref: fn }, Principal: '*', FunctionUrlAuthType: 'NONE' } },
    from: [['', 'FunctionUrlConfig']],
  };
  return [url, permission];
}
