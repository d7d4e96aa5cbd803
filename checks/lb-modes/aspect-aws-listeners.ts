/**
 * What the ELBv2 API said about listener protocols. A refusal is only evidence when it names the protocol; an
 * emulator that accepts a TCP listener on an ALB does not enforce AWS's rule, so nothing is confirmed from it.
 */
import type { RuleOutcome } from '../../src/model/judge-answer.ts';
import type { ApiEvidence, LbModesEvidence, ListenerAttempt } from './evidence.ts';
import { SOURCES } from './sources.ts';

const ASPECT = 'on AWS: pass-through is a Network Load Balancer TCP listener; an ALB only takes HTTP/HTTPS';
const SOURCES_USED = [SOURCES.albListeners, SOURCES.nlbListeners, SOURCES.nlbTlsPassThrough];

function describeAttempt(a: ListenerAttempt): string {
  return a.outcome === 'refused'
    ? `CreateListener ${a.protocol}:${a.port} on the ${a.loadBalancer.toUpperCase()}: refused (${a.errorCode}: ${a.errorMessage})`
    : `CreateListener ${a.protocol}:${a.port} on the ${a.loadBalancer.toUpperCase()}: accepted${a.deleted ? ', deleted again' : a.deleted === false ? ', DELETE FAILED' : ''}`;
}

export function awsListenerProtocols(evidence: LbModesEvidence): RuleOutcome {
  const api = evidence.api;
  if (!api.collected) {
    return {
      aspect: ASPECT,
      verdict: 'unverifiable',
      explanation: `${api.reason}. AWS documents that Application Load Balancer listeners take HTTP and HTTPS only, while a Network Load Balancer takes TCP, TLS, UDP and TCP_UDP; run the lab against a target (moto, LocalStack or AWS) to see the API's answer.`,
      evidence: [{ kind: 'not-collected', summary: api.reason }],
      sources: SOURCES_USED,
    };
  }
  const items = attemptsEvidence(api);
  const albAttempts = api.attempts.filter((a) => a.loadBalancer === 'alb');
  const accepted = albAttempts.filter((a) => a.outcome === 'accepted');
  if (accepted.length > 0) {
    return {
      aspect: ASPECT,
      verdict: 'unverifiable',
      explanation:
        `The ${api.target} endpoint accepted ${accepted.map((a) => a.protocol).join(' and ')} listener(s) on an Application Load Balancer (deleted again right away), so this emulator does not enforce the rule and cannot show it. ` +
        'AWS documents that ALB listeners support HTTP and HTTPS only, and that TLS pass-through is a TCP listener on a Network Load Balancer. Run against AWS (--target aws) to see the refusal.',
      evidence: items,
      sources: SOURCES_USED,
    };
  }
  const aboutProtocol = albAttempts.filter((a) => /protocol/i.test(a.errorMessage ?? ''));
  const nlbTakesTcp = api.nlb.listenerProtocols.some((p) => p.startsWith('TCP:')) || api.attempts.some((a) => a.loadBalancer === 'nlb' && a.protocol === 'TCP' && a.outcome === 'accepted');
  if (albAttempts.length === 0 || aboutProtocol.length !== albAttempts.length || !nlbTakesTcp) {
    return {
      aspect: ASPECT,
      verdict: 'unverifiable',
      explanation: `The API answers do not settle it (an ALB refusal that does not name the protocol, or no TCP listener on the NLB); see the evidence. AWS documents that ALB listeners take HTTP and HTTPS only and an NLB takes TCP.`,
      evidence: items,
      sources: SOURCES_USED,
      failures: albAttempts.filter((a) => !aboutProtocol.includes(a)).map((a) => ({ path: `api.attempts[${a.protocol}]`, message: a.errorMessage ?? 'no error message' })),
    };
  }
  const emulated = api.target !== 'aws';
  return {
    aspect: ASPECT,
    verdict: 'confirmed',
    explanation:
      `What you describe is, on AWS, a Network Load Balancer with a TCP listener: ${api.target === 'aws' ? 'AWS' : `the ${api.target} emulator, like AWS documents,`} refused TCP and TLS listeners on the ALB (${aboutProtocol.map((a) => a.errorCode).join(', ')}: "${aboutProtocol[0]!.errorMessage}") ` +
      `while the NLB serves ${api.nlb.listenerProtocols.join(', ')}. An ALB is always a proxy: it terminates the connection.` +
      (emulated ? ' (Emulator answer backed by the AWS documentation linked; on AWS the same call fails the same way.)' : ''),
    evidence: items,
    sources: SOURCES_USED,
  };
}

function attemptsEvidence(api: ApiEvidence) {
  return [
    { kind: 'elbv2-load-balancers', summary: `ALB (${api.alb.type}) listeners ${api.alb.listenerProtocols.join(', ') || 'none'}; NLB (${api.nlb.type}) listeners ${api.nlb.listenerProtocols.join(', ') || 'none'} on ${api.target}`, data: { alb: api.alb, nlb: api.nlb } },
    ...api.attempts.map((a) => ({ kind: 'elbv2-create-listener', summary: describeAttempt(a), data: a })),
  ];
}
