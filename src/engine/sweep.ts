import {
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand,
  DescribeTagsCommand as DescribeElbTagsCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ACMClient, ListCertificatesCommand, ListTagsForCertificateCommand } from '@aws-sdk/client-acm';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { sdkConfig, type SdkTarget } from '../aws/sdk-config.ts';
import { RUN_TAG } from '../../stacks/target-context.ts';

export interface Leftover {
  service: string;
  id: string;
}

/**
 * Looks for anything still tagged with the run id after a destroy. It asks each service directly (emulators'
 * tagging APIs cover fewer resource types) and the tagging API as well; terminated instances do not count.
 */
export async function sweepRunLeftovers(target: SdkTarget, runId: string): Promise<Leftover[]> {
  const found = await Promise.all([ec2Leftovers(target, runId), elbLeftovers(target, runId), acmLeftovers(target, runId), taggingLeftovers(target, runId)]);
  const unique = new Map<string, Leftover>();
  for (const item of found.flat()) unique.set(item.id, item);
  return [...unique.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Typed describes with a tag filter, not DescribeTags: emulators keep tags of deleted resources, and only a
 * describe tells whether the resource itself still exists.
 */
async function ec2Leftovers(target: SdkTarget, runId: string): Promise<Leftover[]> {
  const ec2 = new EC2Client(sdkConfig(target));
  const Filters = [{ Name: `tag:${RUN_TAG}`, Values: [runId] }];
  const [vpcs, subnets, groups, gateways, routes, instances, volumes, interfaces] = await Promise.all([
    ec2.send(new DescribeVpcsCommand({ Filters })),
    ec2.send(new DescribeSubnetsCommand({ Filters })),
    ec2.send(new DescribeSecurityGroupsCommand({ Filters })),
    ec2.send(new DescribeInternetGatewaysCommand({ Filters })),
    ec2.send(new DescribeRouteTablesCommand({ Filters })),
    ec2.send(new DescribeInstancesCommand({ Filters })),
    ec2.send(new DescribeVolumesCommand({ Filters })),
    ec2.send(new DescribeNetworkInterfacesCommand({ Filters })),
  ]);
  const live = (i: { State?: { Name?: string } }) => i.State?.Name !== 'terminated' && i.State?.Name !== 'shutting-down';
  return [
    ...(vpcs.Vpcs ?? []).map((v) => ({ service: 'ec2:vpc', id: v.VpcId! })),
    ...(subnets.Subnets ?? []).map((v) => ({ service: 'ec2:subnet', id: v.SubnetId! })),
    ...(groups.SecurityGroups ?? []).map((v) => ({ service: 'ec2:security-group', id: v.GroupId! })),
    ...(gateways.InternetGateways ?? []).map((v) => ({ service: 'ec2:internet-gateway', id: v.InternetGatewayId! })),
    ...(routes.RouteTables ?? []).map((v) => ({ service: 'ec2:route-table', id: v.RouteTableId! })),
    ...(instances.Reservations ?? []).flatMap((r) => r.Instances ?? []).filter(live).map((v) => ({ service: 'ec2:instance', id: v.InstanceId! })),
    ...(volumes.Volumes ?? []).filter((v) => v.State !== 'deleted').map((v) => ({ service: 'ec2:volume', id: v.VolumeId! })),
    ...(interfaces.NetworkInterfaces ?? []).map((v) => ({ service: 'ec2:network-interface', id: v.NetworkInterfaceId! })),
  ];
}

async function elbLeftovers(target: SdkTarget, runId: string): Promise<Leftover[]> {
  const elb = new ElasticLoadBalancingV2Client(sdkConfig(target));
  const [lbs, tgs] = await Promise.all([
    elb.send(new DescribeLoadBalancersCommand({})),
    elb.send(new DescribeTargetGroupsCommand({})),
  ]);
  const arns = [...(lbs.LoadBalancers ?? []).map((l) => l.LoadBalancerArn!), ...(tgs.TargetGroups ?? []).map((t) => t.TargetGroupArn!)];
  const out: Leftover[] = [];
  for (let i = 0; i < arns.length; i += 20) {
    const described = await elb.send(new DescribeElbTagsCommand({ ResourceArns: arns.slice(i, i + 20) }));
    for (const d of described.TagDescriptions ?? [])
      if (d.Tags?.some((t) => t.Key === RUN_TAG && t.Value === runId)) out.push({ service: 'elasticloadbalancing', id: d.ResourceArn! });
  }
  return out;
}

async function acmLeftovers(target: SdkTarget, runId: string): Promise<Leftover[]> {
  const acm = new ACMClient(sdkConfig(target));
  const listed = await acm.send(new ListCertificatesCommand({}));
  const out: Leftover[] = [];
  for (const cert of listed.CertificateSummaryList ?? []) {
    const tags = await acm.send(new ListTagsForCertificateCommand({ CertificateArn: cert.CertificateArn }));
    if (tags.Tags?.some((t) => t.Key === RUN_TAG && t.Value === runId)) out.push({ service: 'acm', id: cert.CertificateArn! });
  }
  return out;
}

async function taggingLeftovers(target: SdkTarget, runId: string): Promise<Leftover[]> {
  const tagging = new ResourceGroupsTaggingAPIClient(sdkConfig(target));
  try {
    const res = await tagging.send(new GetResourcesCommand({ TagFilters: [{ Key: RUN_TAG, Values: [runId] }] }));
    return (res.ResourceTagMappingList ?? [])
      .map((m) => m.ResourceARN!)
      // EC2, ELB and ACM resources were judged above by describing them; emulators keep tags of deleted ones.
      .filter((arn) => !DESCRIBED_SERVICES.has(arn.split(':')[2] ?? ''))
      .map((arn) => ({ service: arn.split(':')[2] ?? 'unknown', id: arn }));
  } catch {
    return []; // not every emulator implements the tagging API; the direct queries above still ran
  }
}

const DESCRIBED_SERVICES = new Set(['ec2', 'elasticloadbalancing', 'acm']);
