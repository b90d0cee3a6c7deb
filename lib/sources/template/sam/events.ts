import { awsManagedPolicyArn, isMapping, type Generated, type SamContext } from './model';

/** Pull event sources: an `AWS::Lambda::EventSourceMapping`, and the managed policy SAM adds to the role. */
const PULL: Readonly<Record<string, { source: string; policy?: string }>> = {
  SQS: { source: 'Queue', policy: 'service-role/AWSLambdaSQSQueueExecutionRole' },
  Kinesis: { source: 'Stream', policy: 'service-role/AWSLambdaKinesisExecutionRole' },
  DynamoDB: { source: 'Stream', policy: 'service-role/AWSLambdaDynamoDBExecutionRole' },
  MSK: { source: 'Stream', policy: 'service-role/AWSLambdaMSKExecutionRole' },
  DocumentDB: { source: 'Cluster' },
  MQ: { source: 'Broker' },
  SelfManagedKafka: { source: 'KafkaBootstrapServers' },
};

/** Properties of a pull event that the event source mapping takes under the same name. */
const MAPPING_PROPERTIES = [
  'BatchSize',
  'Enabled',
  'StartingPosition',
  'StartingPositionTimestamp',
  'MaximumBatchingWindowInSeconds',
  'MaximumRetryAttempts',
  'BisectBatchOnFunctionError',
  'MaximumRecordAgeInSeconds',
  'DestinationConfig',
  'ParallelizationFactor',
  'FunctionResponseTypes',
  'FilterCriteria',
  'ScalingConfig',
  'KmsKeyArn',
  'Topics',
  'Queues',
  'SourceAccessConfigurations',
  'TumblingWindowInSeconds',
  'MetricsConfig',
];

const PRINCIPALS: Readonly<Record<string, string>> = {
  Api: 'apigateway.amazonaws.com',
  HttpApi: 'apigateway.amazonaws.com',
  S3: 's3.amazonaws.com',
  SNS: 'sns.amazonaws.com',
  Schedule: 'events.amazonaws.com',
  CloudWatchEvent: 'events.amazonaws.com',
  EventBridgeRule: 'events.amazonaws.com',
  AlexaSkill: 'alexa-appkit.amazon.com',
  IoTRule: 'iot.amazonaws.com',
  Cognito: 'cognito-idp.amazonaws.com',
  CloudWatchLogs: 'logs.amazonaws.com',
};

/** Managed policies the function's role gets for its pull event sources (SQS, Kinesis, DynamoDB, MSK). */
export function pullEventPolicies(events: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const event of Object.values(events)) {
    const type = isMapping(event) ? event.Type : undefined;
    const policy = typeof type === 'string' ? PULL[type]?.policy : undefined;
    if (policy && !out.some((p) => JSON.stringify(p) === JSON.stringify(awsManagedPolicyArn(policy)))) out.push(awsManagedPolicyArn(policy));
  }
  return out;
}

const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

function permission(id: string, fn: string, principal: string, extra: Record<string, unknown>, from: string): Generated {
  return {
    logicalId: id,
    resource: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: { Ref: fn }, Principal: principal, ...extra } },
    from: [['', from]],
  };
}

/** `METHOD/path` of an API event, as SAM writes it into the permission's source ARN. */
function route(props: Record<string, unknown>): string {
  const method = typeof props.Method === 'string' ? (props.Method.toLowerCase() === 'any' ? '*' : props.Method.toUpperCase()) : '*';
  const path = typeof props.Path === 'string' ? props.Path.replace(/^(.+)\/$/, '$1') : '/*';
  return `${method}${path}`;
}

/** The implicit API SAM adds when an API event names none (`ServerlessRestApi`, `ServerlessHttpApi`). */
function implicitApi(ctx: SamContext, http: boolean): unknown {
  const id = http ? 'ServerlessHttpApi' : 'ServerlessRestApi';
  if (!ctx.implicit.has(id) && !ctx.template.Resources?.[id]) {
    const resource = http ? { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } } : { Type: 'AWS::ApiGateway::RestApi', Properties: {} };
    ctx.implicit.set(id, { logicalId: id, resource, from: [] });
  }
  return { Ref: id };
}

/** The stage suffix SAM gives an API event's permission: the explicit API's literal `StageName`, else `Stage`; `Prod` for the implicit one. */
function stageSuffix(api: unknown, ctx: SamContext): string {
  if (api === undefined) return 'Prod';
  const id = isMapping(api) && typeof api.Ref === 'string' ? api.Ref : typeof api === 'string' ? api : undefined;
  const stage = id ? ctx.template.Resources?.[id]?.Properties?.StageName : undefined;
  if (id === undefined) return 'AllStages';
  return typeof stage === 'string' && /^[A-Za-z0-9]+$/.test(stage) ? stage : 'Stage';
}

/**
 * What each entry of a function's `Events` becomes, with SAM's logical ids: `<Fn><Event>` for the
 * rule, subscription or event source mapping, `<Fn><Event>Permission` for the
 * `AWS::Lambda::Permission` a push source needs (`…Permission<Stage>` for REST API events).
 */
export function eventResources(fn: string, events: Record<string, unknown>, ctx: SamContext): Generated[] {
  const out: Generated[] = [];
  for (const [name, event] of Object.entries(events)) {
    const at = `Events.${name}`;
    const type = isMapping(event) && typeof event.Type === 'string' ? event.Type : undefined;
    const props = isMapping(event) && isMapping(event.Properties) ? event.Properties : {};
    const id = `${fn}${name}`;
    const pull = type ? PULL[type] : undefined;
    if (pull) {
      const mapping: Record<string, unknown> = { FunctionName: { Ref: fn } };
      if (props[pull.source] !== undefined && pull.source !== 'KafkaBootstrapServers') mapping.EventSourceArn = props[pull.source];
      for (const key of MAPPING_PROPERTIES) if (props[key] !== undefined) mapping[key] = props[key];
      out.push({ logicalId: id, resource: { Type: 'AWS::Lambda::EventSourceMapping', Properties: mapping }, from: [['', `${at}.Properties`]] });
      continue;
    }
    const principal = type ? PRINCIPALS[type] : undefined;
    if (!type || !principal) {
      ctx.warn(`${fn} (AWS::Serverless::Function): event ${name} of type ${type ?? '(none)'} is not expanded by lexscribe; what it adds is not checked`);
      continue;
    }
    switch (type) {
      case 'Api': {
        const api = props.RestApiId ?? implicitApi(ctx, false);
        const sourceArn = { 'Fn::Sub': [`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/\${__Stage__}/${route(props)}`, { __ApiId__: api, __Stage__: '*' }] };
        out.push(permission(`${id}Permission${stageSuffix(props.RestApiId, ctx)}`, fn, principal, { SourceArn: sourceArn }, at));
        break;
      }
      case 'HttpApi': {
        const api = props.ApiId ?? implicitApi(ctx, true);
        const sourceArn = { 'Fn::Sub': [`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/\${__Stage__}/${route(props)}`, { __ApiId__: api, __Stage__: '*' }] };
        out.push(permission(`${id}Permission`, fn, principal, { SourceArn: sourceArn }, at));
        break;
      }
      case 'S3':
        out.push(permission(`${id}Permission`, fn, principal, { SourceAccount: { Ref: 'AWS::AccountId' } }, at));
        break;
      case 'SNS':
        out.push(permission(`${id}Permission`, fn, principal, { SourceArn: props.Topic }, at));
        out.push({
          logicalId: id,
          resource: { Type: 'AWS::SNS::Subscription', Properties: { Endpoint: arnOf(fn), Protocol: 'lambda', TopicArn: props.Topic, ...(props.FilterPolicy !== undefined ? { FilterPolicy: props.FilterPolicy } : {}) } },
          from: [['', `${at}.Properties`]],
        });
        break;
      case 'Schedule':
      case 'CloudWatchEvent':
      case 'EventBridgeRule': {
        const rule: Record<string, unknown> = { Targets: [{ Arn: arnOf(fn), Id: `${id}LambdaTarget` }] };
        if (props.Schedule !== undefined) rule.ScheduleExpression = props.Schedule;
        if (props.Pattern !== undefined) rule.EventPattern = props.Pattern;
        if (props.EventBusName !== undefined) rule.EventBusName = props.EventBusName;
        if (props.Enabled === false || props.State !== undefined) rule.State = props.State ?? 'DISABLED';
        out.push({ logicalId: id, resource: { Type: 'AWS::Events::Rule', Properties: rule }, from: [['', `${at}.Properties`]] });
        out.push(permission(`${id}Permission`, fn, principal, { SourceArn: arnOf(id) }, at));
        break;
      }
      case 'AlexaSkill':
        out.push(permission(`${id}Permission`, fn, principal, props.SkillId !== undefined ? { EventSourceToken: props.SkillId } : {}, at));
        break;
      case 'Cognito':
        out.push(permission(`${fn}CognitoPermission`, fn, principal, isMapping(props.UserPool) && typeof props.UserPool.Ref === 'string' ? { SourceArn: arnOf(props.UserPool.Ref) } : {}, at));
        break;
      default:
        out.push(permission(`${id}Permission`, fn, principal, { SourceAccount: { Ref: 'AWS::AccountId' } }, at));
    }
  }
  return out;
}
