import {
  DeleteListenerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { sdkConfig, type SdkTarget } from './sdk-config.ts';
import { hasTag, requireField, type ResourceTag } from './fields.ts';

export interface LoadBalancerRecord {
  arn: string;
  name: string;
  type: string;
  vpcId: string;
}

export interface TargetGroupRecord {
  arn: string;
  name: string;
  loadBalancerArns: string[];
}

export interface ListenerRecord {
  arn: string;
  loadBalancerArn: string;
  protocol: string;
  port: number;
}

function client(target: SdkTarget): ElasticLoadBalancingV2Client {
  return new ElasticLoadBalancingV2Client(sdkConfig(target));
}

export async function listLoadBalancers(target: SdkTarget): Promise<LoadBalancerRecord[]> {
  const elb = client(target);
  const out: LoadBalancerRecord[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 20; page++) {
    const res = await elb.send(new DescribeLoadBalancersCommand({ Marker: marker }));
    for (const lb of res.LoadBalancers ?? [])
      out.push({
        arn: requireField(lb.LoadBalancerArn, 'LoadBalancerArn'),
        name: requireField(lb.LoadBalancerName, 'LoadBalancerName'),
        type: requireField(lb.Type, 'load balancer Type'),
        vpcId: requireField(lb.VpcId, 'load balancer VpcId'),
      });
    marker = res.NextMarker;
    if (!marker) break;
  }
  return out;
}

export async function listTargetGroups(target: SdkTarget): Promise<TargetGroupRecord[]> {
  const elb = client(target);
  const out: TargetGroupRecord[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 20; page++) {
    const res = await elb.send(new DescribeTargetGroupsCommand({ Marker: marker }));
    for (const tg of res.TargetGroups ?? [])
      out.push({
        arn: requireField(tg.TargetGroupArn, 'TargetGroupArn'),
        name: requireField(tg.TargetGroupName, 'TargetGroupName'),
        loadBalancerArns: tg.LoadBalancerArns ?? [],
      });
    marker = res.NextMarker;
    if (!marker) break;
  }
  return out;
}

export async function listListeners(target: SdkTarget, loadBalancerArn: string): Promise<ListenerRecord[]> {
  const res = await client(target).send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn }));
  return (res.Listeners ?? []).map((l) => ({
    arn: requireField(l.ListenerArn, 'ListenerArn'),
    loadBalancerArn: requireField(l.LoadBalancerArn, 'listener LoadBalancerArn'),
    protocol: requireField(l.Protocol, 'listener Protocol'),
    port: requireField(l.Port, 'listener Port'),
  }));
}

/** The subset of ARNs (load balancers, target groups) that carry the tag; DescribeTags takes 20 at a time. */
export async function arnsWithTag(target: SdkTarget, arns: readonly string[], tag: ResourceTag): Promise<Set<string>> {
  const elb = client(target);
  const tagged = new Set<string>();
  for (let i = 0; i < arns.length; i += 20) {
    const res = await elb.send(new DescribeTagsCommand({ ResourceArns: arns.slice(i, i + 20) }));
    for (const d of res.TagDescriptions ?? []) if (hasTag(d.Tags, tag)) tagged.add(requireField(d.ResourceArn, 'tag description ResourceArn'));
  }
  return tagged;
}

export async function findTaggedLoadBalancers(target: SdkTarget, tag: ResourceTag): Promise<LoadBalancerRecord[]> {
  const all = await listLoadBalancers(target);
  const tagged = await arnsWithTag(target, all.map((l) => l.arn), tag);
  return all.filter((l) => tagged.has(l.arn));
}

export async function findTaggedTargetGroups(target: SdkTarget, tag: ResourceTag): Promise<TargetGroupRecord[]> {
  const all = await listTargetGroups(target);
  const tagged = await arnsWithTag(target, all.map((t) => t.arn), tag);
  return all.filter((t) => tagged.has(t.arn));
}

export async function deleteListener(target: SdkTarget, arn: string): Promise<void> {
  await client(target).send(new DeleteListenerCommand({ ListenerArn: arn }));
}

export async function deleteLoadBalancer(target: SdkTarget, arn: string): Promise<void> {
  await client(target).send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn }));
}

export async function deleteTargetGroup(target: SdkTarget, arn: string): Promise<void> {
  await client(target).send(new DeleteTargetGroupCommand({ TargetGroupArn: arn }));
}
