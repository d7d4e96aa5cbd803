/**
 * Judges the answer to "Proxy Load Balancer, PassThru Load Balancer, reverse proxy". Each sentence is judged for
 * the component it is about (see statement-components.ts); the outcomes are handed to judgeAnswer as one rule
 * that matches exactly the statements carrying them, so the learner's words stay verbatim and the rest is unjudged.
 */
import { judgeAnswer, type AnswerJudgement, type ExpectedFact, type RuleOutcome, type StatementRule } from '../../src/model/judge-answer.ts';
import type { DataPlaneEvidence, LbModesEvidence } from './evidence.ts';
import { attributeSentences, type Component } from './statement-components.ts';
import * as dp from './aspects-data-plane.ts';
import { awsListenerProtocols } from './aspect-aws-listeners.ts';
import { notCollectedOutcome } from './expect.ts';
import { SOURCES } from './sources.ts';

interface Aspect {
  id: string;
  components: Component[];
  about: RegExp;
  /** Aspect label used when the local experiment could not run. */
  label: string;
  judge(e: LbModesEvidence): RuleOutcome;
}

const onDataPlane = (label: string, f: (d: DataPlaneEvidence) => RuleOutcome) => (e: LbModesEvidence): RuleOutcome =>
  e.dataPlane.collected ? f(e.dataPlane) : notCollectedOutcome(label, e.dataPlane.reason, [SOURCES.haproxyMode]);

function aspect(id: string, components: Component[], about: RegExp, label: string, f: (d: DataPlaneEvidence) => RuleOutcome): Aspect {
  return { id, components, about, label, judge: onDataPlane(label, f) };
}

export const Q5_ASPECTS: Aspect[] = [
  aspect('proxy-between', ['proxy'], /sits? between/i, 'the load balancer is the endpoint of both connections', dp.proxySitsBetween),
  aspect('proxy-rules', ['proxy'], /rules|forwards? (them|requests)/i, 'forwarding by rules', dp.proxyRoutesByRules),
  aspect('proxy-hides', ['proxy'], /not directly accessible|directly reachable/i, 'backends need not be reachable by clients', dp.proxyHidesBackends),
  aspect('spread', ['proxy', 'reverseProxy'], /distribute[sd]? (the )?traffic|evenly|overloaded/i, 'spreading the load', dp.spreadsRequests),
  aspect('pt-forwards', ['passThrough'], /pass(es)? (requests )?through|without modifying/i, 'what "passes through" means', dp.passThroughForwardsBytes),
  { id: 'pt-aws', components: ['passThrough'], about: /pass(es)? (requests )?through|without modifying/i, label: 'AWS listener protocols', judge: awsListenerProtocols },
  aspect('pt-layer', ['passThrough'], /lower level|application layer|already (load )?balanced/i, '"already load balanced at a lower level"', dp.passThroughLayer),
  aspect('pt-overhead', ['passThrough'], /overhead|complexity/i, '"without adding any additional overhead"', dp.passThroughOverhead),
  aspect('rp-gateway', ['reverseProxy'], /type of proxy server|sits? between/i, 'a proxy on the server side', dp.reverseProxyIsGateway),
  aspect('rp-cache', ['reverseProxy'], /cach/i, 'content caching', dp.reverseProxyCaches),
  aspect('rp-tls', ['reverseProxy'], /(ssl|tls) termination|terminat\w* (ssl|tls)/i, 'SSL/TLS termination', dp.reverseProxyTerminatesTls),
  aspect('rp-security', ['reverseProxy'], /security/i, 'security duties', dp.reverseProxyRewritesHeaders),
];

export const Q5_FACTS: ExpectedFact<LbModesEvidence>[] = [
  {
    id: 'layers',
    fact: 'A proxy load balancer works at layer 7 (it ends the TCP/TLS connection and reads the HTTP request); a pass-through load balancer works at layer 4 (it forwards the TCP connection; TLS stays end to end).',
    mentionedBy: /layer\s*[47]\b|\bL[47]\b|transport layer|OSI/i,
    explain: (e) => ({
      explanation:
        'This is the distinction the question is after, and the answer does not name it. ' +
        (e.dataPlane.collected
          ? `In this lab the same HAProxy, switched from \`mode http\` to \`mode tcp\`, stopped showing its own certificate (client saw CN=${/CN=([^,]+)/.exec(e.dataPlane.certificates.api.subject)?.[1]} instead of CN=${/CN=([^,]+)/.exec(e.dataPlane.certificates.lb.subject)?.[1]}), stopped adding X-Forwarded-For and could no longer route by path, only by SNI.`
          : `(Local experiment not run: ${e.dataPlane.reason}.)`) +
        ' On AWS: an Application Load Balancer is the layer-7 proxy, a Network Load Balancer with a TCP listener is the layer-4 pass-through.',
      evidence: e.dataPlane.collected
        ? [{ kind: 'haproxy-modes', summary: `http mode: client saw the LB certificate; tcp mode: client saw the backend certificate`, data: { proxy: e.dataPlane.proxy.probes[0], passThrough: e.dataPlane.passThrough.probes[0] } }]
        : [{ kind: 'not-collected', summary: e.dataPlane.reason }],
      sources: [SOURCES.haproxyMode, SOURCES.rfc1122Layers, SOURCES.albListeners, SOURCES.nlbListeners],
    }),
  },
];

/** Exactly these statements, nothing else: lets precomputed per-statement outcomes ride on judgeAnswer. */
function exactly(texts: string[]): RegExp {
  if (texts.length === 0) return /(?!)/;
  return new RegExp(`^(?:${texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
}

export function judgeComponentsAnswer(statements: readonly string[], evidence: LbModesEvidence): AnswerJudgement {
  const byStatement = new Map<string, RuleOutcome[]>();
  const seen = new Map<string, Set<string>>();
  for (const s of attributeSentences(statements)) {
    if (!s.component) continue;
    const text = statements[s.statementIndex]!;
    for (const a of Q5_ASPECTS) {
      if (!a.components.includes(s.component) || !a.about.test(s.sentence)) continue;
      const done = seen.get(text) ?? new Set<string>();
      if (done.has(a.id)) continue;
      done.add(a.id);
      seen.set(text, done);
      const outcomes = byStatement.get(text) ?? [];
      outcomes.push(safely(a, evidence));
      byStatement.set(text, outcomes);
    }
  }
  const rule: StatementRule<LbModesEvidence> = {
    id: 'lb-modes/components',
    about: exactly([...byStatement.keys()]),
    judge: (statement) => byStatement.get(statement) ?? [],
  };
  return judgeAnswer(statements, evidence, [rule], Q5_FACTS);
}

/** One broken aspect must not take the others down: it becomes an `error` outcome naming itself. */
function safely(a: Aspect, evidence: LbModesEvidence): RuleOutcome {
  try {
    return a.judge(evidence);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      aspect: a.label,
      verdict: 'error',
      explanation: `The harness could not judge this (aspect ${a.id} failed: ${message}). This is a bug or missing evidence, not a verdict on your answer.`,
      evidence: [],
      sources: [],
      failures: [{ path: `aspect ${a.id}`, message }],
    };
  }
}
