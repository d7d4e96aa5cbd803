import { judgeAnswer, type ExpectedFact, type StatementRule } from '../../src/model/judge-answer.ts';
import type { TwoTierEvidence } from './evidence.ts';
import { alb, albListeners, albTargetGroup, describeHealthCheck, targetStates } from './graph.ts';
import { emulatorNote, ev, outcome } from './outcome.ts';
import { src } from './sources.ts';

function listenerGraph(e: TwoTierEvidence) {
  return ev('elbv2', albListeners(e).map((l) => `${l.protocol}:${l.port} → ${l.defaultActions.map((a) => (a.targetGroupArn ? `forward ${e.targetGroups.find((t) => t.arn === a.targetGroupArn)?.name}` : a.type)).join(', ')} (${l.rules.length} rule${l.rules.length === 1 ? '' : 's'}, default ${l.rules.some((r) => r.isDefault) ? 'present' : 'missing'})`).join('; '));
}

const rules: StatementRule<TwoTierEvidence>[] = [
  {
    id: 'listener-protocols',
    about: /listener is configured with a protocol|protocol \(HTTP, HTTPS, TCP/i,
    judge: (_s, e) => {
      const nlbTcp = e.listeners.filter((l) => l.protocol === 'TCP');
      return outcome(
        'imprecise',
        'Listeners do have a protocol, a port and rules — but an Application Load Balancer\'s listeners are HTTP or HTTPS only; TCP, TLS and UDP listeners belong to Network Load Balancers (this deployment has one beside the ALB).',
        [listenerGraph(e), ev('elbv2', `NLB listeners: ${nlbTcp.map((l) => `${l.protocol}:${l.port}`).join(', ') || 'none'}`)],
        [src.listeners],
      );
    },
  },
  {
    id: 'listener-routes',
    about: /^(?![\s\S]*configured with a protocol)[\s\S]*(listen(s|er)\b[\s\S]*(direct|route|forward)|rules defined in the listener)/i,
    judge: (_s, e) => {
      const tg = albTargetGroup(e);
      return outcome('confirmed', `Yes: each listener checks for connections on its protocol and port, and its rules (at least the default rule) decide which target group gets the request — here HTTPS forwards to ${tg.name} and HTTP redirects to HTTPS.`, [listenerGraph(e)], [src.listeners]);
    },
  },
  {
    id: 'target-group-protocol',
    about: /target group is associated with a specific protocol|target group[\s\S]*protocol and port/i,
    judge: (_s, e) => {
      const tg = albTargetGroup(e);
      return outcome('confirmed', `Yes: a target group has one protocol and port used to reach its targets (here ${tg.protocol}:${tg.port}), and its own health-check settings.`, [ev('elbv2', `${tg.name}: ${tg.protocol}:${tg.port}, target type ${tg.targetType}`)], [src.targetGroups]);
    },
  },
  {
    id: 'target-group-grouping',
    about: /target group is a logical grouping/i,
    judge: (_s, e) => {
      const tg = albTargetGroup(e);
      return outcome('imprecise', `A target group is a set of targets (here ${tg.targets.length}) — but it is not tied to one listener: several listeners or rules, even of different load balancers, can forward to the same target group.`, [ev('elbv2', `${tg.name} targets: ${targetStates(tg)}; used by load balancers: ${tg.loadBalancerArns.length}`)], [src.targetGroups]);
    },
  },
  {
    id: 'target-registered',
    about: /target is an instance|registered with/i,
    judge: (_s, e) => {
      const tg = albTargetGroup(e);
      const all = e.instances.every((i) => tg.targets.some((t) => t.id === i.id));
      return all
        ? outcome('confirmed', `Yes: targets are registered with a target group — here both EC2 instances (target type ${tg.targetType}); the same target may be registered in several groups.`, [ev('elbv2', targetStates(tg))], [src.targetGroups])
        : outcome('contradicted', 'Not every backend instance is registered with the target group.', [ev('elbv2', targetStates(tg))], [src.targetGroups]);
    },
  },
  {
    id: 'target-types',
    about: /targets can be|lambda functions|IP addresses/i,
    judge: (_s, e) => {
      const accepted = e.targetTypeProbe.filter((p) => p.accepted).map((p) => p.targetType);
      const refused = e.targetTypeProbe.filter((p) => !p.accepted).map((p) => `${p.targetType} (${p.error})`);
      const core = ['instance', 'ip', 'lambda'].every((t) => accepted.includes(t));
      return core
        ? outcome('confirmed', `Yes: an ALB's target groups take instances, IP addresses (how containers on awsvpc networking register) or one Lambda function; "alb" targets exist only for NLB target groups. The endpoint accepted: ${accepted.join(', ')}.`, [ev('elbv2', `CreateTargetGroup accepted: ${accepted.join(', ')}; refused: ${refused.join('; ') || 'none'}`, e.targetTypeProbe)], [src.targetGroups])
        : outcome('unverifiable', `The endpoint refused some target types (${refused.join('; ')}), so it cannot confirm the list; AWS documents instance, ip and lambda for ALB target groups.`, [ev('elbv2', `accepted: ${accepted.join(', ')}`, e.targetTypeProbe)], [src.targetGroups]);
    },
  },
  {
    id: 'distributes-healthy',
    about: /distributes incoming traffic|across all healthy targets/i,
    judge: (_s, e) => {
      const tg = albTargetGroup(e);
      const algorithm = tg.attributes['load_balancing.algorithm.type'] ?? 'round_robin';
      return outcome('confirmed', `Yes: requests are spread over the healthy targets (algorithm ${algorithm}); if none is healthy the ALB fails open and uses all of them.${emulatorNote(e.target)}`, [ev('elbv2', `${tg.name}: algorithm ${algorithm}; ${targetStates(tg)}`)], [src.targetGroups, src.healthChecks]);
    },
  },
  {
    id: 'nodes',
    about: /\bnodes?\b/i,
    judge: (_s, e) => {
      const lb = alb(e);
      return outcome(
        lb.availabilityZones.length >= 2 ? 'confirmed' : 'contradicted',
        `Yes: an ALB is enabled in at least two Availability Zones and Elastic Load Balancing runs load balancer nodes in each enabled zone (here ${lb.availabilityZones.length}: ${lb.availabilityZones.map((z) => z.zone).join(', ')}); clients reach the nodes through the load balancer's DNS name. The node count itself is managed by AWS and not visible in the API.`,
        [ev('elbv2', `${lb.name}: ${lb.scheme}, zones ${lb.availabilityZones.map((z) => `${z.zone}/${z.subnetId}`).join(', ')}, DNS ${lb.dnsName}`)],
        [src.howElbWorks],
      );
    },
  },
  {
    id: 'health-checks-component',
    about: /health checks? (are|is) used|health check mechanism periodically/i,
    judge: (_s, e) => outcome('confirmed', `Yes: health checks belong to the target group (here ${describeHealthCheck(albTargetGroup(e))}).`, [ev('elbv2', targetStates(albTargetGroup(e)))], [src.healthChecks]),
  },
];

const facts: ExpectedFact<TwoTierEvidence>[] = [
  {
    id: 'rule-priorities',
    fact: 'Listener rules have priorities and conditions (path, host header, …) evaluated in order, ending in the default rule.',
    mentionedBy: /priorit|condition|path|host header/i,
    explain: (e) => ({ explanation: 'Rules are what make an ALB an application-layer (layer 7) router: the first rule whose conditions match decides the action.', evidence: [listenerGraph(e)], sources: [src.listeners] }),
  },
  {
    id: 'subnets-azs',
    fact: 'The load balancer is placed in subnets of at least two Availability Zones; its nodes live there.',
    mentionedBy: /availability zone|\bAZs?\b|subnet/i,
    explain: (e) => ({ explanation: 'Choosing the subnets is part of creating an ALB; it decides where its nodes run.', evidence: [ev('elbv2', alb(e).availabilityZones.map((z) => `${z.zone}/${z.subnetId}`).join(', '))], sources: [src.albOverview] }),
  },
];

export function judgeComponents(statements: readonly string[], evidence: TwoTierEvidence) {
  return judgeAnswer(statements, evidence, rules, facts);
}
