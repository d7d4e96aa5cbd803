import type { SdkTarget } from '../../src/aws/sdk-config.ts';
import { requireField } from '../../src/aws/fields.ts';
import { describeInstances, describeSecurityGroups, describeSubnets, describeVpcs, type SecurityGroupRecord } from '../../src/aws/ec2.ts';
import type { SecurityGroupEvidence, TwoTierEvidence } from './evidence.ts';

/** The network tier's VPC and subnets, and the security groups and instances the app tier placed in them. */
export interface PlacementIds {
  vpcId: string;
  publicSubnetIds: string[];
  privateSubnetIds: string[];
  albSecurityGroupId: string;
  backendSecurityGroupId: string;
  instanceIds: string[];
}

/** Network facts: the VPC and subnets the network tier made, security groups and instances the app tier placed. */
export async function collectNetworkPlacement(t: SdkTarget, ids: PlacementIds): Promise<Pick<TwoTierEvidence, 'network' | 'securityGroups' | 'instances'>> {
  const [vpcs, subnets, groups, instances] = await Promise.all([
    describeVpcs(t, [ids.vpcId]),
    describeSubnets(t, [...ids.publicSubnetIds, ...ids.privateSubnetIds]),
    describeSecurityGroups(t, [ids.albSecurityGroupId, ids.backendSecurityGroupId]),
    describeInstances(t, ids.instanceIds),
  ]);
  const group = (id: string): SecurityGroupEvidence => toGroupEvidence(groups.find((g) => g.id === id));
  return {
    network: {
      vpcId: vpcs[0]?.id ?? '',
      vpcCidr: vpcs[0]?.cidrBlock ?? '',
      subnets: subnets.map((s) => ({
        id: s.id,
        cidr: s.cidrBlock,
        zone: s.availabilityZone,
        tier: ids.publicSubnetIds.includes(s.id) ? 'public' : 'private',
      })),
    },
    securityGroups: { alb: group(ids.albSecurityGroupId), backend: group(ids.backendSecurityGroupId) },
    // The app tier's instances should be running: a terminated one has no placement, and that is an error here.
    instances: instances.map((i) => ({
      id: i.id,
      subnetId: requireField(i.subnetId, `instance ${i.id} SubnetId`),
      vpcId: requireField(i.vpcId, `instance ${i.id} VpcId`),
      securityGroups: i.securityGroupIds,
      state: i.state,
    })),
  };
}

function toGroupEvidence(g: SecurityGroupRecord | undefined): SecurityGroupEvidence {
  if (!g) return { id: 'not found', name: '', vpcId: '', ingress: [] };
  return { id: g.id, name: g.name, vpcId: g.vpcId, ingress: g.ingress };
}
