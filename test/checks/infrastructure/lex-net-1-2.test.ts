import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import net1 from '../../../checks/infrastructure/lex-net-1-interface-endpoints';
import net2 from '../../../checks/infrastructure/lex-net-2-endpoint-policy';
import { runPipeline } from '../../../lib/engine/pipeline';
import type { StackInput } from '../../../lib/model/resource';
import { synthStack } from '../../helpers/synth';
import { ACCOUNT, LIVE_BOT, REGION, addBot, live, statusesOf } from '../monitoring/fixtures';

const RUNTIME = `com.amazonaws.${REGION}.runtime-v2-lex`;

/** An L1 VPC with one Lex endpoint whose properties `extra` overrides. */
function vpcWithEndpoint(stack: Stack, extra: Partial<ec2.CfnVPCEndpointProps> = {}) {
  const vpc = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  new ec2.CfnVPCEndpoint(stack, 'Endpoint', { vpcId: vpc.ref, serviceName: RUNTIME, vpcEndpointType: 'Interface', privateDnsEnabled: true, ...extra });
}

/** A small L2 VPC (one AZ, isolated subnets only) with an L2 interface endpoint for the Lex runtime. */
function l2Vpc(stack: Stack, options: Partial<ec2.InterfaceVpcEndpointOptions> = {}) {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  return vpc.addInterfaceEndpoint('Lex', { service: new ec2.InterfaceVpcEndpointAwsService('runtime-v2-lex'), ...options });
}

describe('LEX-NET-1 interface endpoints with private DNS', () => {
  test.each<[string, string, (stack: Stack) => void, Record<string, string>]>([
    ['FAIL', 'a VPC without Lex endpoints', (stack) => new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' }), { Vpc: 'FAIL' }],
    ['PASS', 'an interface endpoint with private DNS', (stack) => vpcWithEndpoint(stack), { Vpc: 'PASS', Endpoint: 'PASS' }],
    ['FAIL', 'private DNS off (CloudFormation default)', (stack) => vpcWithEndpoint(stack, { privateDnsEnabled: undefined }), { Vpc: 'PASS', Endpoint: 'FAIL' }],
    ['FAIL', 'no endpoint type (CloudFormation default: Gateway)', (stack) => vpcWithEndpoint(stack, { vpcEndpointType: undefined }), { Vpc: 'PASS', Endpoint: 'FAIL' }],
    [
      'PASS',
      'service name built with Fn::Join and AWS::Region',
      (stack) => vpcWithEndpoint(stack, { serviceName: Fn.join('', ['com.amazonaws.', stack.region, '.runtime-v2-lex']) }),
      { Vpc: 'PASS', Endpoint: 'PASS' },
    ],
    [
      'UNKNOWN',
      'service name from a parameter',
      (stack) => vpcWithEndpoint(stack, { serviceName: new CfnParameter(stack, 'Service').valueAsString }),
      { Vpc: 'UNKNOWN' },
    ],
    ['UNKNOWN', 'private DNS from a parameter', (stack) => vpcWithEndpoint(stack, { privateDnsEnabled: new CfnParameter(stack, 'Dns').valueAsString as never }), { Vpc: 'PASS', Endpoint: 'UNKNOWN' }],
  ])('%s: %s', (_overall, _what, build, expected) => {
    const out = synthStack((stack) => {
      addBot(stack);
      build(stack);
    });
    expect(out.statuses('LEX-NET-1')).toEqual(expected);
  });

  test('L2 Vpc + InterfaceVpcEndpoint, in an environment-agnostic stack', () => {
    const out = synthStack(
      (stack) => {
        addBot(stack);
        l2Vpc(stack);
      },
      {},
      {},
    );
    const statuses = Object.values(out.statuses('LEX-NET-1'));
    expect(statuses).toEqual(['PASS', 'PASS']);
  });

  test('template: Fn::Sub service name in an environment-agnostic stack', () => {
    const stacks: StackInput[] = [
      {
        stack: { name: 'Network' },
        resources: [
          { type: 'AWS::Lex::Bot', logicalId: 'Bot', properties: {}, metadata: {}, provenance: {} },
          { type: 'AWS::EC2::VPC', logicalId: 'Vpc', properties: { CidrBlock: '10.0.0.0/16' }, metadata: {}, provenance: {} },
          {
            type: 'AWS::EC2::VPCEndpoint',
            logicalId: 'Endpoint',
            properties: { ServiceName: { 'Fn::Sub': 'com.amazonaws.${AWS::Region}.runtime-v2-lex' }, VpcId: { Ref: 'Vpc' }, VpcEndpointType: 'Interface', PrivateDnsEnabled: true },
            metadata: {},
            provenance: {},
          },
        ],
      },
    ];
    expect(statusesOf(runPipeline([{ stacks }], { checks: [net1], mode: 'synth' }).findings)).toEqual({ Endpoint: 'PASS', Vpc: 'PASS' });
  });

  test('no VPC and no endpoint: not applicable', () => {
    expect(synthStack((stack) => addBot(stack)).statuses('LEX-NET-1')).toEqual({ Test: 'NOT_APPLICABLE' });
  });

  test('live: DescribeVpcEndpoints results are judged, VPCs are not required to have one', () => {
    const endpoint = (id: string, dns: boolean) => ({
      type: 'AWS::EC2::VPCEndpoint',
      id,
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc-endpoint/${id}`,
      props: { ServiceName: RUNTIME, VpcEndpointType: 'Interface', PrivateDnsEnabled: dns, VpcId: 'vpc-1' },
    });
    expect(statusesOf(live([net1], [LIVE_BOT, endpoint('vpce-1', true), endpoint('vpce-2', false)]))).toEqual({ 'vpce-1': 'PASS', 'vpce-2': 'FAIL' });
    expect(statusesOf(live([net1], [LIVE_BOT]))).toEqual({ [`${ACCOUNT}/${REGION}`]: 'NOT_APPLICABLE' });
  });
});

describe('LEX-NET-2 endpoint policies are not allow-all', () => {
  const aliasArn = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOTID1/ALIAS1`;
  const restricted = { Statement: [{ Effect: 'Allow', Principal: '*', Action: ['lex:RecognizeText'], Resource: [aliasArn] }] };
  const allowAll = { Statement: [{ Sid: 'All', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

  test.each<[string, string, (stack: Stack) => void]>([
    ['FAIL', 'no policy (default allow-all)', (stack) => vpcWithEndpoint(stack)],
    ['FAIL', 'explicit allow-all', (stack) => vpcWithEndpoint(stack, { policyDocument: allowAll })],
    ['PASS', 'runtime action on one alias', (stack) => vpcWithEndpoint(stack, { policyDocument: restricted })],
    ['UNKNOWN', 'policy built at deploy time', (stack) => vpcWithEndpoint(stack, { policyDocument: Fn.join('', ['{"Statement":', new CfnParameter(stack, 'P').valueAsString, '}']) })],
    ['NOT_APPLICABLE', 'an S3 endpoint', (stack) => vpcWithEndpoint(stack, { serviceName: `com.amazonaws.${REGION}.s3`, vpcEndpointType: 'Gateway' })],
  ])('%s: %s', (expected, _what, build) => {
    expect(synthStack(build).statuses('LEX-NET-2')).toEqual({ Endpoint: expected });
  });

  test('L2 endpoint with a policy statement added', () => {
    const out = synthStack((stack) => {
      const endpoint = l2Vpc(stack);
      endpoint.addToPolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['lex:RecognizeText'], resources: [aliasArn] }));
    });
    expect(Object.values(out.statuses('LEX-NET-2'))).toEqual(['PASS']);
  });

  test('live: the finding key names the open statement', () => {
    const findings = live(
      [net2],
      [{ type: 'AWS::EC2::VPCEndpoint', id: 'vpce-1', props: { ServiceName: RUNTIME, VpcEndpointType: 'Interface', PolicyDocument: JSON.stringify(allowAll) } }],
    );
    expect(findings).toMatchObject([{ status: 'FAIL', findingKey: 'Statement::All' }]);
  });
});
