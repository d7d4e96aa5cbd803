import type { ListenerEvidence, LoadBalancerEvidence, TargetGroupEvidence, TwoTierEvidence } from './evidence.ts';

/** Lookups over the evidence graph shared by the judges; pure. */
export function alb(e: TwoTierEvidence): LoadBalancerEvidence {
  const found = e.loadBalancers.find((l) => l.type === 'application');
  if (!found) throw new Error(`no application load balancer in the evidence (found: ${e.loadBalancers.map((l) => `${l.name}/${l.type}`).join(', ') || 'none'})`);
  return found;
}

export function albListeners(e: TwoTierEvidence): ListenerEvidence[] {
  const arn = alb(e).arn;
  return e.listeners.filter((l) => l.arn.includes(arn.split(':loadbalancer/')[1] ?? '\u0000'));
}

export function httpsListener(e: TwoTierEvidence): ListenerEvidence | undefined {
  return albListeners(e).find((l) => l.protocol === 'HTTPS');
}

export function httpListener(e: TwoTierEvidence): ListenerEvidence | undefined {
  return albListeners(e).find((l) => l.protocol === 'HTTP');
}

export function albTargetGroup(e: TwoTierEvidence): TargetGroupEvidence {
  const tgArn = httpsListener(e)?.defaultActions.find((a) => a.type === 'forward')?.targetGroupArn;
  const found = e.targetGroups.find((t) => t.arn === tgArn);
  if (!found) throw new Error(`the HTTPS listener forwards to ${tgArn ?? 'nothing'}, which is not among the target groups collected (${e.targetGroups.map((t) => t.name).join(', ')})`);
  return found;
}

export function describeHealthCheck(tg: TargetGroupEvidence): string {
  const h = tg.healthCheck;
  return `${h.protocol} ${h.path ?? ''} on port ${h.port}, every ${h.intervalSeconds}s, timeout ${h.timeoutSeconds}s, healthy after ${h.healthyThreshold} / unhealthy after ${h.unhealthyThreshold} consecutive results, success codes ${h.matcher ?? '-'}`;
}

export function targetStates(tg: TargetGroupEvidence): string {
  return tg.targets.map((t) => `${t.id}:${t.port} ${t.state}${t.reason ? ` (${t.reason})` : ''}`).join(', ') || 'no targets registered';
}
