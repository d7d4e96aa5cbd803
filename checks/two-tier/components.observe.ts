/**
 * Pure: the two-tier lab evidence (ALB components question) → what it shows for the propositions it can observe.
 * The evidence is the deployed configuration as the ELB API reports it (listeners, rules, target groups, targets);
 * on an emulator (moto) that is the emulator's view, so observers only read configuration it stores faithfully and
 * say "not observed" where the emulator accepts what AWS would refuse.
 */
import type { Observation, Observer } from '../../src/claims/types.ts';
import type { TwoTierEvidence } from './evidence.ts';
import { alb, albListeners, albTargetGroup } from './graph.ts';

const tgName = (e: TwoTierEvidence, arn?: string) => e.targetGroups.find((t) => t.arn === arn)?.name ?? arn ?? '?';

function safely(read: () => Observation): Observation {
  try {
    return read();
  } catch (err) {
    return { status: 'unverifiable', reason: `the deployment's evidence lacks what this needs (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** Each ALB listener's default rule as the API lists it: no conditions, evaluated when nothing else matches. */
const defaultRuleConditions: Observer<TwoTierEvidence> = (e) =>
  safely(() => {
    const listeners = albListeners(e);
    if (listeners.length === 0) return { status: 'unverifiable', reason: 'the deployment has no ALB listener' };
    const defaults = listeners.map((l) => ({ listener: `${l.protocol}:${l.port}`, rule: l.rules.find((r) => r.isDefault) }));
    const missing = defaults.filter((d) => !d.rule);
    if (missing.length) return { status: 'unverifiable', reason: `the API listed no default rule for ${missing.map((d) => d.listener).join(', ')}` };
    const withConditions = defaults.filter((d) => d.rule!.conditions.length > 0);
    return {
      status: 'observed',
      value: withConditions.length === 0 ? 'it has no conditions' : 'it has conditions of its own',
      summary: `DescribeRules lists one default rule per ALB listener (${defaults.map((d) => `${d.listener}: priority "${d.rule!.priority}", ${d.rule!.conditions.length} conditions, action ${d.rule!.actions.map((a) => a.type).join('+')}`).join('; ')}).`,
      data: defaults,
    };
  });

const listenerDefaultRule: Observer<TwoTierEvidence> = (e) =>
  safely(() => {
    const listeners = albListeners(e);
    if (listeners.length === 0) return { status: 'unverifiable', reason: 'the deployment has no ALB listener' };
    const counts = listeners.map((l) => ({ listener: `${l.protocol}:${l.port}`, defaults: l.rules.filter((r) => r.isDefault).length, rules: l.rules.length }));
    return {
      status: 'observed',
      value: counts.every((c) => c.defaults === 1) ? 'every listener has exactly one default rule' : 'not every listener has a default rule',
      summary: `every ALB listener came back with its rules: ${counts.map((c) => `${c.listener} has ${c.rules} rule${c.rules === 1 ? '' : 's'}, ${c.defaults} of them the default`).join('; ')}.`,
      data: counts,
    };
  });

/** Listener → (default) rule → target group → registered targets, read from the deployed HTTPS listener. */
const requestPath: Observer<TwoTierEvidence> = (e) =>
  safely(() => {
    const forwarding = albListeners(e).filter((l) => l.rules.some((r) => r.actions.some((a) => a.type === 'forward' && a.targetGroupArn)));
    if (forwarding.length === 0) return { status: 'unverifiable', reason: 'no ALB listener forwards to a target group in this deployment' };
    const paths = forwarding.map((l) => {
      const rule = l.rules.find((r) => r.actions.some((a) => a.type === 'forward'))!;
      const arn = rule.actions.find((a) => a.type === 'forward')!.targetGroupArn;
      const tg = e.targetGroups.find((t) => t.arn === arn);
      return { listener: `${l.protocol}:${l.port}`, rule: rule.isDefault ? 'default rule' : `rule ${rule.priority}`, targetGroup: tgName(e, arn), targets: tg?.targets.map((t) => `${t.id}:${t.port}`) ?? [] };
    });
    return {
      status: 'observed',
      value: 'listener → rule → target group → registered target',
      summary: `the listener holds no instances: ${paths.map((p) => `${p.listener} → ${p.rule} → forward to target group ${p.targetGroup} → targets ${p.targets.join(', ') || 'none'}`).join('; ')}.`,
      data: paths,
    };
  });

const tgProtocolPort: Observer<TwoTierEvidence> = (e) =>
  safely(() => {
    if (e.targetGroups.length === 0) return { status: 'unverifiable', reason: 'the deployment has no target group' };
    const listeners = e.listeners.map((l) => `${l.protocol}:${l.port}`);
    return {
      status: 'observed',
      value: 'its own protocol and port, used to reach the targets',
      summary: `each target group carries its own protocol and port (${e.targetGroups.map((t) => `${t.name}: ${t.protocol}:${t.port}`).join('; ')}), set when the group was created, beside the listeners' ${listeners.join(', ')}.`,
      data: e.targetGroups.map((t) => ({ name: t.name, protocol: t.protocol, port: t.port })),
    };
  });

const healthCheckScope: Observer<TwoTierEvidence> = (e) =>
  safely(() => {
    if (e.targetGroups.length === 0) return { status: 'unverifiable', reason: 'the deployment has no target group' };
    const describe = (t: TwoTierEvidence['targetGroups'][number]) => {
      const h = t.healthCheck;
      return `${t.name}: ${h.protocol}${h.path ? ` ${h.path}` : ''} every ${h.intervalSeconds} s, timeout ${h.timeoutSeconds} s, ${h.healthyThreshold}/${h.unhealthyThreshold}${h.matcher ? `, codes ${h.matcher}` : ''}`;
    };
    const distinct = new Set(e.targetGroups.map((t) => JSON.stringify(t.healthCheck))).size;
    return {
      status: 'observed',
      value: 'per target group',
      summary: `DescribeTargetGroups returns health-check settings inside each target group${distinct > 1 ? `, and the ${e.targetGroups.length} groups here have ${distinct} different ones` : ''} (${e.targetGroups.map(describe).join('; ')}); listeners carry none.`,
      data: e.targetGroups.map((t) => ({ name: t.name, healthCheck: t.healthCheck })),
    };
  });

const targetsRegistered: Observer<TwoTierEvidence> = (e) =>
  safely(() => {
    const tg = albTargetGroup(e);
    const registered = e.instances.filter((i) => tg.targets.some((t) => t.id === i.id));
    return {
      status: 'observed',
      value: registered.length > 0 ? 'with a target group' : 'directly with the load balancer or listener',
      summary: `DescribeTargetHealth on target group ${tg.name} lists the backend instances as its registered targets (${tg.targets.map((t) => `${t.id}:${t.port} ${t.state}`).join(', ')}); the load balancer itself lists none.`,
      data: tg.targets,
    };
  });

/** The probe cannot decide which types an ALB can use: say what it saw and why that is not the answer. */
const targetTypes: Observer<TwoTierEvidence> = (e) => {
  const probe = e.targetTypeProbe ?? [];
  if (probe.length === 0) return { status: 'unverifiable', reason: 'the target-type probe did not run' };
  const accepted = probe.filter((p) => p.accepted).map((p) => `${p.targetType}${p.protocol !== '-' ? `/${p.protocol}` : ''}`);
  let deployed = '';
  try {
    deployed = ` The deployed ALB forwards to a target group of type ${albTargetGroup(e).targetType}.`;
  } catch {
    /* no ALB target group in this evidence */
  }
  return {
    status: 'unverifiable',
    reason: `${e.target === 'aws' ? 'AWS' : e.target} accepted CreateTargetGroup for ${accepted.join(', ') || 'no type'}, but a target group is created before any load balancer uses it (an alb-type group is an NLB's), so the probe cannot show which types an ALB can forward to.${deployed}`,
  };
};

/** The ALB's subnets show where its nodes run, not the minimum; the emulator may not enforce the two-zone rule. */
const nodePerAz: Observer<TwoTierEvidence> = (e) =>
  safely(() => {
    const lb = alb(e);
    return {
      status: 'unverifiable',
      reason: `DescribeLoadBalancers shows the ALB ${lb.name} enabled in ${lb.availabilityZones.map((z) => `${z.zone} (${z.subnetId})`).join(' and ')}, but the API does not list the nodes themselves.`,
    };
  });

/** The deployment shows which listeners exist, not which protocols an ALB refuses: context, not the answer. */
const listenerProtocols: Observer<TwoTierEvidence> = (e) =>
  safely(() => {
    const mine = albListeners(e).map((l) => `${l.protocol}:${l.port}`);
    const others = e.listeners.filter((l) => !albListeners(e).includes(l)).map((l) => `${l.protocol}:${l.port}`);
    return {
      status: 'unverifiable',
      reason: `the deployed ALB has listeners ${mine.join(', ') || 'none'}${others.length ? ` and the other load balancer beside it ${others.join(', ')}` : ''}; a deployment shows the listeners it made, not the protocols an ALB would refuse.`,
    };
  });

/** Where the ALB runs, not the minimum AWS enforces (an emulator may accept a single zone). */
const minAzs: Observer<TwoTierEvidence> = (e) =>
  safely(() => {
    const lb = alb(e);
    return {
      status: 'unverifiable',
      reason: `the deployed ALB ${lb.name} is enabled in ${lb.availabilityZones.length} zones (${lb.availabilityZones.map((z) => z.zone).join(', ')}), which shows where it runs, not the minimum AWS enforces${e.target === 'aws' ? '' : ` (${e.target} may accept what AWS refuses)`}.`,
    };
  });

export const componentObservers: Partial<Record<string, Observer<TwoTierEvidence>>> = {
  'alb.default-rule-conditions': defaultRuleConditions,
  'alb.listener-default-rule': listenerDefaultRule,
  'alb.request-path': requestPath,
  'alb.tg-protocol-port': tgProtocolPort,
  'alb.health-check-scope': healthCheckScope,
  'alb.targets-registered': targetsRegistered,
  'alb.target-types': targetTypes,
  'alb.node-per-az': nodePerAz,
  'alb.listener-protocols': listenerProtocols,
  'alb.min-azs': minAzs,
};
