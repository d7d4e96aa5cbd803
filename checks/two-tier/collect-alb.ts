import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ACMClient, DescribeCertificateCommand } from '@aws-sdk/client-acm';
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client, type SecurityGroup } from '@aws-sdk/client-ec2';
import { sdkConfig, type SdkTarget } from '../../src/aws/sdk-config.ts';
import type { ListenerEvidence, LoadBalancerEvidence, SecurityGroupEvidence, TargetGroupEvidence, TwoTierEvidence } from './evidence.ts';

type Ids = Record<string, unknown>;

/** The ALB/NLB graph (load balancers → listeners → rules → target groups → targets) as the API reports it. */
export async function collectLoadBalancing(t: SdkTarget, app: Ids): Promise<Pick<TwoTierEvidence, 'loadBalancers' | 'listeners' | 'targetGroups'>> {
  const elb = new ElasticLoadBalancingV2Client(sdkConfig(t));
  const lbArns = [app.alb_arn, app.nlb_arn].map(String);
  const lbs = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: lbArns }));
  const loadBalancers: LoadBalancerEvidence[] = (lbs.LoadBalancers ?? []).map((lb) => ({
    arn: lb.LoadBalancerArn!,
    name: lb.LoadBalancerName!,
    type: lb.Type!,
    scheme: lb.Scheme!,
    state: lb.State?.Code ?? 'unknown',
    vpcId: lb.VpcId!,
    dnsName: lb.DNSName!,
    availabilityZones: (lb.AvailabilityZones ?? []).map((z) => ({ zone: z.ZoneName!, subnetId: z.SubnetId! })),
    securityGroups: lb.SecurityGroups ?? [],
  }));
  const listeners: ListenerEvidence[] = [];
  for (const arn of lbArns) {
    const described = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: arn }));
    for (const l of described.Listeners ?? []) {
      const rules = await elb.send(new DescribeRulesCommand({ ListenerArn: l.ListenerArn }));
      listeners.push({
        arn: l.ListenerArn!,
        protocol: l.Protocol!,
        port: l.Port!,
        sslPolicy: l.SslPolicy,
        certificateArns: (l.Certificates ?? []).map((c) => c.CertificateArn!),
        defaultActions: (l.DefaultActions ?? []).map((a) => ({
          type: a.Type!,
          targetGroupArn: a.TargetGroupArn ?? a.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn,
          redirect: a.RedirectConfig ? { protocol: a.RedirectConfig.Protocol, port: a.RedirectConfig.Port, statusCode: a.RedirectConfig.StatusCode } : undefined,
        })),
        rules: (rules.Rules ?? []).map((r) => ({
          priority: r.Priority!,
          isDefault: r.IsDefault ?? false,
          conditions: (r.Conditions ?? []).map((c) => `${c.Field}=${(c.Values ?? []).join(',')}`),
          actions: (r.Actions ?? []).map((a) => ({ type: a.Type!, targetGroupArn: a.TargetGroupArn })),
        })),
      });
    }
  }
  const tgs = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [String(app.target_group_arn), String(app.nlb_target_group_arn)] }));
  const targetGroups: TargetGroupEvidence[] = [];
  for (const tg of tgs.TargetGroups ?? []) {
    const [health, attributes] = await Promise.all([
      elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn })),
      elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tg.TargetGroupArn })),
    ]);
    targetGroups.push({
      arn: tg.TargetGroupArn!,
      name: tg.TargetGroupName!,
      protocol: tg.Protocol!,
      port: tg.Port!,
      vpcId: tg.VpcId!,
      targetType: tg.TargetType!,
      loadBalancerArns: tg.LoadBalancerArns ?? [],
      healthCheck: {
        enabled: tg.HealthCheckEnabled ?? false,
        protocol: tg.HealthCheckProtocol!,
        path: tg.HealthCheckPath,
        port: tg.HealthCheckPort!,
        intervalSeconds: tg.HealthCheckIntervalSeconds!,
        timeoutSeconds: tg.HealthCheckTimeoutSeconds!,
        healthyThreshold: tg.HealthyThresholdCount!,
        unhealthyThreshold: tg.UnhealthyThresholdCount!,
        matcher: tg.Matcher?.HttpCode,
      },
      attributes: Object.fromEntries((attributes.Attributes ?? []).map((a) => [a.Key!, a.Value ?? ''])),
      targets: (health.TargetHealthDescriptions ?? []).map((d) => ({
        id: d.Target!.Id!,
        port: d.Target!.Port!,
        state: d.TargetHealth?.State ?? 'unknown',
        reason: d.TargetHealth?.Reason,
        description: d.TargetHealth?.Description,
      })),
    });
  }
  return { loadBalancers, listeners, targetGroups };
}

export async function collectCertificate(t: SdkTarget, arn: string): Promise<TwoTierEvidence['certificate']> {
  const acm = new ACMClient(sdkConfig(t));
  const { Certificate: c } = await acm.send(new DescribeCertificateCommand({ CertificateArn: arn }));
  return {
    arn,
    type: c?.Type,
    status: c?.Status,
    domain: c?.DomainName,
    notAfter: c?.NotAfter?.toISOString(),
    inUseBy: c?.InUseBy ?? [],
    keyAlgorithm: c?.KeyAlgorithm,
  };
}

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
