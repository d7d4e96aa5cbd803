/**
 * The two-tier lab's ALB-components claims: statements in many wordings → the verdict a careful reviewer would give,
 * judged against the recorded moto deployment (listeners, rules, target groups, targets). Pure and fast.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labClaims, rowsOf, type Expect } from '../support/lab-claims.ts';
import statements from './claims-components.statements.json' with { type: 'json' };
import twoTierLab from '../../labs/two-tier.ts';
import type { TwoTierEvidence } from '../../checks/two-tier/evidence.ts';
import { judgeAlone, routeStatement, statementVerdict } from '../../src/claims/judge-alone.ts';
import { parseJournal } from '../../src/journal/parse-journal.ts';
import { judgeOf } from '../../src/claims/judge-statements.ts';
import { matchQuestion } from '../../src/lab-api/match.ts';

const QUESTION = 'two-tier/alb-components';
const claims = labClaims<TwoTierEvidence>(twoTierLab, { question: QUESTION });
const { lab: twoTier, reference, judge, verdict } = claims;

const paraphrases = rowsOf<[string, Expect]>(statements.paraphrases);

describe('ALB components claims: paraphrases', () => {
  it.each(paraphrases)('%s → %s', claims.expectVerdict);
});

const minimalPairs = rowsOf<[string, Expect, string, Expect]>(statements.minimalPairs);

describe('ALB components claims: minimal pairs', () => {
  it.each(minimalPairs)('%s (%s) / %s (%s)', claims.expectPair);
});

describe('ALB components claims: observers read the recorded deployment', () => {
  const claimOf = (statement: string, evidence?: TwoTierEvidence) => judge(statement, evidence).claims[0]!;

  it('the default rule: the listeners as DescribeRules returned them', () => {
    const c = claimOf('The default rule has conditions.');
    expect(c.verdict).toBe('contradicted');
    expect(c.evidence[0]!.kind).toBe('observed');
    expect(c.explanation).toMatch(/lab observed[\s\S]*HTTPS:443: priority "default", 0 conditions, action forward/);
  });

  it('the request path: HTTPS listener → default rule → target group → the registered instances', () => {
    const c = claimOf('Listeners send requests straight to the EC2 instances.');
    expect(c.verdict).toBe('imprecise');
    expect(c.explanation).toMatch(/HTTPS:443 → default rule → forward to target group jl-[\w-]+-tg → targets i-/);
  });

  it('health checks and protocol/port: read from each deployed target group', () => {
    const health = claimOf('Health checks are configured per target group.').explanation;
    expect(health).toMatch(/-tg: HTTPS \/healthz every 10 s/);
    expect(health).toMatch(/-nlb-tg: TCP every 30 s/);
    const protocol = claimOf('Every target group defines its own protocol and port.').explanation;
    expect(protocol).toMatch(/-tg: HTTPS:443/);
    expect(protocol).toMatch(/-nlb-tg: TCP:443/);
  });

  it('a listener whose default rule carried conditions would contradict the fact sheet, and the verdict follows the observation', () => {
    const odd = structuredClone(reference);
    const https = odd.listeners.find((l) => l.protocol === 'HTTPS')!;
    https.rules[0]!.conditions = ['path-pattern: /api/*'];
    expect(verdict('The default rule has no conditions.', odd)).toBe('contradicted');
  });

  it('target types: the moto probe accepted every type, so the verdict rests on the documented fact and says why', () => {
    const c = claimOf('Target type: instance, ip, lambda, alb.');
    expect(c.verdict).toBe('contradicted');
    expect(c.explanation).toMatch(/Documented[\s\S]*could not observe this here: moto accepted CreateTargetGroup for instance\/HTTPS, ip\/HTTPS, lambda, alb\/TCP/);
    expect(c.evidence.map((e) => e.kind)).toEqual(['documented', 'not-observed']);
  });

  it('falls back to the documented fact, saying so, when the deployment has no ALB', () => {
    const noAlb = { ...structuredClone(reference), loadBalancers: reference.loadBalancers.filter((l) => l.type !== 'application') };
    const c = claimOf('The default rule has conditions.', noAlb);
    expect(c.verdict).toBe('contradicted');
    expect(c.explanation).toMatch(/Documented[\s\S]*could not observe this here/);
  });
});

/**
 * Wordings written blind (before looking at the lexicon's patterns), in many registers. 'flagged' = contradicted or
 * imprecise (a wrong statement the reviewer would mark either way); 'not confirmed' / 'not contradicted' = a known
 * gap left unjudged, which must at least never give the false verdict.
 */
type Judged = Expect | 'flagged' | 'not confirmed' | 'not contradicted';
function expectJudged(statement: string, expected: Judged) {
  const got = verdict(statement);
  if (expected === 'flagged') expect(['contradicted', 'imprecise']).toContain(got);
  else if (expected === 'not confirmed') expect(got).not.toBe('confirmed');
  else if (expected === 'not contradicted') expect(got).not.toBe('contradicted');
  else expect(got).toBe(expected);
}

// first blind set
const blindFirst = rowsOf<[string, Judged]>(statements.blindFirst);

// second blind set (fresh wording)
const blindSecond = rowsOf<[string, Judged]>(statements.blindSecond);

// right statements near the new patterns: never contradicted
const precisionProbes = rowsOf<[string, Judged]>(statements.precisionProbes);

// third blind set (fresh wording; wrong ones must be flagged, right ones confirmed)
const blindThird = rowsOf<[string, Judged]>(statements.blindThird);

// right and wrong statements near the third set's patterns
const thirdProbes = rowsOf<[string, Judged]>(statements.thirdProbes);

describe('ALB components claims: blind wordings', () => {
  it.each(blindFirst)('%s → %s', expectJudged);
  it.each(blindSecond)('%s → %s', expectJudged);
  it.each(precisionProbes)('%s → %s', expectJudged);
  it.each(blindThird)('%s → %s', expectJudged);
  it.each(thirdProbes)('%s → %s', expectJudged);
});

describe('ALB components claims: routing by the statement\'s own words', () => {
  it.each([
    'Listeners on an application load balancer only take HTTP or HTTPS.',
    'Rules are processed in order of priority, lowest number first.',
    'The target type of an ALB target group is instance, ip or lambda.',
    'Elastic Load Balancing puts a load balancer node in every enabled Availability Zone.',
  ])('%s → alb-components', (statement) => {
    // Routed by its words (a default parameter would put `undefined` back to QUESTION).
    expect(routeStatement(statement, [twoTier])).toBe(QUESTION);
  });
  it('a statement about plain-text traffic behind the ALB is not routed here', () => {
    expect(routeStatement('Use HTTPS on the target group as well, otherwise the traffic behind the ALB is plain text.', [twoTier])).not.toBe(QUESTION);
  });
});

describe('ALB components claims: the shipped journal', () => {
  it('contradicts a listener protocol list that includes TCP, and judges the rest of the answer', () => {
    const doc = parseJournal(readFileSync('journals/journal-week.md', 'utf8'), 'journals/journal-week.md');
    const question = doc.questions.find((q) => matchQuestion(`${q.section}\n${q.question}`, [], [twoTier]).some((m) => m.key === QUESTION && m.via === 'question'))!;
    expect(question).toBeDefined();
    const judged = judgeOf(twoTier).judge(question.statements.map((s) => s.text), reference, 'moto', ['alb-components']);
    const listenerProtocols = judged.claims.find((c) => c.aspect === 'an ALB listener · which protocols it can use')!;
    expect(listenerProtocols.verdict).toBe('contradicted');
    expect(listenerProtocols.claim).toMatch(/TCP/);
    const others = judged.claims.filter((c) => c !== listenerProtocols && c.verdict !== 'missing');
    expect(others.filter((c) => c.verdict === 'contradicted')).toEqual([]);
    expect(others.filter((c) => c.verdict === 'confirmed').length).toBeGreaterThanOrEqual(3);
  });
});
