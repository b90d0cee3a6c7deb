import { failed, type Collector } from '../collector';
import { listAll, op } from './support/calls';
import { live, policyDocument, tagList } from './support/shape';
import { ENDPOINT } from '../../../model/types/ec2';

const DESCRIBE = op('ec2', 'DescribeVpcEndpoints');

/** Endpoint services of Lex V2 (runtime, build) and Transcribe (batch, streaming), as a Region names them. */
export function endpointServices(region: string): string[] {
  const prefix = region.startsWith('cn-') ? `cn.com.amazonaws.${region}` : `com.amazonaws.${region}`;
  const suffix = region.startsWith('cn-') ? '.cn' : '';
  return ['runtime-v2-lex', 'models-v2-lex', `transcribe${suffix}`, `transcribestreaming${suffix}`].map((s) => `${prefix}.${s}`);
}

/**
 * Interface endpoints for Lex V2 and Transcribe in this Region, as `AWS::EC2::VPCEndpoint`
 * {ServiceName, VpcEndpointType, VpcId, PrivateDnsEnabled, PolicyDocument, SubnetIds,
 * SecurityGroupIds; live-only State, Tags}. Only these services are asked for: the account's other
 * endpoints say nothing about Lex or Transcribe.
 */
export const vpcEndpoints: Collector = {
  name: 'vpc-endpoints',
  operations: [DESCRIBE],
  emits: [ENDPOINT],
  async collect(ctx) {
    const ec2 = await import('@aws-sdk/client-ec2');
    const client = ctx.client(ec2.EC2Client);
    const endpoints = await listAll(
      ctx,
      DESCRIBE,
      (NextToken) => client.send(new ec2.DescribeVpcEndpointsCommand({ Filters: [{ Name: 'service-name', Values: endpointServices(ctx.region) }], NextToken })),
      (page) => ({ items: page.VpcEndpoints, next: page.NextToken }),
    );
    if (failed(endpoints)) {
      ctx.gap([ENDPOINT], endpoints.reason);
      return;
    }
    for (const e of endpoints) {
      if (!e.VpcEndpointId) continue;
      ctx.emit(
        live(ENDPOINT, `vpc-endpoint/${e.VpcEndpointId}`, `arn:${ctx.partition}:ec2:${ctx.region}:${e.OwnerId ?? ctx.account}:vpc-endpoint/${e.VpcEndpointId}`, 'ec2:DescribeVpcEndpoints', {
          ServiceName: e.ServiceName,
          VpcEndpointType: e.VpcEndpointType,
          VpcId: e.VpcId,
          PrivateDnsEnabled: e.PrivateDnsEnabled,
          PolicyDocument: policyDocument(e.PolicyDocument),
          SubnetIds: e.SubnetIds?.length ? e.SubnetIds : undefined,
          SecurityGroupIds: e.Groups?.length ? e.Groups.map((g) => g.GroupId) : undefined,
          State: e.State,
          Tags: e.Tags?.length ? tagList(e.Tags) : undefined,
        }),
      );
    }
  },
};
