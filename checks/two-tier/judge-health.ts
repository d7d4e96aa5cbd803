import { judgeAnswer, type ExpectedFact, type StatementRule } from '../../src/model/judge-answer.ts';
import type { TwoTierEvidence } from './evidence.ts';
import { albTargetGroup, describeHealthCheck, targetStates } from './graph.ts';
import { emulatorNote, ev, outcome } from './outcome.ts';
import { src } from './sources.ts';

function settings(e: TwoTierEvidence) {
  const tg = albTargetGroup(e);
  return { tg, evidence: [ev('elbv2', `target group ${tg.name} health check: ${describeHealthCheck(tg)}`), ev('elbv2', `target health as reported: ${targetStates(tg)}`)] };
}

const rules: StatementRule<TwoTierEvidence>[] = [
  {
    id: 'health-check-mechanism',
    about: /^(?![\s\S]*periodically)[\s\S]*(health check (mechanism|to determine)|uses (a )?health checks?)/i,
    judge: (_s, e) => {
      const { tg, evidence } = settings(e);
      return tg.healthCheck.enabled
        ? outcome('confirmed', `Yes: health checks are a setting of the target group (enabled here), and the ALB reports each registered target's health state from them.${emulatorNote(e.target)}`, evidence, [src.healthChecks])
        : outcome('contradicted', 'Health checks are disabled on the target group.', evidence, [src.healthChecks]);
    },
  },
  {
    id: 'periodic-requests',
    about: /periodically|regular intervals|sends? (health check )?requests/i,
    judge: (_s, e) => {
      const { tg, evidence } = settings(e);
      return outcome('confirmed', `Yes: the ALB sends a health check to every registered target every HealthCheckIntervalSeconds (here ${tg.healthCheck.intervalSeconds} s, each with a ${tg.healthCheck.timeoutSeconds} s timeout) — from each load balancer node.${emulatorNote(e.target)}`, evidence, [src.healthChecks]);
    },
  },
  {
    id: 'unhealthy-until-passes',
    about: /marked (as )?unhealthy|fails the health check|until it passes/i,
    judge: (_s, e) => {
      const { tg, evidence } = settings(e);
      return outcome(
        'imprecise',
        `One failed check does not mark a target unhealthy: it takes ${tg.healthCheck.unhealthyThreshold} consecutive failures (UnhealthyThresholdCount), and ${tg.healthCheck.healthyThreshold} consecutive successes (HealthyThresholdCount) to return. And "not routed to" has an exception: when every target is unhealthy, the ALB fails open and routes to all of them.${emulatorNote(e.target)}`,
        evidence,
        [src.healthChecks],
      );
    },
  },
  {
    id: 'customisable',
    about: /customi[sz]ed|configur(ed|able)|protocol, port/i,
    judge: (_s, e) => {
      const { tg, evidence } = settings(e);
      return outcome('confirmed', `Yes: protocol (${tg.healthCheck.protocol}), port (${tg.healthCheck.port}), path (${tg.healthCheck.path}), interval, timeout, both thresholds and the success codes (${tg.healthCheck.matcher}) are all settings of the target group, read back here from the API.`, evidence, [src.healthChecks]);
    },
  },
];

const facts: ExpectedFact<TwoTierEvidence>[] = [
  {
    id: 'thresholds',
    fact: 'Healthy and unhealthy thresholds: a target changes state only after that many consecutive passed or failed checks.',
    mentionedBy: /threshold|consecutive/i,
    explain: (e) => ({ explanation: 'Thresholds damp flapping: one slow answer does not take a target out of service.', evidence: settings(e).evidence, sources: [src.healthChecks] }),
  },
  {
    id: 'success-codes',
    fact: 'What counts as a pass: an answer within the timeout with one of the matcher\'s HTTP codes (here 200).',
    mentionedBy: /status code|matcher|success code|\b200\b|timeout/i,
    explain: (e) => ({ explanation: 'A health check passes only when the target answers within HealthCheckTimeoutSeconds with a code the matcher accepts.', evidence: settings(e).evidence, sources: [src.healthChecks] }),
  },
  {
    id: 'fail-open',
    fact: 'When all targets are unhealthy, the ALB routes requests to all of them (fail open) rather than to none.',
    mentionedBy: /fail[ -]?open|all (the )?targets (are )?unhealthy|all .*unhealthy/i,
    explain: () => ({ explanation: 'Documented ALB behaviour: "If there are no enabled Availability Zones with a healthy target, the load balancer routes requests to all registered targets."', evidence: [ev('documentation', 'AWS: target group health checks — fail-open when no target is healthy')], sources: [src.healthChecks] }),
  },
];

export function judgeHealthChecks(statements: readonly string[], evidence: TwoTierEvidence) {
  return judgeAnswer(statements, evidence, rules, facts);
}
