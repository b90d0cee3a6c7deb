import type { LambdaClient } from '@aws-sdk/client-lambda';
import { failed, type CollectorContext } from '../../collector';
import { parseArn } from '../../../../model/arn';
import { Conditions } from '../../../../policy/document';
import { absentOn, ops, unknownFrom } from '../support/calls';
import { once } from '../support/once';
import { live, policyDocument } from '../support/shape';
import { FUNCTION, PERMISSION } from '../../../../model/types/lambda';
import { loadLambda } from '../support/sdk';

export const LAMBDA_OPERATIONS = ops('lambda', 'GetFunctionConfiguration', 'GetPolicy');
export const LAMBDA_TYPES = [FUNCTION, PERMISSION];

/**
 * Read a Lambda function that something collected invokes (a Lex code hook) and emit
 * `AWS::Lambda::Function` {FunctionName, Runtime, Role, PackageType} and one
 * `AWS::Lambda::Permission` {FunctionName, Action, Principal, SourceArn, SourceAccount,
 * PrincipalOrgID} per statement of its resource policy, as a template would declare them. The
 * policy is read for the ARN exactly as referenced: a version or alias has a policy of its own.
 */
export async function followFunction(ctx: CollectorContext, ref: string | undefined): Promise<void> {
  const arn = ref ? parseArn(ref) : undefined;
  const name = arn?.service === 'lambda' ? /^function:([^:]+)/.exec(arn.resource)?.[1] : undefined;
  if (!ref || !arn || !name) return;
  const { LambdaClient: Client } = await loadLambda();
  const client = ctx.client(Client, arn.region);
  await once(client, `function|${ref}`, () => readFunction(ctx, client, ref, name));
}

async function readFunction(ctx: CollectorContext, client: LambdaClient, ref: string, name: string): Promise<void> {
  const { GetFunctionConfigurationCommand, GetPolicyCommand } = await loadLambda();
  const [config, policy] = await Promise.all([
    ctx.call(LAMBDA_OPERATIONS[0], () => absentOn(['ResourceNotFoundException'], () => client.send(new GetFunctionConfigurationCommand({ FunctionName: ref })))),
    ctx.call(LAMBDA_OPERATIONS[1], () => absentOn(['ResourceNotFoundException'], () => client.send(new GetPolicyCommand({ FunctionName: ref })))),
  ]);
  if (failed(config)) {
    ctx.emit(live(FUNCTION, `function/${name}`, unqualified(ref), 'lambda:GetFunctionConfiguration', { FunctionName: name, Runtime: unknownFrom(config) }));
  } else if (config) {
    ctx.emit(
      live(FUNCTION, `function/${name}`, unqualified(config.FunctionArn ?? ref), 'lambda:GetFunctionConfiguration', {
        FunctionName: config.FunctionName ?? name,
        Runtime: config.Runtime,
        Role: config.Role,
        PackageType: config.PackageType,
      }),
    );
  }
  if (failed(policy)) {
    // Which principals may invoke the function cannot be known: say so where a permission would be.
    const reason = unknownFrom(policy);
    ctx.emit(live(PERMISSION, `function/${name}/permission`, undefined, 'lambda:GetPolicy', { FunctionName: ref, Action: reason, Principal: reason, SourceArn: reason, SourceAccount: reason }));
    return;
  }
  const doc = policyDocument(policy?.Policy) as { Statement?: unknown } | undefined;
  const statements = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
  statements.forEach((raw: Record<string, unknown>, i: number) => {
    const conditions = new Conditions(raw.Condition);
    ctx.emit(
      live(PERMISSION, `function/${name}/permission/${typeof raw.Sid === 'string' ? raw.Sid : i}`, undefined, 'lambda:GetPolicy', {
        FunctionName: ref,
        Action: raw.Action,
        Principal: principalOf(raw.Principal),
        SourceArn: conditionValue(conditions, 'aws:SourceArn'),
        SourceAccount: conditionValue(conditions, 'aws:SourceAccount'),
        PrincipalOrgID: conditionValue(conditions, 'aws:PrincipalOrgID'),
      }),
    );
  });
}

/** `function:name` without its `:version`/`:alias` qualifier. */
function unqualified(arn: string): string {
  return arn.replace(/^(arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:]+):.*$/, '$1');
}

/** CloudFormation writes the principal as one string: a service, an account or ARN, or `*`. */
function principalOf(p: unknown): unknown {
  if (typeof p === 'string' || !p || typeof p !== 'object') return p;
  const values = Object.values(p as Record<string, unknown>).flatMap((v) => (Array.isArray(v) ? v : [v]));
  return values.length === 1 ? values[0] : values;
}

function conditionValue(conditions: Conditions, key: string): unknown {
  const values = conditions.get(key).flatMap((e) => e.values);
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}
