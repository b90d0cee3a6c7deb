import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { vpcEndpoints } from '../../../lib/sources/account/collectors/vpc-endpoints';
import { vpcEndpoint } from '../../tester/seed';
import { liveResource, scope, type CdkCase, type CheckTable, type Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

const endpointOf = (name: string, endpoint: (vpc: ec2.Vpc, stack: Stack) => void, status: string): CdkCase => ({
  name,
  cdk: (stack) => {
    jobStateMachine(stack, {});
    endpoint(new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] }), stack);
  },
  resource: 'Transcribe',
  then: (findings) => expect(findings.filter((f) => /Transcribe$/.test(f.resource.constructPath?.replace(/\/Resource$/, '') ?? '')).map((f) => f.status)).toEqual([status]),
});
const STREAMING = [{ Effect: 'Allow', Principal: '*', Action: ['transcribe:StartStreamTranscription', 'transcribe:StartStreamTranscriptionWebSocket'], Resource: '*' }];
const motoEndpoint = (policy?: unknown[]) => async (aws: Seed) => void (await vpcEndpoint(aws, 'transcribestreaming', { policy }));
const collectors = [vpcEndpoints];

export default {
  synth: {
    PASS: [
      endpointOf(
        'named actions',
        (vpc) =>
          vpc
            .addInterfaceEndpoint('Transcribe', { service: ec2.InterfaceVpcEndpointAwsService.TRANSCRIBE_STREAMING })
            .addToPolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['transcribe:StartStreamTranscription', 'transcribe:StartStreamTranscriptionWebSocket'], resources: ['*'] })),
        'PASS',
      ),
    ],
    FAIL: [
      endpointOf('the default policy', (vpc) => void vpc.addInterfaceEndpoint('Transcribe', { service: ec2.InterfaceVpcEndpointAwsService.TRANSCRIBE }), 'FAIL'),
      endpointOf(
        'transcribe:* for everyone',
        (vpc) => vpc.addInterfaceEndpoint('Transcribe', { service: ec2.InterfaceVpcEndpointAwsService.TRANSCRIBE }).addToPolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['transcribe:*'], resources: ['*'] })),
        'FAIL',
      ),
    ],
    UNKNOWN: [
      {
        ...endpointOf('a policy from a parameter', (vpc, stack) => void new ec2.CfnVPCEndpoint(stack, 'ParamTranscribe', { vpcId: vpc.vpcId, serviceName: 'com.amazonaws.us-east-1.transcribe', policyDocument: new CfnParameter(stack, 'Doc').valueAsString }), 'UNKNOWN'),
        resource: 'ParamTranscribe',
      },
    ],
  },
  live: {
    PASS: [{ name: 'a streaming endpoint limited to the streaming actions', moto: motoEndpoint(STREAMING), collectors, resource: 'vpc-endpoint' }],
    FAIL: [
      { name: 'the default allow-all policy', moto: motoEndpoint(), collectors, resource: 'vpc-endpoint' },
      {
        name: 'a China-Region endpoint with the default policy; a gateway endpoint is not applicable',
        emulated: 'moto has the aws partition only',
        stacks: [
          scope([
            liveResource('AWS::EC2::VPCEndpoint', 'vpce-1', { ServiceName: 'cn.com.amazonaws.cn-north-1.transcribe.cn', VpcEndpointType: 'Interface', PrivateDnsEnabled: true }),
            liveResource('AWS::EC2::VPCEndpoint', 'vpce-2', { ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway' }),
          ]),
        ],
        statuses: { 'vpce-1': 'FAIL', 'vpce-2': 'NOT_APPLICABLE' },
      },
    ],
    UNKNOWN: [{ name: 'ec2:DescribeVpcEndpoints denied', moto: motoEndpoint(STREAMING), collectors, deny: ['ec2:DescribeVpcEndpoints'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
