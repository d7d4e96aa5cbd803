import type { SdkTarget } from '../../src/aws/sdk-config.ts';
import {
  describeLoadBalancers,
  describeTargetGroupAttributes,
  describeTargetGroups,
  describeTargetHealth,
  listListeners,
  listRules,
} from '../../src/aws/elbv2.ts';
import type { ListenerEvidence, TargetGroupEvidence, TwoTierEvidence } from './evidence.ts';

/** What the app tier deployed for load balancing: the ALB and NLB and the target group behind each. */
export interface LoadBalancingArns {
  loadBalancers: string[];
  targetGroups: string[];
}

/**
 * The ALB/NLB graph (load balancers → listeners → rules → target groups → targets) as the API reports it. The
 * three branches are independent round trips to the endpoint, so they run together: `lab check` should feel instant.
 */
export async function collectLoadBalancing(t: SdkTarget, arns: LoadBalancingArns): Promise<Pick<TwoTierEvidence, 'loadBalancers' | 'listeners' | 'targetGroups'>> {
  const [loadBalancers, listeners, targetGroups] = await Promise.all([
    describeLoadBalancers(t, arns.loadBalancers),
    collectListeners(t, arns.loadBalancers),
    collectTargetGroups(t, arns.targetGroups),
  ]);
  return { loadBalancers, listeners, targetGroups };
}

async function collectListeners(t: SdkTarget, lbArns: string[]): Promise<ListenerEvidence[]> {
  const listeners = (await Promise.all(lbArns.map((arn) => listListeners(t, arn)))).flat();
  return Promise.all(
    listeners.map(async (l) => ({
      arn: l.arn,
      protocol: l.protocol,
      port: l.port,
      sslPolicy: l.sslPolicy,
      certificateArns: l.certificateArns,
      defaultActions: l.defaultActions,
      rules: (await listRules(t, l.arn)).map((r) => ({
        priority: r.priority,
        isDefault: r.isDefault,
        conditions: r.conditions.map((c) => `${c.field}=${c.values.join(',')}`),
        actions: r.actions.map((a) => ({ type: a.type, targetGroupArn: a.targetGroupArn })),
      })),
    })),
  );
}

async function collectTargetGroups(t: SdkTarget, arns: string[]): Promise<TargetGroupEvidence[]> {
  return Promise.all(
    (await describeTargetGroups(t, arns)).map(async (tg) => {
      const [targets, attributes] = await Promise.all([describeTargetHealth(t, tg.arn), describeTargetGroupAttributes(t, tg.arn)]);
      return { ...tg, attributes, targets };
    }),
  );
}
