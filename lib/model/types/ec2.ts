/** Amazon VPC: interface endpoints and the VPCs they serve. */

export const ENDPOINT = 'AWS::EC2::VPCEndpoint';
export const VPC = 'AWS::EC2::VPC';
