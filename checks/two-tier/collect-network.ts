import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client, type SecurityGroup } from '@aws-sdk/client-ec2';
import { sdkConfig, type SdkTarget } from '../../src/aws/sdk-config.ts';
import type { SecurityGroupEvidence, TwoTierEvidence } from './evidence.ts';

type Ids = Record<string, unknown>;

/** Network facts: the VPC and subnets the network tier made, security groups and instances the app tier placed. */
export async function collectNetworkPlacement(t: SdkTarget, network: Ids, app: Ids): Promise<Pick<TwoTierEvidence, 'network' | 'securityGroups' | 'instances'>> {
  const ec2 = new EC2Client(sdkConfig(t));
  const subnetIds = [...(network.public_subnet_ids as string[]), ...(network.private_subnet_ids as string[])];
  const [vpcs, subnets, groups, instances] = await Promise.all([
    ec2.send(new DescribeVpcsCommand({ VpcIds: [String(network.vpc_id)] })),
    ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds })),
    ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [String(app.alb_security_group_id), String(app.backend_security_group_id)] })),
    ec2.send(new DescribeInstancesCommand({ InstanceIds: app.instance_ids as string[] })),
  ]);
  const group = (id: unknown): SecurityGroupEvidence => toGroupEvidence((groups.SecurityGroups ?? []).find((g) => g.GroupId === id));
  return {
    network: {
      vpcId: vpcs.Vpcs?.[0]?.VpcId ?? '',
      vpcCidr: vpcs.Vpcs?.[0]?.CidrBlock ?? '',
      subnets: (subnets.Subnets ?? []).map((s) => ({
        id: s.SubnetId!,
        cidr: s.CidrBlock!,
        zone: s.AvailabilityZone!,
        tier: (network.public_subnet_ids as string[]).includes(s.SubnetId!) ? 'public' : 'private',
      })),
    },
    securityGroups: { alb: group(app.alb_security_group_id), backend: group(app.backend_security_group_id) },
    instances: (instances.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => ({
      id: i.InstanceId!,
      subnetId: i.SubnetId!,
      vpcId: i.VpcId!,
      securityGroups: (i.SecurityGroups ?? []).map((g) => g.GroupId!),
      state: i.State?.Name ?? 'unknown',
    })),
  };
}

function toGroupEvidence(g: SecurityGroup | undefined): SecurityGroupEvidence {
  if (!g) return { id: 'not found', name: '', vpcId: '', ingress: [] };
  return {
    id: g.GroupId!,
    name: g.GroupName!,
    vpcId: g.VpcId!,
    ingress: (g.IpPermissions ?? []).map((p) => ({
      protocol: p.IpProtocol!,
      fromPort: p.FromPort,
      toPort: p.ToPort,
      cidrs: [...(p.IpRanges ?? []).map((r) => r.CidrIp!), ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6!)],
      sourceGroups: (p.UserIdGroupPairs ?? []).map((u) => u.GroupId!),
    })),
  };
}
