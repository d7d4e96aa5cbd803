import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/parse-journal.ts';
import { matchQuestion } from '../../src/labs/match.ts';
import twoTier from '../../labs/two-tier.ts';
import type { TwoTierEvidence } from '../../checks/two-tier/evidence.ts';
import type { ClaimResult } from '../../src/model/types.ts';
import { deriveQuestionVerdict } from '../../src/model/question-verdict.ts';

// Recorded from a real `lab check two-tier --json` against moto + terraform (not hand-written).
const recorded = JSON.parse(readFileSync('checks/two-tier/reference-evidence.json', 'utf8')) as TwoTierEvidence;
const journal = parseJournal(readFileSync('journals/journal-week.md', 'utf8'), 'journals/journal-week.md');

function judge(questionId: string, evidence: TwoTierEvidence = recorded) {
  const question = journal.questions.find((q) => matchQuestion(`${q.section}\n${q.question}`, [twoTier])[0]?.labQuestion.id === questionId);
  if (!question) throw new Error(`no question in the shipped journal maps to ${questionId}`);
  const labQuestion = twoTier.questions.find((q) => q.id === questionId)!;
  return labQuestion.judge(question.statements.map((s) => s.text), evidence, 'moto');
}

const verdictOf = (claims: ClaimResult[], words: RegExp) => claims.filter((c) => words.test(c.claim)).map((c) => c.verdict);
const clone = (): TwoTierEvidence => structuredClone(recorded);

describe('two-tier judges on recorded moto evidence and the shipped answers', () => {
  it('maps all four questions of the shipped journal by content', () => {
    for (const id of ['remote-state', 'alb-end-to-end-tls', 'alb-healthy-targets', 'alb-components']) expect(() => judge(id)).not.toThrow();
  });

  it('remote state: the answer is confirmed but incomplete', () => {
    const { claims } = judge('remote-state');
    expect(verdictOf(claims, /terraform remote state/)).toEqual(['confirmed']);
    expect(verdictOf(claims, /data source block/)).toEqual(['confirmed']);
    expect(claims.filter((c) => c.verdict === 'missing').map((c) => c.claim).join('\n')).toMatch(/root-module outputs/);
    expect(deriveQuestionVerdict(claims)).toBe('partly-confirmed');
    expect(claims.every((c) => c.sources.length > 0 && c.explanation.length > 0)).toBe(true);
  });

  it('remote state: literal network ids in the app tier contradict the claim', () => {
    const e = clone();
    e.config.literalNetworkIds = ['vpc-0123456789abcdef0'];
    expect(verdictOf(judge('remote-state', e).claims, /terraform remote state/)).toEqual(['contradicted']);
  });

  it('end-to-end TLS: the recipe is mostly confirmed, backend steps imprecise, testing unverifiable on moto', () => {
    const { claims, unjudged } = judge('alb-end-to-end-tls');
    expect(verdictOf(claims, /Certificate Manager/)).toEqual(['confirmed']);
    expect(verdictOf(claims, /HTTPS protocol for incoming/)).toEqual(['confirmed']);
    expect(verdictOf(claims, /Attach the certificate/)).toEqual(['confirmed']);
    expect(verdictOf(claims, /outgoing traffic/)).toEqual(['imprecise']);
    expect(verdictOf(claims, /Install the certificate/)).toEqual(['imprecise']);
    expect(verdictOf(claims, /security group/)).toEqual(['confirmed']);
    expect(verdictOf(claims, /^Test the connection/)).toEqual(['unverifiable']);
    expect(unjudged.join('\n')).toMatch(/Monitor the performance/);
    const confirmed = claims.filter((c) => c.verdict === 'confirmed').length;
    expect(confirmed).toBeGreaterThan(claims.filter((c) => c.verdict === 'contradicted').length + 3);
  });

  it('end-to-end TLS: a backend security group open to the world is contradicted', () => {
    const e = clone();
    e.securityGroups.backend.ingress.push({ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'], sourceGroups: [] });
    expect(verdictOf(judge('alb-end-to-end-tls', e).claims, /security group/)).toEqual(['contradicted']);
  });

  it('end-to-end TLS: an HTTP target group contradicts re-encryption', () => {
    const e = clone();
    const tg = e.targetGroups.find((t) => t.protocol === 'HTTPS')!;
    tg.protocol = 'HTTP';
    expect(verdictOf(judge('alb-end-to-end-tls', e).claims, /outgoing traffic/)).toEqual(['contradicted']);
  });

  it('health checks: thresholds and fail-open reported missing; "marked unhealthy" imprecise', () => {
    const { claims } = judge('alb-healthy-targets');
    expect(verdictOf(claims, /marked as unhealthy/)).toEqual(['imprecise']);
    const missing = claims.filter((c) => c.verdict === 'missing').map((c) => c.claim).join('\n');
    expect(missing).toMatch(/threshold/i);
    expect(missing).toMatch(/fail open/);
    expect(claims.find((c) => /marked as unhealthy/.test(c.claim))!.explanation).toMatch(/2 consecutive failures/);
  });

  it('components: ALB listeners are not TCP; the API graph confirms the rest', () => {
    const { claims } = judge('alb-components');
    expect(verdictOf(claims, /protocol \(HTTP, HTTPS, TCP/)).toEqual(['imprecise']);
    expect(verdictOf(claims, /Targets can be EC2 instances/)).toEqual(['confirmed']);
    expect(verdictOf(claims, /multiple nodes/)).toEqual(['confirmed']);
    expect(claims.some((c) => c.verdict === 'contradicted')).toBe(false);
  });

  it('a broken snapshot gives error verdicts naming the rule, never confirmed', () => {
    const e = clone();
    e.loadBalancers = [];
    const { claims } = judge('alb-components', e);
    expect(claims.filter((c) => /nodes?\b/.test(c.claim)).every((c) => c.verdict === 'error')).toBe(true);
    expect(claims.find((c) => c.verdict === 'error')!.explanation).toMatch(/no application load balancer/);
  });
});
