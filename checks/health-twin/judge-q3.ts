/**
 * Judges the behaviour part of "How does the ALB determine which are the healthy backend servers". Every verdict
 * that rests on the twin says so; AWS's own behaviour is cited from its documentation, never claimed as observed.
 */
import { judgeAnswer, type AnswerJudgement, type ExpectedFact, type RuleOutcome, type StatementRule } from '../../src/model/judge-answer.ts';
import type { EvidenceItem, Source } from '../../src/model/types.ts';
import type { HealthTwinEvidence, TransitionTiming, TwinEvidence } from './evidence.ts';

export const TWIN_NOTE = "Observed on an HAProxy twin configured from the target group's settings, not on an ALB";
/** Loopback scheduling and the 20 ms stats polling add a little to every measured transition. */
const SLACK_MS = 150;

const S = {
  awsHealth: { title: 'AWS: Health checks for Application Load Balancer target groups', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html' },
  haproxyCheck: { title: 'HAProxy 2.6 Configuration Manual: server check, inter, rise, fall', url: 'https://docs.haproxy.org/2.6/configuration.html#5.2-check' },
  haproxyExpect: { title: 'HAProxy 2.6 Configuration Manual: http-check expect', url: 'https://docs.haproxy.org/2.6/configuration.html#4.2-http-check%20expect' },
  rfc8446: { title: 'RFC 8446 TLS 1.3 §5 Record Protocol', url: 'https://www.rfc-editor.org/rfc/rfc8446#section-5' },
} satisfies Record<string, Source>;

type Judge = (e: TwinEvidence) => RuleOutcome;

function settingsLine(e: TwinEvidence): string {
  const t = e.settings.targetGroup;
  return `target group: ${t.protocol} ${t.path} on the ${t.port}, matcher ${t.matcher}, every ${t.intervalSeconds} s, timeout ${t.timeoutSeconds} s, unhealthy after ${t.unhealthyThreshold}, healthy after ${t.healthyThreshold}; twin: everything ${e.settings.timeScaleFactor}× faster (interval ${e.settings.intervalMs} ms)`;
}

function settingsItem(e: TwinEvidence): EvidenceItem {
  return { kind: 'twin-settings', summary: settingsLine(e), data: e.settings };
}

function transitionItem(kind: string, t: TransitionTiming, what: string): EvidenceItem {
  return {
    kind,
    summary: `${what}: ${t.stateChangeMs ?? 'never'} ms on the twin (thresholds predict ${t.expectedWindowMs.min}–${t.expectedWindowMs.max} ms), ≈ ${t.scaledBackSeconds ?? '?'} s at the target group's real interval`,
    data: t,
  };
}

function inWindow(t: TransitionTiming): boolean {
  return t.stateChangeMs !== null && t.stateChangeMs >= t.expectedWindowMs.min - SLACK_MS && t.stateChangeMs <= t.expectedWindowMs.max + SLACK_MS;
}

/** An observation the verdict needs did not happen as expected: the twin decides nothing then. */
function unlessTwinMisbehaved(checks: [boolean, string][], outcome: RuleOutcome): RuleOutcome {
  const failed = checks.filter(([ok]) => !ok);
  if (failed.length === 0) return outcome;
  return {
    ...outcome,
    verdict: 'unverifiable',
    explanation: `The twin did not behave as its settings predict (${failed.map(([, m]) => m).join('; ')}), so it decides nothing here. ${TWIN_NOTE}.`,
    failures: failed.map(([, m]) => ({ path: 'health-twin', message: m })),
  };
}

const usesHealthChecks: Judge = (e) => unlessTwinMisbehaved(
  [[e.becomingUnhealthy.requestsAfterStateChange === 0, 'a target marked down still received requests']],
  {
    verdict: 'confirmed',
    explanation:
      'Right: each target group runs health checks against every registered target and the load balancer only routes to targets that pass them. ' +
      `${TWIN_NOTE}: once HAProxy marked the failing target down, none of the client requests that kept flowing reached it (${e.becomingUnhealthy.requestsAfterStateChange} after the state change).`,
    evidence: [settingsItem(e), transitionItem('twin-becoming-unhealthy', e.becomingUnhealthy, 'marked unhealthy after /healthz began answering 503')],
    sources: [S.awsHealth, S.haproxyCheck],
  },
);

const periodicChecks: Judge = (e) => {
  const m = e.measuredCheckIntervalMs;
  const leg = e.backendLeg;
  const tlsOnly = leg.captured && leg.nonTlsPayloadSegments === 0 && !leg.plaintextHttpFound && leg.payloadSegments > 0;
  return unlessTwinMisbehaved(
    [[m.samples > 2 && Math.abs(m.mean - e.settings.intervalMs) <= e.settings.intervalMs * 0.2, `measured check interval ${m.mean} ms, configured ${e.settings.intervalMs} ms`]],
    {
      verdict: 'confirmed',
      explanation:
        `Right, and "responding correctly" means precisely: a ${e.settings.targetGroup.protocol} GET ${e.settings.targetGroup.path} that answers within the ${e.settings.targetGroup.timeoutSeconds} s timeout with a status the matcher accepts (${e.settings.targetGroup.matcher}). ` +
        `${TWIN_NOTE}: a backend received a health check every ${m.mean} ms on average (${m.samples} gaps; configured ${e.settings.intervalMs} ms = ${e.settings.targetGroup.intervalSeconds} s ÷ ${e.settings.timeScaleFactor}). ` +
        (leg.captured
          ? `The checks and the traffic to the targets went over TLS: a capture of the load balancer → target leg held ${leg.payloadSegments} payload segments, ${leg.tlsPayloadSegments} of them TLS records and ${leg.nonTlsPayloadSegments} anything else, with no plaintext HTTP in the bytes${tlsOnly ? '' : ' (see the evidence: not TLS only!)'}; the targets' self-signed certificates were accepted, as an ALB does not verify target certificates.`
          : `(Capture of the load balancer → target leg not taken: ${leg.reason}.)`),
      evidence: [
        { kind: 'twin-check-interval', summary: `mean ${m.mean} ms over ${m.samples} gaps`, data: m },
        leg.captured
          ? { kind: 'backend-leg-capture', summary: `${leg.filter}: ${leg.tlsPayloadSegments}/${leg.payloadSegments} payload segments are TLS, records ${JSON.stringify(leg.recordContentTypes)}, plaintext HTTP ${leg.plaintextHttpFound ? 'FOUND' : 'absent'}`, data: leg }
          : { kind: 'backend-leg-capture', summary: `not captured: ${leg.reason}` },
      ],
      sources: [S.awsHealth, S.haproxyExpect, S.rfc8446],
    },
  );
};

const markedUnhealthyUntilPasses: Judge = (e) => {
  const d = e.becomingUnhealthy;
  const u = e.becomingHealthy;
  const t = e.settings.targetGroup;
  return unlessTwinMisbehaved(
    [
      [inWindow(d), `marked down after ${d.stateChangeMs} ms, outside ${d.expectedWindowMs.min}–${d.expectedWindowMs.max} ms`],
      [inWindow(u), `marked up after ${u.stateChangeMs} ms, outside ${u.expectedWindowMs.min}–${u.expectedWindowMs.max} ms`],
    ],
    {
      aspect: 'one failed check vs. thresholds',
      verdict: 'imprecise',
      explanation:
        `Mostly right, but not after "a" failed check: a target becomes unhealthy after ${t.unhealthyThreshold} consecutive failures (UnhealthyThresholdCount) and healthy again only after ${t.healthyThreshold} consecutive successes (HealthyThresholdCount). ` +
        `${TWIN_NOTE}: the failing target was marked down ${d.stateChangeMs} ms after it started failing and served its last request at ${d.trafficMs ?? '–'} ms; after recovering it was marked up at ${u.stateChangeMs} ms and served again at ${u.trafficMs ?? '–'} ms. ` +
        `That matches thresholds × interval (${d.expectedWindowMs.min}–${d.expectedWindowMs.max} ms and ${u.expectedWindowMs.min}–${u.expectedWindowMs.max} ms); at the real ${t.intervalSeconds} s interval the same settings predict about ${d.scaledBackSeconds} s and ${u.scaledBackSeconds} s. ` +
        'Also, "not routed to it" has an exception: when every target is unhealthy an ALB routes to all of them (fail-open).',
      evidence: [
        settingsItem(e),
        transitionItem('twin-becoming-unhealthy', d, 'marked unhealthy'),
        transitionItem('twin-becoming-healthy', u, 'marked healthy again'),
        { kind: 'haproxy-log', summary: e.haproxyLog.slice(0, 2).join(' | '), data: e.haproxyLog },
      ],
      sources: [S.awsHealth, S.haproxyCheck],
    },
  );
};

const customizable: Judge = (e) => ({
  verdict: 'confirmed',
  explanation:
    `Right, and more than protocol, port and path can be set: ${settingsLine(e).split(';')[0]}. ` +
    'The twin was generated from exactly these deployed settings (stacks/settings.ts), so changing them changes both. Interval, timeout, both thresholds and the success codes are what decide how fast a failing target is taken out.',
  // Rests on the deployed settings, not on anything the twin did.
  evidence: [{ kind: 'target-group-settings', summary: settingsLine(e).split(';')[0]!, data: e.settings.targetGroup }],
  sources: [S.awsHealth],
});

function onTwin(f: Judge) {
  return (_: string, e: HealthTwinEvidence): RuleOutcome =>
    e.collected
      ? f(e)
      : {
          verdict: 'unverifiable',
          explanation: `Not checked: ${e.reason}. This verdict needs the local HAProxy twin of the target group's health checks.`,
          evidence: [{ kind: 'not-collected', summary: e.reason }],
          sources: [S.awsHealth],
        };
}

export const Q3_RULES: StatementRule<HealthTwinEvidence>[] = [
  { id: 'uses-health-checks', about: /health[\s-]?check[^.]*determine|determine[^.]*health/i, judge: onTwin(usesHealthChecks) },
  { id: 'periodic-checks', about: /periodic|regular interval|every \d+/i, judge: onTwin(periodicChecks) },
  { id: 'marked-unhealthy', about: /marked (as )?unhealthy|not (be )?routed|fails? the health check/i, judge: onTwin(markedUnhealthyUntilPasses) },
  { id: 'customizable', about: /health[\s-]?check[^.]*(custom|configur)|(custom|configur)[^.]*health/i, judge: onTwin(customizable) },
];

export const Q3_FACTS: ExpectedFact<HealthTwinEvidence>[] = [
  {
    id: 'thresholds',
    fact: 'A target changes state only after a number of consecutive checks: UnhealthyThresholdCount failures, HealthyThresholdCount successes.',
    mentionedBy: /threshold|consecutive|several (checks|times)|number of (checks|failures)/i,
    explain: (e) => ({
      explanation: e.collected
        ? `${TWIN_NOTE}: with unhealthy ${e.settings.fall} / healthy ${e.settings.rise} and a ${e.settings.intervalMs} ms interval, down took ${e.becomingUnhealthy.stateChangeMs} ms and up ${e.becomingHealthy.stateChangeMs} ms, so taking a target out is never instant: plan for up to threshold × interval (+ timeout).`
        : `Documented by AWS (health-check settings). The twin experiment did not run: ${e.reason}.`,
      evidence: e.collected ? [transitionItem('twin-becoming-unhealthy', e.becomingUnhealthy, 'marked unhealthy'), transitionItem('twin-becoming-healthy', e.becomingHealthy, 'marked healthy')] : [{ kind: 'not-collected', summary: e.reason }],
      sources: [S.awsHealth, S.haproxyCheck],
    }),
  },
  {
    id: 'fail-open',
    fact: 'When every target in a target group is unhealthy, an ALB routes requests to all of them anyway (fails open).',
    mentionedBy: /fail[\s-]?open|all (the )?(registered )?(targets|servers|backends)[^.]*unhealthy/i,
    explain: (e) => ({
      explanation:
        'AWS documents this: "If a target group contains only unhealthy registered targets, the load balancer routes requests to all those targets, regardless of their health status." This is documentation, not something observed here. ' +
        (e.collected
          ? `The twin behaves differently, which is why it is worth knowing: with both targets down (${e.allUnhealthy.stateSeen.join(', ')}) HAProxy answered ${e.allUnhealthy.responses.map((r) => r.status ?? r.error).join(', ')} itself and ${e.allUnhealthy.requestsReachingTargets} request(s) reached a target (HAProxy's log: "${e.haproxyLog.find((l) => /no server available/.test(l)) ?? 'no server available'}"). ${TWIN_NOTE}.`
          : `(Twin not run: ${e.reason}.)`),
      evidence: e.collected
        ? [{ kind: 'twin-all-unhealthy', summary: `responses ${e.allUnhealthy.responses.map((r) => r.status ?? r.error).join(', ')}, ${e.allUnhealthy.requestsReachingTargets} reached a target`, data: e.allUnhealthy }]
        : [{ kind: 'not-collected', summary: e.reason }],
      sources: [S.awsHealth, S.haproxyCheck],
    }),
  },
];

export function judgeHealthAnswer(statements: readonly string[], evidence: HealthTwinEvidence): AnswerJudgement {
  return judgeAnswer(statements, evidence, Q3_RULES, Q3_FACTS);
}
