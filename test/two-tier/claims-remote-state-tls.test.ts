/**
 * The two-tier lab's claim book for two questions, remote state and end-to-end TLS through the ALB: statements in
 * many wordings → the verdict a careful reviewer would give, judged on the recorded moto reference evidence. Pure
 * and fast: no I/O beyond reading the JSON evidence.
 */
import { describe, expect, it } from 'vitest';
import { labClaims, rowsOf, type Expect } from '../support/lab-claims.ts';
import statements from './claims-remote-state-tls.statements.json' with { type: 'json' };
import twoTierLab from '../../labs/two-tier.ts';
import type { TwoTierEvidence } from '../../checks/two-tier/evidence.ts';
import { observers } from '../../checks/two-tier/observe.ts';
import { routeStatement } from '../../src/claims/judge-alone.ts';
import type { Observer } from '../../src/claims/types.ts';

const RS = 'two-tier/remote-state';
const TLS = 'two-tier/alb-end-to-end-tls';
// Two questions of one lab: each statement names the one it answers.
const rs = labClaims<TwoTierEvidence>(twoTierLab, { question: RS });
const tls = labClaims<TwoTierEvidence>(twoTierLab, { question: TLS });
const { lab, reference } = rs;
const judge = (statement: string, question: string, evidence?: TwoTierEvidence) => rs.judge(statement, evidence, question);
const verdict = (statement: string, question: string, evidence?: TwoTierEvidence) => rs.verdict(statement, evidence, question);
const clone = (): TwoTierEvidence => structuredClone(reference);

/** Remote state: paraphrases of the facts the question turns on, right and wrong, in wordings of our own. */
const remoteState = rowsOf<[string, Expect]>(statements.remoteState);

/** End-to-end TLS through the ALB. */
const endToEnd = rowsOf<[string, Expect]>(statements.endToEnd);

/**
 * More wordings of the same facts, written as a held-out check (different vocabulary, labels, typos, hedges, two
 * claims in one sentence, right statements with a "not" in them) and kept here once they passed.
 */
const moreRemoteState = rowsOf<[string, Expect]>(statements.moreRemoteState);

const moreEndToEnd = rowsOf<[string, Expect]>(statements.moreEndToEnd);

/** Blind sets (written before the patterns were read or extended): remote state, in fresh wordings. */
const blindRemoteState = rowsOf<[string, Expect]>(statements.blindRemoteState);

/** Blind sets: end-to-end TLS, in fresh wordings. */
const blindEndToEnd = rowsOf<[string, Expect]>(statements.blindEndToEnd);

/** Right statements near the patterns' edges: never contradicted (unjudged is acceptable). */
const neverContradicted = rowsOf<[string, string]>(statements.neverContradicted);

describe('blind sets: remote state', () => {
  it.each(blindRemoteState)('%s → %s', rs.expectVerdict);
});

describe('blind sets: end-to-end TLS', () => {
  it.each(blindEndToEnd)('%s → %s', tls.expectVerdict);
});

describe('right statements near the edges are never contradicted', () => {
  it.each(neverContradicted)('%s: %s', (question, statement) => {
    expect(verdict(statement, question)).not.toBe('contradicted');
  });
});

describe('two-tier remote state: what a statement asserts decides its verdict', () => {
  it.each([...remoteState, ...moreRemoteState])('%s → %s', rs.expectVerdict);
});

describe('two-tier end-to-end TLS: what a statement asserts decides its verdict', () => {
  it.each([...endToEnd, ...moreEndToEnd])('%s → %s', tls.expectVerdict);
});

/** Minimal pairs: one negation or one swapped value flips the verdict. */
const pairs = rowsOf<[string, string, string]>(statements.pairs);

describe('minimal pairs', () => {
  it.each(pairs)('%s: "%s" is confirmed, "%s" is contradicted', (question, right, wrong) => {
    expect(verdict(right, question)).toBe('confirmed');
    expect(verdict(wrong, question)).toBe('contradicted');
  });
});

describe('observers read the recorded deployment', () => {
  it('remote state: the data source, its backend and the outputs it reads', () => {
    const mechanism = observers['rs.mechanism']!(reference, 'moto');
    expect(mechanism).toMatchObject({ status: 'observed', value: 'a terraform_remote_state data source' });
    const backend = observers['rs.backend']!(reference, 'moto');
    expect(backend).toMatchObject({ status: 'observed', value: 'the S3 backend (bucket, key, region)' });
    const [claim] = judge('The app tier uses terraform_remote_state with backend "s3".', RS).claims.filter((c) => c.aspect?.includes('backend') || c.aspect?.includes('finds'));
    expect(claim.verdict).toBe('confirmed');
    expect(claim.explanation).toMatch(/The lab observed: .*backend = "s3".*journal-lab-state-/);
    expect(claim.evidence[0]).toMatchObject({ kind: 'observed' });
  });

  it('remote state: the explanation names the outputs the app tier reads', () => {
    const claims = judge('You write data.terraform_remote_state.network.outputs.vpc_id in the app tier.', RS).claims;
    const attr = claims.find((c) => c.aspect?.includes('outputs are read'))!;
    expect(attr.verdict).toBe('confirmed');
    expect(attr.explanation).toMatch(/observed: .*outputs\.<name> for private_subnet_ids, public_subnet_ids, vpc_cidr, vpc_id/);
  });

  it('end-to-end TLS: target group protocol, listener certificate, security group source and redirect', () => {
    expect(observers['tls.target-protocol']!(reference, 'moto')).toMatchObject({ status: 'observed', value: 'HTTPS' });
    expect(observers['tls.listener-cert']!(reference, 'moto')).toMatchObject({ status: 'observed', summary: expect.stringMatching(/arn:aws:acm:.*IMPORTED/) });
    expect(observers['tls.backend-sg-source']!(reference, 'moto')).toMatchObject({ status: 'observed', value: "the ALB's security group" });
    expect(observers['tls.http-redirect']!(reference, 'moto')).toMatchObject({ status: 'observed', summary: expect.stringMatching(/HTTP:80 .* HTTPS:443/) });
    const tg = judge('The target group uses HTTPS.', TLS).claims[0];
    expect(tg.explanation).toMatch(/The lab observed: the ALB forwards to target group jl-\w+-tg with protocol HTTPS on port 443/);
  });

  it('what the deployment shows decides: an HTTP target group contradicts "the target group is HTTPS"', () => {
    const e = clone();
    const tg = e.targetGroups.find((t) => t.protocol === 'HTTPS')!;
    tg.protocol = 'HTTP';
    expect(verdict('The target group protocol is HTTPS so the ALB re-encrypts.', TLS, e)).toBe('contradicted');
    expect(verdict('The target group protocol is HTTPS so the ALB re-encrypts.', TLS)).toBe('confirmed');
  });

  it('a backend security group open to a CIDR is what the lab observes then', () => {
    const e = clone();
    e.securityGroups.backend.ingress.push({ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'], sourceGroups: [] });
    expect(observers['tls.backend-sg-source']!(e, 'moto')).toMatchObject({ status: 'observed', value: 'anywhere (0.0.0.0/0)' });
    expect(verdict("The backend security group only lets in traffic from the ALB's security group.", TLS, e)).toBe('contradicted');
  });

  it('the stack\'s own health-check settings are not the AWS default: the default is judged on the documentation', () => {
    expect(reference.targetGroups.find((t) => t.protocol === 'HTTPS')!.healthCheck.protocol).toBe('HTTPS');
    const [claim] = judge('Health checks default to HTTP even on an HTTPS target group.', TLS).claims;
    expect(claim.verdict).toBe('confirmed');
    expect(claim.explanation).toMatch(/^You say .*Documented/);
    expect(claim.sources[0].url).toMatch(/API_CreateTargetGroup/);
  });
});

describe('the claim book is consistent', () => {
  it('every observed value is one of the proposition\'s declared values, and every proposition has a fact', () => {
    const props = lab.claims.lexicon.propositions.filter((p) => p.question === 'remote-state' || p.question === 'alb-end-to-end-tls');
    expect(props.length).toBeGreaterThan(20);
    for (const p of props) {
      const fact = lab.claims.facts[p.id];
      expect(fact, p.id).toBeDefined();
      expect(Object.keys(p.values ?? {}), p.id).toContain(fact.value);
      const seen = (observers as Record<string, Observer<TwoTierEvidence> | undefined>)[p.id]?.(reference, 'moto');
      if (seen?.status === 'observed') expect(Object.keys(p.values ?? {}), p.id).toContain(seen.value);
    }
  });
});

describe('when the evidence lacks the part, the documented fact decides and says so', () => {
  it('no remote state data source recorded', () => {
    const e = clone();
    e.config.dataSources = [];
    e.config.outputsRead = [];
    expect(observers['rs.mechanism']!(e, 'moto')).toMatchObject({ status: 'unverifiable' });
    const [claim] = judge('The app tier reads the network values through a terraform_remote_state data source.', RS, e).claims;
    expect(claim.verdict).toBe('confirmed');
    expect(claim.explanation).toMatch(/Documented: .*the lab could not observe this here: .*no terraform_remote_state data source/);
    expect(claim.evidence.map((x) => x.kind)).toEqual(['documented', 'not-observed']);
  });

  it('no HTTPS listener recorded', () => {
    const e = clone();
    e.listeners = e.listeners.filter((l) => l.protocol !== 'HTTPS');
    const [claim] = judge('The HTTPS listener gets its certificate from ACM.', TLS, e).claims;
    expect(claim.verdict).toBe('confirmed');
    expect(claim.explanation).toMatch(/could not observe this here: the ALB has no HTTPS listener/);
  });
});

describe('routing by the statement\'s own words', () => {
  it.each([
    ...remoteState.filter(([, v]) => v !== 'unjudged').map(([s]) => [s, RS] as const),
    ...endToEnd.filter(([, v]) => v !== 'unjudged').map(([s]) => [s, TLS] as const),
    ...blindRemoteState.map(([s]) => [s, RS] as const),
    ...blindEndToEnd.map(([s]) => [s, TLS] as const),
  ])('%s → %s', (statement, question) => {
    expect(routeStatement(statement, [lab])).toBe(question);
  });
});
