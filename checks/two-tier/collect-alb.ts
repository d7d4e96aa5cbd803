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
import { sdkConfig, type SdkTarget } from '../../src/aws/sdk-config.ts';
import type { ListenerEvidence, LoadBalancerEvidence, TargetGroupEvidence, TwoTierEvidence } from './evidence.ts';

type Ids = Record<string, unknown>;

/**
 * The ALB/NLB graph (load balancers → listeners → rules → target groups → targets) as the API reports it. The
 * three branches are independent round trips to the endpoint, so they run together: `lab check` should feel instant.
 */
export async function collectLoadBalancing(t: SdkTarget, app: Ids): Promise<Pick<TwoTierEvidence, 'loadBalancers' | 'listeners' | 'targetGroups'>> {
  const elb = new ElasticLoadBalancingV2Client(sdkConfig(t));
  const lbArns = [app.alb_arn, app.nlb_arn].map(String);
  const tgArns = [app.target_group_arn, app.nlb_target_group_arn].map(String);
  const [loadBalancers, listeners, targetGroups] = await Promise.all([
    describeLoadBalancers(elb, lbArns),
    describeListeners(elb, lbArns),
    describeTargetGroups(elb, tgArns),
  ]);
  return { loadBalancers, listeners, targetGroups };
}

async function describeLoadBalancers(elb: ElasticLoadBalancingV2Client, arns: string[]): Promise<LoadBalancerEvidence[]> {
  const lbs = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: arns }));
  return (lbs.LoadBalancers ?? []).map((lb) => ({
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
}

async function describeListeners(elb: ElasticLoadBalancingV2Client, lbArns: string[]): Promise<ListenerEvidence[]> {
  const described = await Promise.all(lbArns.map((arn) => elb.send(new DescribeListenersCommand({ LoadBalancerArn: arn }))));
  return Promise.all(
    described.flatMap((d) => d.Listeners ?? []).map(async (l) => {
      const rules = await elb.send(new DescribeRulesCommand({ ListenerArn: l.ListenerArn }));
      return {
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
      };
    }),
  );
}

async function describeTargetGroups(elb: ElasticLoadBalancingV2Client, arns: string[]): Promise<TargetGroupEvidence[]> {
  const tgs = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: arns }));
  return Promise.all(
    (tgs.TargetGroups ?? []).map(async (tg) => {
      const [health, attributes] = await Promise.all([
        elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn })),
        elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tg.TargetGroupArn })),
      ]);
      return {
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
      };
    }),
  );
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
