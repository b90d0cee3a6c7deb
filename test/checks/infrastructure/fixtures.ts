import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** An L1 VPC with one Lex runtime endpoint (interface, private DNS) whose properties `extra` overrides. */
export function vpcWithEndpoint(stack: Stack, extra: Partial<ec2.CfnVPCEndpointProps> = {}): void {
  const vpc = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  new ec2.CfnVPCEndpoint(stack, 'Endpoint', { vpcId: vpc.ref, serviceName: 'com.amazonaws.us-east-1.runtime-v2-lex', vpcEndpointType: 'Interface', privateDnsEnabled: true, ...extra });
}
