import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { lexBots } from '../../../lib/sources/account/collectors/lex-bots';
import { vpcEndpoints } from '../../../lib/sources/account/collectors/vpc-endpoints';
import { lexBot, vpcEndpoint } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { addBot } from '../monitoring/fixtures';
import { vpcWithEndpoint } from './fixtures';

const app = (name: string, build: (stack: Stack) => void, statuses: Record<string, string>, stack?: CdkCase['stack']): CdkCase => ({
  name,
  cdk: (s) => {
    addBot(s);
    build(s);
  },
  statuses,
  stack,
});
const motoEndpoint = (privateDns: boolean) => async (aws: Seed) => {
  await lexBot(aws);
  await vpcEndpoint(aws, 'runtime-v2-lex', { privateDns });
};
const collectors = [lexBots, vpcEndpoints];

export default {
  synth: {
    PASS: [
      app('an interface endpoint with private DNS', (s) => vpcWithEndpoint(s), { 'Vpc[Service::runtime-v2-lex]': 'PASS', Endpoint: 'PASS' }),
      app('service name built with Fn::Join and AWS::Region', (s) => vpcWithEndpoint(s, { serviceName: Fn.join('', ['com.amazonaws.', s.region, '.runtime-v2-lex']) }), { 'Vpc[Service::runtime-v2-lex]': 'PASS', Endpoint: 'PASS' }),
      app(
        'L2 Vpc + InterfaceVpcEndpoint, in an environment-agnostic stack',
        (s) => {
          const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
          vpc.addInterfaceEndpoint('Lex', { service: new ec2.InterfaceVpcEndpointAwsService('runtime-v2-lex') });
        },
        { 'Vpc[Service::runtime-v2-lex]': 'PASS', 'Vpc/Lex': 'PASS' },
        {},
      ),
      {
        name: 'template: Fn::Sub service name in an environment-agnostic stack',
        template: `
Resources:
  Bot: { Type: AWS::Lex::Bot, Properties: { Name: b, RoleArn: arn:aws:iam::123456789012:role/r, DataPrivacy: { ChildDirected: false }, IdleSessionTTLInSeconds: 300 } }
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: { ServiceName: !Sub 'com.amazonaws.\${AWS::Region}.runtime-v2-lex', VpcId: !Ref Vpc, VpcEndpointType: Interface, PrivateDnsEnabled: true }
`,
        statuses: { Endpoint: 'PASS', 'Vpc[Service::runtime-v2-lex]': 'PASS' },
      },
    ],
    FAIL: [
      app('a VPC without Lex endpoints', (s) => void new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' }), { 'Vpc[Service::runtime-v2-lex]': 'FAIL' }),
      app('private DNS off (CloudFormation default)', (s) => vpcWithEndpoint(s, { privateDnsEnabled: undefined }), { 'Vpc[Service::runtime-v2-lex]': 'PASS', Endpoint: 'FAIL' }),
      app('no endpoint type (CloudFormation default: Gateway)', (s) => vpcWithEndpoint(s, { vpcEndpointType: undefined }), { 'Vpc[Service::runtime-v2-lex]': 'PASS', Endpoint: 'FAIL' }),
    ],
    UNKNOWN: [
      app('service name from a parameter', (s) => vpcWithEndpoint(s, { serviceName: new CfnParameter(s, 'Service').valueAsString }), { 'Vpc[Service::runtime-v2-lex]': 'UNKNOWN' }),
      app('private DNS from a parameter', (s) => vpcWithEndpoint(s, { privateDnsEnabled: new CfnParameter(s, 'Dns').valueAsString as never }), { 'Vpc[Service::runtime-v2-lex]': 'PASS', Endpoint: 'UNKNOWN' }),
    ],
    NOT_APPLICABLE: [app('no VPC and no endpoint', () => undefined, { Test: 'NOT_APPLICABLE' })],
  },
  live: {
    PASS: [{ name: 'a Lex runtime interface endpoint with private DNS (DescribeVpcEndpoints)', moto: motoEndpoint(true), collectors, resource: 'vpc-endpoint' }],
    FAIL: [{ name: 'private DNS off', moto: motoEndpoint(false), collectors, resource: 'vpc-endpoint' }],
    UNKNOWN: [
      {
        // Formerly DISPUTED: the live side also said NOT_APPLICABLE "no Lex interface endpoint in this Region", an absence not observed.
        name: 'ec2:DescribeVpcEndpoints denied',
        moto: motoEndpoint(true),
        collectors,
        deny: ['ec2:DescribeVpcEndpoints'],
        statuses: { '123456789012/us-east-1': 'UNKNOWN' },
      },
    ],
    NOT_APPLICABLE: [{ name: 'no Lex endpoint in the Region: VPCs are not required to have one', moto: async (aws) => void (await lexBot(aws)), collectors, statuses: { '123456789012/us-east-1': 'NOT_APPLICABLE' } }],
  },
} satisfies CheckTable;
