import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { vpcEndpoints } from '../../../lib/sources/account/collectors/vpc-endpoints';
import { vpcEndpoint } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { ACCOUNT, REGION } from '../monitoring/fixtures';
import { vpcWithEndpoint } from './fixtures';

const ALIAS = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOTID1/ALIAS1`;
const RESTRICTED = [{ Effect: 'Allow', Principal: '*', Action: ['lex:RecognizeText'], Resource: [ALIAS] }];
const ALL = [{ Sid: 'All', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }];
const endpoint = (name: string, extra: (s: Stack) => Partial<ec2.CfnVPCEndpointProps>, status: string): CdkCase => ({ name, cdk: (s) => vpcWithEndpoint(s, extra(s)), statuses: { Endpoint: status } });
const motoEndpoint = (policy?: unknown[]) => async (aws: Seed) => void (await vpcEndpoint(aws, 'runtime-v2-lex', { policy }));
const collectors = [vpcEndpoints];

export default {
  synth: {
    PASS: [
      endpoint('runtime action on one alias', () => ({ policyDocument: { Statement: RESTRICTED } }), 'PASS'),
      {
        name: 'L2 endpoint with a policy statement added',
        cdk: (stack) => {
          const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
          vpc.addInterfaceEndpoint('Lex', { service: new ec2.InterfaceVpcEndpointAwsService('runtime-v2-lex') }).addToPolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['lex:RecognizeText'], resources: [ALIAS] }));
        },
        statuses: { 'Vpc/Lex': 'PASS' },
      },
    ],
    FAIL: [
      endpoint('no policy (default allow-all)', () => ({}), 'FAIL'),
      { ...endpoint('explicit allow-all', () => ({ policyDocument: { Statement: ALL } }), 'FAIL'), statuses: { 'Endpoint[Statement::All]': 'FAIL' } },
    ],
    UNKNOWN: [endpoint('policy built at deploy time', (s) => ({ policyDocument: Fn.join('', ['{"Statement":', new CfnParameter(s, 'P').valueAsString, '}']) }), 'UNKNOWN')],
    NOT_APPLICABLE: [endpoint('an S3 endpoint', () => ({ serviceName: `com.amazonaws.${REGION}.s3`, vpcEndpointType: 'Gateway' }), 'NOT_APPLICABLE')],
  },
  live: {
    PASS: [{ name: 'a policy limited to runtime calls on one alias', moto: motoEndpoint(RESTRICTED), collectors, resource: 'vpc-endpoint' }],
    FAIL: [
      { name: 'the default allow-all endpoint policy', moto: motoEndpoint(), collectors, resource: 'vpc-endpoint' },
      { name: 'the finding key names the open statement', moto: motoEndpoint(ALL), collectors, findingKey: 'Statement::All' },
    ],
    UNKNOWN: [{ name: 'ec2:DescribeVpcEndpoints denied', moto: motoEndpoint(RESTRICTED), collectors, deny: ['ec2:DescribeVpcEndpoints'], statuses: { '123456789012/us-east-1': 'UNKNOWN' } }],
  },
} satisfies CheckTable;
