import type { Cfn } from './view';

/** Amazon VPC: interface endpoints and the VPCs they serve. */

export const ENDPOINT = 'AWS::EC2::VPCEndpoint';
export const VPC = 'AWS::EC2::VPC';

/** `AWS::EC2::VPCEndpoint`; live, `DescribeVpcEndpoints` in the same shape. */
export interface EndpointProps {
  ServiceName?: Cfn<string>;
  /** CloudFormation's default is `Gateway`. */
  VpcEndpointType?: Cfn<string>;
  PrivateDnsEnabled?: Cfn<boolean>;
  PolicyDocument?: Cfn<unknown>;
  VpcId?: Cfn<string>;
}
