/**
 * The lb-modes lab's claim book: statements about proxy and pass-through load balancing and reverse proxies, in many
 * wordings, → the verdict a careful reviewer would give, judged on the recorded reference evidence (HAProxy in HTTP
 * and TCP mode, and the ELBv2 API's answers on the ALB and the NLB). Pure and fast: no I/O beyond reading JSON.
 */
import { describe, expect, it } from 'vitest';
import { labClaims, type Expect } from '../support/lab-claims.ts';
import statements from './claims.statements.json' with { type: 'json' };
import { statementVerdict } from '../../src/claims/judge-alone.ts';
import lbModesLab from '../../labs/lb-modes.ts';
import type { LbModesEvidence } from '../../checks/lb-modes/evidence.ts';
import { observers } from '../../checks/lb-modes/observe.ts';

const QUESTION = 'lb-modes/proxy-passthrough-reverse-proxy';
const claims = labClaims<LbModesEvidence>(lbModesLab, { question: QUESTION });
const { lab, reference, judge, verdict } = claims;
const notRun: LbModesEvidence = {
  dataPlane: { status: 'unverifiable', reason: 'haproxy is not installed on this machine' },
  api: { status: 'unverifiable', reason: 'no AWS target was given' },
};

/**
 * Every statement table of claims.statements.json, one describe each: our own wordings of the facts, right and wrong; more phrasings in
 * learners' styles; minimal pairs (one value, a negation or a swapped subject); blind coverage sets written before
 * the patterns were looked at.
 */
claims.describeTables('lb-modes claims', statements);

describe('lb-modes claims: what the lab observed', () => {
  const dp = reference.dataPlane;
  if (dp.status !== 'observed') throw new Error('the reference evidence has no data plane');

  it('pass-through: the client was shown the backend\'s own certificate', () => {
    const o = observers['pt.tls']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: 'end to end: the balancer never decrypts, the server terminates TLS' });
    const r = judge('With pass-through, the TLS session runs end to end between the browser and the backend.');
    expect(statementVerdict(r.claims)).toBe('confirmed');
    expect(r.claims[0].explanation).toContain('The lab observed');
    expect(r.claims[0].explanation).toContain(`CN=${/CN=([^,]+)/.exec(dp.certificates.api.subject)![1]}`);
  });

  it('pass-through: the path rule in the config was ignored, the SNI rule worked', () => {
    expect(observers['pt.path-routing']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'only layer 3/4 information and the SNI, not HTTP content' });
    expect(observers['pt.sni']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'can route by the SNI name in the ClientHello' });
    const r = judge('A pass-through LB can send /api traffic to its own pool by looking at the path.');
    expect(statementVerdict(r.claims)).toBe('contradicted');
    expect(r.claims.find((c) => c.verdict === 'contradicted')!.explanation).toContain('path rule');
  });

  it('pass-through: HAProxy warned that X-Forwarded-For is ignored in TCP mode and no backend got it', () => {
    const o = observers['pt.xff']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: 'cannot add or edit HTTP headers' });
    if (o.status === 'observed') expect(o.summary).toContain('ignored');
  });

  it('proxy: the backend saw the balancer as its peer and the client in X-Forwarded-For', () => {
    const o = observers['px.xff']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: "adds X-Forwarded-For with the client's address" });
    if (o.status === 'observed') expect(o.summary).toContain(dp.addresses.client);
    expect(observers['px.connections']!(reference, 'local')).toMatchObject({ status: 'observed' });
  });

  it('ALB listener protocols are read from the API\'s refusal', () => {
    const o = observers['alb.listener-protocols']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: ['HTTP', 'HTTPS'] });
    const r = judge('An ALB accepts TCP listeners as well as HTTPS.');
    expect(statementVerdict(r.claims)).toBe('contradicted');
    expect(r.claims[0].explanation).toContain('ELBv2 API');
  });

  it('an emulator that accepts a TCP listener on the ALB proves nothing', () => {
    if (reference.api.status !== 'observed') throw new Error('the reference evidence has no API part');
    const lax: LbModesEvidence = {
      ...reference,
      api: { ...reference.api, attempts: reference.api.attempts.map((a) => (a.loadBalancer === 'alb' ? { ...a, outcome: 'accepted' as const, errorCode: null, errorMessage: null, deleted: true } : a)) },
    };
    expect(observers['alb.listener-protocols']!(lax, 'local').status).not.toBe('observed');
    const r = judge('ALB listeners speak HTTP and HTTPS only.', lax);
    expect(statementVerdict(r.claims)).toBe('confirmed');
    expect(r.claims[0].explanation).toContain('could not observe');
  });
});

describe('lb-modes claims: when the experiments could not run', () => {
  it('falls back to the documented fact and says the lab could not observe it', () => {
    const r = judge("A passthrough LB can't route by URL path.", notRun);
    expect(statementVerdict(r.claims)).toBe('confirmed');
    const c = r.claims[0];
    expect(c.explanation).toContain('Documented');
    expect(c.explanation).toContain('could not observe');
    expect(c.explanation).toContain('haproxy is not installed');
  });

  it('still flags a wrong statement on the documented fact', () => {
    expect(verdict('With pass-through, the balancer decrypts the TLS and re-encrypts it.', notRun)).toBe('contradicted');
  });

  it('every observer says why when its experiment did not run', () => {
    for (const [id, observe] of Object.entries(observers)) {
      const o = observe!(notRun, 'local');
      expect(o.status, id).not.toBe('observed');
      if (o.status !== 'observed') expect(o.reason, id).toMatch(/did not run|was not asked/);
    }
  });
});
