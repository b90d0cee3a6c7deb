import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { transcribeArtifacts } from '../../../lib/sources/account/collectors/transcribe/artifacts';
import { vpcEndpoints } from '../../../lib/sources/account/collectors/vpc-endpoints';
import { vocabulary, vpcEndpoint } from '../../tester/seed';
import type { CdkCase, CheckTable, Seed } from '../../tester';
import { jobStateMachine } from '../transcribe/fixtures';

/** A state machine starting jobs, and a VPC (one AZ, isolated subnets) with the endpoint `endpoint` adds. */
const vpcApp = (name: string, endpoint: ((vpc: ec2.Vpc, stack: Stack) => void) | undefined, statuses: Record<string, string>): CdkCase => ({
  name,
  cdk: (stack) => {
    jobStateMachine(stack, {});
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    endpoint?.(vpc, stack);
  },
  statuses,
});
const transcribeEndpoint = (props: Partial<ec2.InterfaceVpcEndpointProps> = {}) => (vpc: ec2.Vpc) => void vpc.addInterfaceEndpoint('Transcribe', { service: ec2.InterfaceVpcEndpointAwsService.TRANSCRIBE, ...props });
const VPC = 'Vpc[Service::transcribe]';
const motoEndpoint = (privateDns: boolean) => async (aws: Seed) => {
  await vocabulary(aws, 'products');
  await vpcEndpoint(aws, 'transcribe', { privateDns });
};
const collectors = [transcribeArtifacts, vpcEndpoints];

export default {
  synth: {
    PASS: [vpcApp('an endpoint with private DNS', transcribeEndpoint(), { [VPC]: 'PASS', 'Vpc/Transcribe': 'PASS' })],
    FAIL: [vpcApp('private DNS off', transcribeEndpoint({ privateDnsEnabled: false }), { [VPC]: 'PASS', 'Vpc/Transcribe': 'FAIL' }), vpcApp('no endpoint', undefined, { [VPC]: 'FAIL' })],
    UNKNOWN: [
      vpcApp('an endpoint whose service name comes from a parameter', (vpc, stack) => void new ec2.CfnVPCEndpoint(stack, 'Maybe', { vpcId: vpc.vpcId, serviceName: new CfnParameter(stack, 'Svc').valueAsString, vpcEndpointType: 'Interface' }), {
        [VPC]: 'UNKNOWN',
      }),
    ],
  },
  live: {
    PASS: [{ name: 'a Transcribe interface endpoint with private DNS', moto: motoEndpoint(true), collectors, resource: 'vpc-endpoint' }],
    FAIL: [{ name: 'private DNS off', moto: motoEndpoint(false), collectors, resource: 'vpc-endpoint' }],
    UNKNOWN: [
      {
        // Formerly DISPUTED: as for LEX-NET-1, the live side also said NOT_APPLICABLE "no Transcribe interface endpoint in this Region".
        name: 'ec2:DescribeVpcEndpoints denied',
        moto: motoEndpoint(true),
        collectors,
        deny: ['ec2:DescribeVpcEndpoints'],
        statuses: { '123456789012/us-east-1': 'UNKNOWN' },
      },
    ],
  },
} satisfies CheckTable;
