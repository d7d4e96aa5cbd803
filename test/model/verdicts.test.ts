/** The model's rules: a question's verdict comes from its claims; "not observed" is never a pass. */
import { describe, expect, it } from 'vitest';
import { deriveQuestionVerdict } from '../../src/model/question-verdict.ts';
import { isNotObserved, notObserved, notObservedBecause } from '../../src/model/observed.ts';
import type { ClaimResult, ClaimVerdict } from '../../src/model/types.ts';
import { judgeAlone, statementVerdict } from '../../src/claims/judge-alone.ts';
import { sky } from '../support/toy-labs.ts';

const claim = (verdict: ClaimVerdict): ClaimResult => ({ claim: 'x', verdict, explanation: '', evidence: [], sources: [] });
const of = (...verdicts: ClaimVerdict[]) => deriveQuestionVerdict(verdicts.map(claim));

describe('deriveQuestionVerdict', () => {
  it('one contradiction decides; imprecise or missing make it partial; confirmed only when something is', () => {
    expect(of('confirmed', 'contradicted', 'confirmed')).toBe('contradicted');
    expect(of('confirmed', 'imprecise')).toBe('partly-confirmed');
    expect(of('confirmed', 'missing')).toBe('partly-confirmed');
    expect(of('confirmed', 'unverifiable')).toBe('confirmed');
    expect(of('confirmed')).toBe('confirmed');
  });

  it('claims the harness could not decide never make a question confirmed', () => {
    expect(of()).toBe('unverified');
    expect(of('unverifiable', 'error')).toBe('unverified');
  });
});

describe('observed or not, and why', () => {
  it('tells a not-observed value from evidence, whatever else the evidence holds', () => {
    expect(isNotObserved(notObserved('no haproxy'))).toBe(true);
    expect(isNotObserved({ status: 'error', reason: 'crashed' })).toBe(true);
    expect(isNotObserved({ status: 'observed', reason: 'x' })).toBe(false);
    expect(isNotObserved({ status: 'unverifiable' })).toBe(false);
    expect(isNotObserved(null)).toBe(false);
  });

  it('keeps the status and the cause when it says what needed it', () => {
    expect(notObservedBecause('the twin did not run', notObserved('haproxy is missing', 'error'))).toEqual({ status: 'error', reason: 'the twin did not run (haproxy is missing)' });
  });

  it('a lab whose whole evidence was not observed is judged on the documented fact, and says why', () => {
    const judged = judgeAlone('The sky is green.', [sky], new Map([['sky', notObserved('nothing is deployed')]]), () => 'local', 'sky/q');
    expect(statementVerdict(judged.claims)).toBe('contradicted');
    expect(judged.claims[0]!.explanation).toMatch(/Documented: the sky is blue\. \(the lab could not observe this here: nothing is deployed\)/);
  });

  it('an observer that breaks is an error, not a verdict on the answer', () => {
    const broken = { ...sky, claims: { ...sky.claims, observers: { 'sky.value': () => { throw new Error('boom'); } } } };
    const judged = judgeAlone('The sky is blue.', [broken], new Map([['sky', { status: 'observed', value: 'blue' }]]), () => 'local', 'sky/q');
    expect(judged.claims[0]).toMatchObject({ verdict: 'error' });
    expect(judged.claims[0]!.explanation).toMatch(/harness broke .*boom.*not a verdict on your answer/);
  });
});
