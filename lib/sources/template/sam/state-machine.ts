import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { Unknown } from '../../../model/values';
import { CFN_TAGS } from '../tags';
import { assumedBy, isMapping, passThrough, rename, tagList, type Generated, type SamContext } from './model';
import { executionRole } from './role';

export const STATE_MACHINE = 'AWS::Serverless::StateMachine';

/** A definition file SAM reads from a local `DefinitionUri` (JSON or YAML); an S3 one is read at deploy time. */
function definitionFrom(uri: unknown, logicalId: string, ctx: SamContext): unknown {
  const where = `${logicalId} (${STATE_MACHINE})`;
  if (isMapping(uri) && uri.Bucket !== undefined) {
    return new Unknown(`${where}: the definition is read from S3 at deploy time (DefinitionUri ${JSON.stringify(uri)}); a scan does not read it`);
  }
  if (typeof uri !== 'string') return new Unknown(`${where}: DefinitionUri is computed at deploy time; a scan does not read it`);
  if (/^s3:\/\//i.test(uri)) return new Unknown(`${where}: the definition is read from ${uri} at deploy time; a scan does not read it`);
  const read = ctx.readLocal(uri);
  if ('problem' in read) {
    ctx.warn(`${where}: the definition file ${uri} ${read.problem}; its states are not checked`);
    return new Unknown(`${where}: the definition file ${uri} ${read.problem}`);
  }
  const text = read.data.toString('utf8');
  try {
    if (extname(read.file).toLowerCase() === '.json') return JSON.parse(text);
    const doc = parseDocument(text, { customTags: CFN_TAGS });
    if (doc.errors.length > 0) throw new Error(doc.errors[0].message.split('\n')[0]);
    return doc.toJS();
  } catch (e) {
    ctx.warn(`${where}: the definition file ${read.file} cannot be parsed (${(e as Error).message}); its states are not checked`);
    return new Unknown(`${where}: the definition file ${read.file} cannot be parsed`);
  }
}

/**
 * `AWS::Serverless::StateMachine` → `AWS::StepFunctions::StateMachine` with the definition as a
 * `Definition` object (inline, or read from a local `DefinitionUri`) and its `DefinitionSubstitutions`,
 * and the execution role `<SM>Role` (trusting Step Functions, with `Policies`) when no `Role` is given.
 */
export function expandStateMachine(logicalId: string, props: Record<string, unknown>, ctx: SamContext): Generated[] {
  const properties: Record<string, unknown> = {};
  const from: Array<readonly [string, string]> = [];
  if (props.Definition !== undefined) rename(props, 'Definition', 'Definition', properties, from);
  else if (props.DefinitionUri !== undefined) {
    properties.Definition = definitionFrom(props.DefinitionUri, logicalId, ctx);
    from.push(['Definition', 'DefinitionUri']);
  }
  passThrough(props, ['DefinitionSubstitutions'], properties, from);
  rename(props, 'Name', 'StateMachineName', properties, from);
  rename(props, 'Type', 'StateMachineType', properties, from);
  rename(props, 'Logging', 'LoggingConfiguration', properties, from);
  rename(props, 'Tracing', 'TracingConfiguration', properties, from);
  const tags = tagList(props.Tags, { 'stateMachine:createdBy': 'SAM' });
  rename({ Tags: tags }, 'Tags', 'Tags', properties, from);
  const out: Generated[] = [{ logicalId, resource: { Type: 'AWS::StepFunctions::StateMachine', Properties: properties }, from }];
  if (props.Role !== undefined) {
    rename(props, 'Role', 'RoleArn', properties, from);
    if (props.Policies !== undefined) ctx.warn(`${logicalId} (${STATE_MACHINE}) gives both Role and Policies, which SAM refuses; lexscribe reads Role`);
  } else {
    const tracing = isMapping(props.Tracing) && props.Tracing.Enabled === true;
    const role = executionRole({
      owner: logicalId,
      ownerType: STATE_MACHINE,
      trust: assumedBy('states.amazonaws.com'),
      managed: [],
      policies: tracing ? [...(Array.isArray(props.Policies) ? props.Policies : props.Policies === undefined ? [] : [props.Policies]), 'AWSXrayWriteOnlyAccess'] : props.Policies,
      tags,
      path: props.RolePath,
      permissionsBoundary: props.PermissionsBoundary,
    });
    properties.RoleArn = { 'Fn::GetAtt': [role.logicalId, 'Arn'] };
    out.push(role);
  }
  out.push(...stateMachineEvents(logicalId, props.Events, ctx));
  if (props.AutoPublishAlias !== undefined) {
    const version = `${logicalId}Version`;
    out.push({ logicalId: version, resource: { Type: 'AWS::StepFunctions::StateMachineVersion', Properties: { StateMachineArn: { Ref: logicalId } } }, from: [] });
    out.push({
      logicalId: `${logicalId}Alias${String(props.AutoPublishAlias)}`,
      resource: { Type: 'AWS::StepFunctions::StateMachineAlias', Properties: { Name: props.AutoPublishAlias, DeploymentPreference: { Type: 'ALL_AT_ONCE', StateMachineVersionArn: { Ref: version } } } },
      from: [['Name', 'AutoPublishAlias']],
    });
  }
  return out;
}

/**
 * A state machine's `Events`: a rule (`<SM><Event>`) for schedules and EventBridge patterns, and the
 * role SAM makes for the rule or API to start executions (`<SM><Event>Role`).
 */
function stateMachineEvents(sm: string, events: unknown, ctx: SamContext): Generated[] {
  const out: Generated[] = [];
  for (const [name, event] of Object.entries(isMapping(events) ? events : {})) {
    const type = isMapping(event) ? event.Type : undefined;
    const props = isMapping(event) && isMapping(event.Properties) ? event.Properties : {};
    const at = `Events.${name}`;
    const id = `${sm}${name}`;
    const startExecution = (service: string): Generated => ({
      logicalId: `${id}Role`,
      resource: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumedBy(service),
          Policies: [{ PolicyName: `${id}RoleStartExecutionPolicy`, PolicyDocument: { Statement: [{ Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: sm } }] } }],
        },
      },
      from: [['', at]],
    });
    if (type === 'Schedule' || type === 'CloudWatchEvent' || type === 'EventBridgeRule') {
      const rule: Record<string, unknown> = { Targets: [{ Arn: { Ref: sm }, Id: `${id}StepFunctionsTarget`, RoleArn: { 'Fn::GetAtt': [`${id}Role`, 'Arn'] } }] };
      if (props.Schedule !== undefined) rule.ScheduleExpression = props.Schedule;
      if (props.Pattern !== undefined) rule.EventPattern = props.Pattern;
      if (props.EventBusName !== undefined) rule.EventBusName = props.EventBusName;
      out.push({ logicalId: id, resource: { Type: 'AWS::Events::Rule', Properties: rule }, from: [['', `${at}.Properties`]] }, startExecution('events.amazonaws.com'));
    } else if (type === 'Api') {
      out.push(startExecution('apigateway.amazonaws.com'));
    } else {
      ctx.warn(`${sm} (${STATE_MACHINE}): event ${name} of type ${String(type ?? '(none)')} is not expanded by lexscribe; what it adds is not checked`);
    }
  }
  return out;
}
