import {
  CreateListenerCommand,
  CreateTargetGroupCommand,
  DeleteListenerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type Action,
  type Listener,
  type LoadBalancer,
  type ProtocolEnum,
  type TargetGroup,
  type TargetTypeEnum,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { sdkConfig, type SdkTarget } from './sdk-config.ts';
import { hasTag, requireField, type ResourceTag } from './fields.ts';

export interface LoadBalancerRecord {
  arn: string;
  name: string;
  type: string;
  /** Optional because moto leaves it out; AWS always says internet-facing or internal. */
  scheme?: string;
  state: string;
  vpcId: string;
  dnsName: string;
  availabilityZones: { zone: string; subnetId: string }[];
  securityGroups: string[];
}

/** Any target group, lambda ones included (they have no protocol, port or VPC): what listing and deleting need. */
export interface TargetGroupRecord {
  arn: string;
  name: string;
  loadBalancerArns: string[];
}

/** A target group of instances or IPs: protocol, port, VPC and health check are always set. */
export interface NetworkTargetGroupRecord {
  arn: string;
  name: string;
  protocol: string;
  port: number;
  vpcId: string;
  targetType: string;
  loadBalancerArns: string[];
  healthCheck: {
    enabled: boolean;
    protocol: string;
    /** HTTP(S) health checks only. */
    path?: string;
    port: string;
    intervalSeconds: number;
    timeoutSeconds: number;
    healthyThreshold: number;
    unhealthyThreshold: number;
    /** HTTP(S) health checks only. */
    matcher?: string;
  };
}

export interface TargetHealthRecord {
  id: string;
  port: number;
  state: string;
  /** Set only when the target is not healthy. */
  reason?: string;
  description?: string;
}

export interface ActionRecord {
  type: string;
  targetGroupArn?: string;
  redirect?: { protocol?: string; port?: string; statusCode?: string };
}

export interface ListenerRecord {
  arn: string;
  loadBalancerArn: string;
  protocol: string;
  port: number;
  /** HTTPS/TLS listeners only (moto reports one on every listener). */
  sslPolicy?: string;
  certificateArns: string[];
  defaultActions: ActionRecord[];
}

export interface RuleRecord {
  priority: string;
  isDefault: boolean;
  conditions: { field: string; values: string[] }[];
  actions: ActionRecord[];
}

function client(target: SdkTarget): ElasticLoadBalancingV2Client {
  return new ElasticLoadBalancingV2Client(sdkConfig(target));
}

function toLoadBalancerRecord(lb: LoadBalancer): LoadBalancerRecord {
  return {
    arn: requireField(lb.LoadBalancerArn, 'LoadBalancerArn'),
    name: requireField(lb.LoadBalancerName, 'LoadBalancerName'),
    type: requireField(lb.Type, 'load balancer Type'),
    scheme: lb.Scheme,
    state: lb.State?.Code ?? 'unknown',
    vpcId: requireField(lb.VpcId, 'load balancer VpcId'),
    dnsName: requireField(lb.DNSName, 'load balancer DNSName'),
    availabilityZones: (lb.AvailabilityZones ?? []).map((z) => ({
      zone: requireField(z.ZoneName, 'load balancer AvailabilityZones ZoneName'),
      subnetId: requireField(z.SubnetId, 'load balancer AvailabilityZones SubnetId'),
    })),
    securityGroups: lb.SecurityGroups ?? [],
  };
}

function toTargetGroupRecord(tg: TargetGroup): TargetGroupRecord {
  return {
    arn: requireField(tg.TargetGroupArn, 'TargetGroupArn'),
    name: requireField(tg.TargetGroupName, 'TargetGroupName'),
    loadBalancerArns: tg.LoadBalancerArns ?? [],
  };
}

function toNetworkTargetGroupRecord(tg: TargetGroup): NetworkTargetGroupRecord {
  const { arn, name, loadBalancerArns } = toTargetGroupRecord(tg);
  return {
    arn,
    name,
    protocol: requireField(tg.Protocol, 'target group Protocol'),
    port: requireField(tg.Port, 'target group Port'),
    vpcId: requireField(tg.VpcId, 'target group VpcId'),
    targetType: requireField(tg.TargetType, 'target group TargetType'),
    loadBalancerArns,
    healthCheck: {
      enabled: tg.HealthCheckEnabled ?? false,
      protocol: requireField(tg.HealthCheckProtocol, 'target group HealthCheckProtocol'),
      path: tg.HealthCheckPath,
      port: requireField(tg.HealthCheckPort, 'target group HealthCheckPort'),
      intervalSeconds: requireField(tg.HealthCheckIntervalSeconds, 'target group HealthCheckIntervalSeconds'),
      timeoutSeconds: requireField(tg.HealthCheckTimeoutSeconds, 'target group HealthCheckTimeoutSeconds'),
      healthyThreshold: requireField(tg.HealthyThresholdCount, 'target group HealthyThresholdCount'),
      unhealthyThreshold: requireField(tg.UnhealthyThresholdCount, 'target group UnhealthyThresholdCount'),
      matcher: tg.Matcher?.HttpCode,
    },
  };
}

/** A forward may name its group directly or (weighted forwards) only in ForwardConfig. */
function toActionRecord(a: Action): ActionRecord {
  const redirect = a.RedirectConfig;
  return {
    type: requireField(a.Type, 'action Type'),
    targetGroupArn: a.TargetGroupArn ?? a.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn,
    redirect: redirect ? { protocol: redirect.Protocol, port: redirect.Port, statusCode: redirect.StatusCode } : undefined,
  };
}

function toListenerRecord(l: Listener): ListenerRecord {
  return {
    arn: requireField(l.ListenerArn, 'ListenerArn'),
    loadBalancerArn: requireField(l.LoadBalancerArn, 'listener LoadBalancerArn'),
    protocol: requireField(l.Protocol, 'listener Protocol'),
    port: requireField(l.Port, 'listener Port'),
    sslPolicy: l.SslPolicy,
    certificateArns: (l.Certificates ?? []).map((c) => requireField(c.CertificateArn, 'listener Certificates CertificateArn')),
    defaultActions: (l.DefaultActions ?? []).map(toActionRecord),
  };
}

export async function describeLoadBalancers(target: SdkTarget, arns: readonly string[]): Promise<LoadBalancerRecord[]> {
  const res = await client(target).send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [...arns] }));
  return (res.LoadBalancers ?? []).map(toLoadBalancerRecord);
}

export async function describeTargetGroups(target: SdkTarget, arns: readonly string[]): Promise<NetworkTargetGroupRecord[]> {
  const res = await client(target).send(new DescribeTargetGroupsCommand({ TargetGroupArns: [...arns] }));
  return (res.TargetGroups ?? []).map(toNetworkTargetGroupRecord);
}

export async function describeTargetHealth(target: SdkTarget, targetGroupArn: string): Promise<TargetHealthRecord[]> {
  const res = await client(target).send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
  return (res.TargetHealthDescriptions ?? []).map((d) => {
    const registered = requireField(d.Target, 'target health Target');
    return {
      id: requireField(registered.Id, 'target health Target Id'),
      port: requireField(registered.Port, 'target health Target Port'),
      state: d.TargetHealth?.State ?? 'unknown',
      reason: d.TargetHealth?.Reason,
      description: d.TargetHealth?.Description,
    };
  });
}

export async function describeTargetGroupAttributes(target: SdkTarget, targetGroupArn: string): Promise<Record<string, string>> {
  const res = await client(target).send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: targetGroupArn }));
  return Object.fromEntries((res.Attributes ?? []).map((a) => [requireField(a.Key, 'target group attribute Key'), a.Value ?? '']));
}

export async function listRules(target: SdkTarget, listenerArn: string): Promise<RuleRecord[]> {
  const res = await client(target).send(new DescribeRulesCommand({ ListenerArn: listenerArn }));
  return (res.Rules ?? []).map((r) => ({
    priority: requireField(r.Priority, 'rule Priority'),
    isDefault: r.IsDefault ?? false,
    conditions: (r.Conditions ?? []).map((c) => ({ field: requireField(c.Field, 'rule condition Field'), values: c.Values ?? [] })),
    actions: (r.Actions ?? []).map(toActionRecord),
  }));
}

export async function listLoadBalancers(target: SdkTarget): Promise<LoadBalancerRecord[]> {
  const elb = client(target);
  const all = await followMarkers(async (marker) => {
    const res = await elb.send(new DescribeLoadBalancersCommand({ Marker: marker }));
    return { items: res.LoadBalancers, nextMarker: res.NextMarker };
  });
  return all.map(toLoadBalancerRecord);
}

export async function listTargetGroups(target: SdkTarget): Promise<TargetGroupRecord[]> {
  const elb = client(target);
  const all = await followMarkers(async (marker) => {
    const res = await elb.send(new DescribeTargetGroupsCommand({ Marker: marker }));
    return { items: res.TargetGroups, nextMarker: res.NextMarker };
  });
  return all.map(toTargetGroupRecord);
}

/** Every page of a Marker-paginated describe, bounded so an emulator that always returns a marker cannot loop us. */
async function followMarkers<T>(page: (marker: string | undefined) => Promise<{ items?: T[]; nextMarker?: string }>): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  for (let n = 0; n < 20; n++) {
    const { items, nextMarker } = await page(marker);
    out.push(...(items ?? []));
    marker = nextMarker;
    if (!marker) break;
  }
  return out;
}

export async function listListeners(target: SdkTarget, loadBalancerArn: string): Promise<ListenerRecord[]> {
  const res = await client(target).send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn }));
  return (res.Listeners ?? []).map(toListenerRecord);
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

export interface TargetGroupRequest {
  name: string;
  targetType: TargetTypeEnum;
  /** Lambda target groups take none of protocol, port and VPC. */
  protocol?: ProtocolEnum;
  port?: number;
  vpcId?: string;
  tag: ResourceTag;
}

/** Returns the new group's ARN. */
export async function createTargetGroup(target: SdkTarget, request: TargetGroupRequest): Promise<string> {
  const res = await client(target).send(new CreateTargetGroupCommand({
    Name: request.name,
    TargetType: request.targetType,
    Protocol: request.protocol,
    Port: request.port,
    VpcId: request.vpcId,
    Tags: [{ Key: request.tag.key, Value: request.tag.value }],
  }));
  return requireField(res.TargetGroups?.[0]?.TargetGroupArn, 'created TargetGroupArn');
}

export interface ListenerRequest {
  loadBalancerArn: string;
  protocol: ProtocolEnum;
  port: number;
  /** Where the single default action forwards. */
  targetGroupArn: string;
  certificateArn?: string;
}

/** Returns the new listener's ARN. */
export async function createListener(target: SdkTarget, request: ListenerRequest): Promise<string> {
  const res = await client(target).send(new CreateListenerCommand({
    LoadBalancerArn: request.loadBalancerArn,
    Protocol: request.protocol,
    Port: request.port,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: request.targetGroupArn }],
    ...(request.certificateArn ? { Certificates: [{ CertificateArn: request.certificateArn }] } : {}),
  }));
  return requireField(res.Listeners?.[0]?.ListenerArn, 'created ListenerArn');
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
