/**
 * The health-twin lab's claim book: learner statements about ALB target health checks, in many wordings, → the
 * verdict a careful reviewer holding the AWS documentation would give, judged on the recorded reference evidence
 * (an HAProxy twin of the target group). Pure and fast: no I/O beyond reading JSON.
 */
import { describe, expect, it } from 'vitest';
import { labClaims, type Expect } from '../support/lab-claims.ts';
import statements from './claims.statements.json' with { type: 'json' };
import { statementVerdict } from '../../src/claims/judge-alone.ts';
import healthTwinLab from '../../labs/health-twin.ts';
import type { HealthTwinEvidence, TwinEvidence } from '../../checks/health-twin/evidence.ts';
import { observers } from '../../checks/health-twin/observe.ts';

const QUESTION = 'health-twin/healthy-targets';
const claims = labClaims<HealthTwinEvidence>(healthTwinLab, { question: QUESTION });
const { lab, judge, verdict } = claims;
const reference = claims.reference as TwinEvidence;
const notRun: HealthTwinEvidence = { status: 'unverifiable', reason: 'haproxy is not installed on this machine' };

/**
 * Every statement table of claims.statements.json, one describe each: our own wordings of the facts (AWS defaults for instance/ip targets);
 * more phrasings in learners' styles (labels, numbered steps, hedges, typos); minimal pairs; two blind sets written
 * before the lexicon was widened for them, and probes of that widening (label, number-first and contrast orders).
 */
claims.describeTables('health-twin claims', statements);

describe('health-twin claims: what the twin observed', () => {
  it('reads the consecutive-failure behaviour from the twin, with its thresholds from the lab settings', () => {
    const o = observers['hc.unhealthy-rule']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: 'after several failed checks in a row (UnhealthyThresholdCount)' });
    if (o.status === 'observed') {
      expect(o.summary).toContain('HAProxy twin');
      expect(o.summary).toContain(`${reference.becomingUnhealthy.stateChangeMs} ms`);
      expect(o.summary).toContain(`after ${reference.settings.targetGroup.unhealthyThreshold} in a row`);
    }
  });

  it('reads recovery after a run of passes, and no requests to a target marked down', () => {
    expect(observers['hc.healthy-rule']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'after several passing checks in a row (HealthyThresholdCount)' });
    const stop = observers['hc.stop-routing']!(reference, 'local');
    expect(stop).toMatchObject({ status: 'observed', value: 'no new requests go to an unhealthy target' });
  });

  it('reads the measured check interval and the TLS-only capture of the target leg', () => {
    const m = observers['hc.mechanism']!(reference, 'local');
    expect(m).toMatchObject({ status: 'observed', value: 'active requests sent on a fixed interval' });
    if (m.status === 'observed') expect(m.summary).toContain(`${reference.measuredCheckIntervalMs.mean} ms`);
    expect(observers['hc.https-encrypted']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'encrypted with TLS' });
  });

  it('a single-failure statement is imprecise and the explanation says what the twin showed', () => {
    const r = judge('As soon as one check fails, the target is flagged unhealthy.');
    expect(statementVerdict(r.claims)).toBe('imprecise');
    const c = r.claims.find((x) => x.verdict === 'imprecise')!;
    expect(c.explanation).toContain('The lab observed');
    expect(c.explanation).toContain(`marked down after ${reference.becomingUnhealthy.stateChangeMs} ms`);
    expect(c.evidence[0].kind).toBe('observed');
  });

  it('judges AWS defaults on the documentation, never on the twin\'s own settings', () => {
    // The lab's target group uses a healthy threshold of 3: a "default of 3" is still wrong.
    expect(reference.settings.targetGroup.healthyThreshold).toBe(3);
    const r = judge('The default healthy threshold is 3 consecutive successes.');
    expect(statementVerdict(r.claims)).toBe('contradicted');
    const c = r.claims.find((x) => x.verdict === 'contradicted')!;
    expect(c.explanation).toContain('Documented');
    expect(c.explanation).toContain('not the AWS defaults');
    expect(c.sources[0].url).toContain('docs.aws.amazon.com');
  });

  it('judges fail-open on the AWS documentation and mentions the twin\'s 503 only as contrast', () => {
    const r = judge('When every target is failing, the ALB keeps routing to all of them.');
    expect(statementVerdict(r.claims)).toBe('confirmed');
    const c = r.claims[0];
    expect(c.explanation).toContain('Documented');
    expect(c.explanation).toContain('not the ALB\'s');
    expect(c.evidence.some((e) => e.kind === 'observed')).toBe(false);
  });
});

describe('health-twin claims: when the twin could not run', () => {
  it('falls back to the documented fact and says the lab could not observe it', () => {
    const r = judge('A target becomes unhealthy only after several failed checks in a row.', notRun);
    expect(statementVerdict(r.claims)).toBe('confirmed');
    const c = r.claims[0];
    expect(c.explanation).toContain('Documented');
    expect(c.explanation).toContain('could not observe');
    expect(c.explanation).toContain('haproxy is not installed');
    expect(c.evidence.some((e) => e.kind === 'not-observed')).toBe(true);
  });

  it('keeps the imprecise verdict on the documented rule', () => {
    expect(verdict('The ALB pulls a target out of rotation as soon as it fails a check.', notRun)).toBe('imprecise');
  });

  it('every observer says why when the twin did not run', () => {
    for (const [id, observe] of Object.entries(observers)) {
      const o = observe!(notRun, 'local');
      expect(o.status, id).not.toBe('observed');
      if (o.status !== 'observed') expect(o.reason, id).toContain('did not run');
    }
  });
});

