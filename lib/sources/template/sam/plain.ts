import { Unknown } from '../../../model/values';
import { isMapping, passThrough, rename, tagList, type Generated, type SamContext } from './model';

/**
 * SAM resources that become one or two plain resources under the same logical id:
 * `AWS::Serverless::Api` (`AWS::ApiGateway::RestApi` and its stage `<Api><StageName>Stage`),
 * `AWS::Serverless::HttpApi` (`AWS::ApiGatewayV2::Api` and `<Api>ApiGatewayDefaultStage`),
 * `AWS::Serverless::SimpleTable` (`AWS::DynamoDB::Table`), `AWS::Serverless::LayerVersion`
 * (`AWS::Lambda::LayerVersion`) and `AWS::Serverless::Application` (`AWS::CloudFormation::Stack`,
 * whose local template the loader then reads as a nested stack).
 */

function api(logicalId: string, props: Record<string, unknown>): Generated[] {
  const properties: Record<string, unknown> = {};
  const from: Array<readonly [string, string]> = [];
  passThrough(props, ['Name', 'Description', 'EndpointConfiguration', 'BinaryMediaTypes', 'MinimumCompressionSize', 'Mode', 'DisableExecuteApiEndpoint', 'ApiKeySourceType', 'FailOnWarnings'], properties, from);
  rename(props, 'DefinitionBody', 'Body', properties, from);
  if (isMapping(props.DefinitionUri)) {
    properties.BodyS3Location = props.DefinitionUri;
    from.push(['BodyS3Location', 'DefinitionUri']);
  }
  if (isMapping(props.EndpointConfiguration) && typeof props.EndpointConfiguration.Type === 'string') properties.EndpointConfiguration = { Types: [props.EndpointConfiguration.Type] };
  const stage: Record<string, unknown> = { RestApiId: { Ref: logicalId } };
  const stageFrom: Array<readonly [string, string]> = [];
  passThrough(props, ['StageName', 'TracingEnabled', 'MethodSettings', 'Variables', 'CacheClusterEnabled', 'CacheClusterSize', 'CanarySetting', 'AccessLogSetting'], stage, stageFrom);
  const stageName = typeof props.StageName === 'string' ? props.StageName : 'Stage';
  return [
    { logicalId, resource: { Type: 'AWS::ApiGateway::RestApi', Properties: properties }, from },
    { logicalId: `${logicalId}${stageName}Stage`, resource: { Type: 'AWS::ApiGateway::Stage', Properties: stage }, from: stageFrom },
  ];
}

function httpApi(logicalId: string, props: Record<string, unknown>): Generated[] {
  const properties: Record<string, unknown> = { ProtocolType: 'HTTP' };
  const from: Array<readonly [string, string]> = [];
  passThrough(props, ['Name', 'Description', 'DisableExecuteApiEndpoint', 'FailOnWarnings', 'CorsConfiguration'], properties, from);
  rename(props, 'DefinitionBody', 'Body', properties, from);
  const tags = isMapping(props.Tags) ? { 'httpapi:createdBy': 'SAM', ...props.Tags } : { 'httpapi:createdBy': 'SAM' };
  properties.Tags = tags;
  from.push(['Tags', 'Tags']);
  const stage: Record<string, unknown> = { ApiId: { Ref: logicalId }, StageName: props.StageName ?? '$default', AutoDeploy: true };
  const stageFrom: Array<readonly [string, string]> = [];
  passThrough(props, ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables'], stage, stageFrom);
  return [
    { logicalId, resource: { Type: 'AWS::ApiGatewayV2::Api', Properties: properties }, from },
    { logicalId: `${logicalId}ApiGatewayDefaultStage`, resource: { Type: 'AWS::ApiGatewayV2::Stage', Properties: stage }, from: stageFrom },
  ];
}

const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = { String: 'S', Number: 'N', Binary: 'B' };

function simpleTable(logicalId: string, props: Record<string, unknown>): Generated[] {
  const key = isMapping(props.PrimaryKey) ? props.PrimaryKey : { Name: 'id', Type: 'String' };
  const type = typeof key.Type === 'string' ? (ATTRIBUTE_TYPES[key.Type] ?? key.Type) : key.Type;
  const properties: Record<string, unknown> = {
    AttributeDefinitions: [{ AttributeName: key.Name, AttributeType: type }],
    KeySchema: [{ AttributeName: key.Name, KeyType: 'HASH' }],
  };
  const from: Array<readonly [string, string]> = [
    ['AttributeDefinitions', 'PrimaryKey'],
    ['KeySchema', 'PrimaryKey'],
  ];
  if (props.ProvisionedThroughput !== undefined) rename(props, 'ProvisionedThroughput', 'ProvisionedThroughput', properties, from);
  else properties.BillingMode = 'PAY_PER_REQUEST';
  passThrough(props, ['TableName', 'SSESpecification', 'PointInTimeRecoverySpecification'], properties, from);
  rename({ Tags: tagList(props.Tags) }, 'Tags', 'Tags', properties, from);
  return [{ logicalId, resource: { Type: 'AWS::DynamoDB::Table', Properties: properties }, from }];
}

function layerVersion(logicalId: string, props: Record<string, unknown>): Generated[] {
  const properties: Record<string, unknown> = {};
  const from: Array<readonly [string, string]> = [];
  passThrough(props, ['Description', 'CompatibleRuntimes', 'CompatibleArchitectures', 'LicenseInfo'], properties, from);
  rename(props, 'LayerName', 'LayerName', properties, from);
  const uri = props.ContentUri;
  const s3 = typeof uri === 'string' ? /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) : null;
  if (isMapping(uri)) properties.Content = { S3Bucket: uri.Bucket, S3Key: uri.Key, ...(uri.Version !== undefined ? { S3ObjectVersion: uri.Version } : {}) };
  else if (s3) properties.Content = { S3Bucket: s3[1], S3Key: s3[2] };
  if (properties.Content) from.push(['Content', 'ContentUri']);
  return [{ logicalId, resource: { Type: 'AWS::Lambda::LayerVersion', Properties: properties }, from }];
}

function application(logicalId: string, props: Record<string, unknown>, ctx: SamContext): Generated[] {
  const properties: Record<string, unknown> = {};
  const from: Array<readonly [string, string]> = [];
  const location = props.Location;
  if (typeof location === 'string') properties.TemplateURL = location;
  else {
    const what = isMapping(location) && location.ApplicationId !== undefined ? `the Serverless Application Repository application ${JSON.stringify(location.ApplicationId)}` : 'a Location that is computed at deploy time';
    ctx.warn(`${ctx.file}: ${logicalId} (AWS::Serverless::Application) is ${what}; its resources are not checked`);
    properties.TemplateURL = new Unknown(`${logicalId} is ${what}`);
  }
  from.push(['TemplateURL', 'Location']);
  passThrough(props, ['Parameters', 'NotificationARNs', 'TimeoutInMinutes'], properties, from);
  rename({ Tags: tagList(props.Tags) }, 'Tags', 'Tags', properties, from);
  return [{ logicalId, resource: { Type: 'AWS::CloudFormation::Stack', Properties: properties }, from }];
}

export const PLAIN_EXPANDERS: Readonly<Record<string, (logicalId: string, props: Record<string, unknown>, ctx: SamContext) => Generated[]>> = {
  'AWS::Serverless::Api': api,
  'AWS::Serverless::HttpApi': httpApi,
  'AWS::Serverless::SimpleTable': simpleTable,
  'AWS::Serverless::LayerVersion': layerVersion,
  'AWS::Serverless::Application': application,
};
