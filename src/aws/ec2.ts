import {
  DeleteInternetGatewayCommand,
  DeleteNatGatewayCommand,
  DeleteNetworkInterfaceCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVolumeCommand,
  DeleteVpcCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  EC2Client,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  TerminateInstancesCommand,
  type Filter,
  type Instance,
  type IpPermission,
  type SecurityGroup,
  type Subnet,
  type Vpc,
} from '@aws-sdk/client-ec2';
import { sdkConfig, type SdkTarget } from './sdk-config.ts';
import { requireField, type ResourceTag } from './fields.ts';

export interface VpcRecord { id: string; cidrBlock: string }
export interface SubnetRecord { id: string; vpcId: string; cidrBlock: string; availabilityZone: string }
/** `fromPort`/`toPort` are absent for "all protocols" rules. */
export interface SecurityGroupRuleRecord { protocol: string; fromPort?: number; toPort?: number; cidrs: string[]; sourceGroups: string[] }
export interface SecurityGroupRecord { id: string; name: string; vpcId: string; ingress: SecurityGroupRuleRecord[]; egress: SecurityGroupRuleRecord[] }
export interface InternetGatewayRecord { id: string; attachedVpcIds: string[] }
export interface NatGatewayRecord { id: string; state: string }
/** `associationIds` are the explicit (non-main) subnet associations, which must go before the table can. */
export interface RouteTableRecord { id: string; vpcId: string; main: boolean; associationIds: string[] }
/** `subnetId` and `vpcId` are absent once the instance is terminated. */
export interface InstanceRecord { id: string; state: string; subnetId?: string; vpcId?: string; securityGroupIds: string[] }
export interface VolumeRecord { id: string; state: string }
export interface NetworkInterfaceRecord { id: string; status: string }

function client(target: SdkTarget): EC2Client {
  return new EC2Client(sdkConfig(target));
}

function toVpcRecord(v: Vpc): VpcRecord {
  return { id: requireField(v.VpcId, 'VpcId'), cidrBlock: v.CidrBlock ?? '' };
}

function toSubnetRecord(s: Subnet): SubnetRecord {
  return {
    id: requireField(s.SubnetId, 'SubnetId'),
    vpcId: requireField(s.VpcId, 'subnet VpcId'),
    cidrBlock: requireField(s.CidrBlock, 'subnet CidrBlock'),
    availabilityZone: requireField(s.AvailabilityZone, 'subnet AvailabilityZone'),
  };
}

function toRuleRecord(p: IpPermission): SecurityGroupRuleRecord {
  return {
    protocol: requireField(p.IpProtocol, 'security group rule IpProtocol'),
    fromPort: p.FromPort,
    toPort: p.ToPort,
    cidrs: [
      ...(p.IpRanges ?? []).map((r) => requireField(r.CidrIp, 'security group rule CidrIp')),
      ...(p.Ipv6Ranges ?? []).map((r) => requireField(r.CidrIpv6, 'security group rule CidrIpv6')),
    ],
    sourceGroups: (p.UserIdGroupPairs ?? []).map((u) => requireField(u.GroupId, 'security group rule source GroupId')),
  };
}

function toSecurityGroupRecord(g: SecurityGroup): SecurityGroupRecord {
  return {
    id: requireField(g.GroupId, 'GroupId'),
    name: requireField(g.GroupName, 'GroupName'),
    vpcId: requireField(g.VpcId, 'security group VpcId'),
    ingress: (g.IpPermissions ?? []).map(toRuleRecord),
    egress: (g.IpPermissionsEgress ?? []).map(toRuleRecord),
  };
}

function toInstanceRecord(i: Instance): InstanceRecord {
  return {
    id: requireField(i.InstanceId, 'InstanceId'),
    state: requireField(i.State?.Name, 'instance State.Name'),
    subnetId: i.SubnetId,
    vpcId: i.VpcId,
    securityGroupIds: (i.SecurityGroups ?? []).map((g) => requireField(g.GroupId, 'instance SecurityGroups GroupId')),
  };
}

export async function describeVpcs(target: SdkTarget, ids: readonly string[]): Promise<VpcRecord[]> {
  const res = await client(target).send(new DescribeVpcsCommand({ VpcIds: [...ids] }));
  return (res.Vpcs ?? []).map(toVpcRecord);
}

export async function describeSubnets(target: SdkTarget, ids: readonly string[]): Promise<SubnetRecord[]> {
  const res = await client(target).send(new DescribeSubnetsCommand({ SubnetIds: [...ids] }));
  return (res.Subnets ?? []).map(toSubnetRecord);
}

export async function describeSecurityGroups(target: SdkTarget, ids: readonly string[]): Promise<SecurityGroupRecord[]> {
  const res = await client(target).send(new DescribeSecurityGroupsCommand({ GroupIds: [...ids] }));
  return (res.SecurityGroups ?? []).map(toSecurityGroupRecord);
}

export async function describeInstances(target: SdkTarget, ids: readonly string[]): Promise<InstanceRecord[]> {
  const res = await client(target).send(new DescribeInstancesCommand({ InstanceIds: [...ids] }));
  return (res.Reservations ?? []).flatMap((r) => r.Instances ?? []).map(toInstanceRecord);
}

const tagFilter = (tag: ResourceTag): Filter[] => [{ Name: `tag:${tag.key}`, Values: [tag.value] }];

/*
 * Typed describes with a tag filter, not DescribeTags: emulators keep tags of deleted resources, and only a
 * describe tells whether the resource itself still exists.
 */

export async function findTaggedVpcs(target: SdkTarget, tag: ResourceTag): Promise<VpcRecord[]> {
  const res = await client(target).send(new DescribeVpcsCommand({ Filters: tagFilter(tag) }));
  return (res.Vpcs ?? []).map(toVpcRecord);
}

export async function findTaggedSubnets(target: SdkTarget, tag: ResourceTag): Promise<SubnetRecord[]> {
  const res = await client(target).send(new DescribeSubnetsCommand({ Filters: tagFilter(tag) }));
  return (res.Subnets ?? []).map(toSubnetRecord);
}

export async function findTaggedSecurityGroups(target: SdkTarget, tag: ResourceTag): Promise<SecurityGroupRecord[]> {
  const res = await client(target).send(new DescribeSecurityGroupsCommand({ Filters: tagFilter(tag) }));
  return (res.SecurityGroups ?? []).map(toSecurityGroupRecord);
}

export async function findTaggedInternetGateways(target: SdkTarget, tag: ResourceTag): Promise<InternetGatewayRecord[]> {
  const res = await client(target).send(new DescribeInternetGatewaysCommand({ Filters: tagFilter(tag) }));
  return (res.InternetGateways ?? []).map((g) => ({
    id: requireField(g.InternetGatewayId, 'InternetGatewayId'),
    attachedVpcIds: (g.Attachments ?? []).map((a) => requireField(a.VpcId, 'internet gateway attachment VpcId')),
  }));
}

/** NAT gateways being deleted or already deleted do not count. */
export async function findTaggedNatGateways(target: SdkTarget, tag: ResourceTag): Promise<NatGatewayRecord[]> {
  const res = await client(target).send(new DescribeNatGatewaysCommand({ Filter: tagFilter(tag) }));
  return (res.NatGateways ?? [])
    .map((g) => ({ id: requireField(g.NatGatewayId, 'NatGatewayId'), state: requireField(g.State, 'NAT gateway State') }))
    .filter((g) => g.state !== 'deleted' && g.state !== 'deleting');
}

export async function findTaggedRouteTables(target: SdkTarget, tag: ResourceTag): Promise<RouteTableRecord[]> {
  const res = await client(target).send(new DescribeRouteTablesCommand({ Filters: tagFilter(tag) }));
  return (res.RouteTables ?? []).map((t) => ({
    id: requireField(t.RouteTableId, 'RouteTableId'),
    vpcId: requireField(t.VpcId, 'route table VpcId'),
    main: (t.Associations ?? []).some((a) => a.Main),
    associationIds: (t.Associations ?? []).filter((a) => !a.Main).map((a) => requireField(a.RouteTableAssociationId, 'RouteTableAssociationId')),
  }));
}

/** Terminated and shutting-down instances do not count. */
export async function findTaggedInstances(target: SdkTarget, tag: ResourceTag): Promise<InstanceRecord[]> {
  const res = await client(target).send(new DescribeInstancesCommand({ Filters: tagFilter(tag) }));
  return (res.Reservations ?? [])
    .flatMap((r) => r.Instances ?? [])
    .map(toInstanceRecord)
    .filter((i) => i.state !== 'terminated' && i.state !== 'shutting-down');
}

export async function findTaggedVolumes(target: SdkTarget, tag: ResourceTag): Promise<VolumeRecord[]> {
  const res = await client(target).send(new DescribeVolumesCommand({ Filters: tagFilter(tag) }));
  return (res.Volumes ?? [])
    .map((v) => ({ id: requireField(v.VolumeId, 'VolumeId'), state: requireField(v.State, 'volume State') }))
    .filter((v) => v.state !== 'deleted' && v.state !== 'deleting');
}

export async function findTaggedNetworkInterfaces(target: SdkTarget, tag: ResourceTag): Promise<NetworkInterfaceRecord[]> {
  const res = await client(target).send(new DescribeNetworkInterfacesCommand({ Filters: tagFilter(tag) }));
  return (res.NetworkInterfaces ?? []).map((n) => ({ id: requireField(n.NetworkInterfaceId, 'NetworkInterfaceId'), status: n.Status ?? '' }));
}

export async function terminateInstances(target: SdkTarget, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await client(target).send(new TerminateInstancesCommand({ InstanceIds: [...ids] }));
}

/** Rules first: a group another group's rule points at cannot be deleted while that rule exists. */
export async function revokeSecurityGroupRules(target: SdkTarget, groupId: string): Promise<void> {
  const ec2 = client(target);
  const res = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }));
  const group = requireField(res.SecurityGroups?.[0], `security group ${groupId}`);
  if ((group.IpPermissions ?? []).length > 0) await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: group.IpPermissions }));
  if ((group.IpPermissionsEgress ?? []).length > 0) await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: group.IpPermissionsEgress }));
}

export async function deleteSecurityGroup(target: SdkTarget, groupId: string): Promise<void> {
  await client(target).send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
}

export async function deleteNetworkInterface(target: SdkTarget, id: string): Promise<void> {
  await client(target).send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id }));
}

export async function deleteVolume(target: SdkTarget, id: string): Promise<void> {
  await client(target).send(new DeleteVolumeCommand({ VolumeId: id }));
}

export async function deleteSubnet(target: SdkTarget, id: string): Promise<void> {
  await client(target).send(new DeleteSubnetCommand({ SubnetId: id }));
}

export async function deleteRouteTable(target: SdkTarget, table: RouteTableRecord): Promise<void> {
  const ec2 = client(target);
  for (const associationId of table.associationIds) await ec2.send(new DisassociateRouteTableCommand({ AssociationId: associationId }));
  await ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.id }));
}

export async function deleteInternetGateway(target: SdkTarget, gateway: InternetGatewayRecord): Promise<void> {
  const ec2 = client(target);
  for (const vpcId of gateway.attachedVpcIds) await ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: gateway.id, VpcId: vpcId }));
  await ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: gateway.id }));
}

export async function deleteNatGateway(target: SdkTarget, id: string): Promise<void> {
  await client(target).send(new DeleteNatGatewayCommand({ NatGatewayId: id }));
}

export async function deleteVpc(target: SdkTarget, id: string): Promise<void> {
  await client(target).send(new DeleteVpcCommand({ VpcId: id }));
}
