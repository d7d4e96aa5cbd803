/**
 * The certificates lab's claim book: statements in many wordings → the verdict a careful reviewer would give, judged
 * against the recorded reference evidence (real validation experiments and capture decryption). Pure and fast.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labClaims, type Expect } from '../support/lab-claims.ts';
import statements from './claims.statements.json' with { type: 'json' };
import certificatesLab from '../../labs/certificates.ts';
import type { CertificatesEvidence } from '../../checks/certificates/evidence.ts';
import { parseJournal } from '../../src/journal/parse-journal.ts';
import { judgeOf } from '../../src/claims/judge-statements.ts';
import { matchQuestion } from '../../src/lab-api/match.ts';

const QUESTION = 'certificates/why-certificate';
const claims = labClaims<CertificatesEvidence>(certificatesLab, { question: QUESTION });
const { lab, reference, judge, verdict } = claims;

/**
 * Every statement table of claims.statements.json, one describe each: paraphrases of the facts the question turns on, right and wrong, in
 * wordings of our own; minimal pairs that differ by one negation, value or quantifier; blind sets written before
 * the patterns were read; conditions that spell a negation ("a CA that isn't trusted") and must not flip the verdict.
 */
claims.describeTables('certificates claims', statements);

describe('certificates claims: observers read the recorded experiments', () => {
  const claimOf = (statement: string, evidence?: CertificatesEvidence) => judge(statement, evidence).claims[0]!;

  it('self-signed: the real client error code decides, as an observation', () => {
    const c = claimOf('Self-signed certificates get accepted by default.');
    expect(c.verdict).toBe('contradicted');
    expect(c.evidence[0]!.kind).toBe('observed');
    expect(c.explanation).toMatch(/lab observed[\s\S]*DEPTH_ZERO_SELF_SIGNED_CERT/);
  });

  it('host name and expiry: the rejections the client really raised', () => {
    expect(claimOf("If the host name isn't listed in the certificate, the client rejects the connection.").explanation).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
    expect(claimOf('Browsers reject expired certificates.').explanation).toMatch(/CERT_HAS_EXPIRED/);
    expect(claimOf('A certificate from an unknown CA is refused.').explanation).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
  });

  it('what encrypts the traffic: the capture decrypted with session keys, not with the certificate key (except RSA key exchange)', () => {
    const c = claimOf("Bulk data is encrypted with the certificate's public key.");
    expect(c.verdict).toBe('contradicted');
    expect(c.evidence[0]!.kind).toBe('observed');
    expect(c.explanation).toMatch(/session key/);
    expect(c.explanation).toMatch(/TLS 1\.2, RSA key exchange/);
    const runs = (c.evidence[0]!.data as { id: string; decryptedWithServerKey: boolean | null }[]);
    expect(Object.fromEntries(runs.map((r) => [r.id, r.decryptedWithServerKey]))).toMatchObject({ 'tls12-ecdhe': false, 'tls12-rsa': true, tls13: false });
  });

  it('forward secrecy: the server key did not decrypt the ECDHE / TLS 1.3 captures', () => {
    const c = claimOf('With ECDHE, the private key of the server can later decrypt recorded traffic.');
    expect(c.verdict).toBe('contradicted');
    expect(c.explanation).toMatch(/lab observed/);
  });

  it('falls back to the documented fact, saying so, when the experiments could not run', () => {
    const blind: CertificatesEvidence = { ...reference, validation: { status: 'unverifiable', reason: 'no loopback TLS server could be started' }, encryption: { status: 'unverifiable', reason: 'tcpdump needs root' } };
    const selfSigned = claimOf('Self-signed certificates get accepted by default.', blind);
    expect(selfSigned.verdict).toBe('contradicted');
    expect(selfSigned.explanation).toMatch(/Documented[\s\S]*could not observe this here: no loopback TLS server/);
    expect(selfSigned.evidence.map((e) => e.kind)).toEqual(['documented', 'not-observed']);
    const bulk = claimOf('The traffic is encrypted by the certificate.', blind);
    expect(bulk.verdict).toBe('imprecise');
    expect(bulk.explanation).toMatch(/could not observe this here: tcpdump needs root/);
  });

  it('an experiment that behaved unexpectedly is reported as observed, not papered over with the fact sheet', () => {
    const odd = structuredClone(reference);
    const v = odd.validation as { experiments: { id: string; outcome: string; errorCode?: string }[] };
    const exp = v.experiments.find((x) => x.id === 'expired')!;
    exp.outcome = 'accepted';
    delete exp.errorCode;
    expect(verdict('Browsers reject expired certificates.', odd)).toBe('contradicted');
  });
});

describe('certificates claims: every proposition has a sourced fact', () => {
  it('fact sheet entries carry a source and a plain sentence', () => {
    for (const p of lab.claims.lexicon.propositions) {
      const f = lab.claims.facts[p.id]!;
      expect(f.source.url).toMatch(/^https:\/\//);
      expect(f.fact.length).toBeGreaterThan(20);
    }
  });
});

describe('certificates claims: the shipped journal', () => {
  it('flags "the certificate encrypts" as imprecise and contradicts none of its reasons', () => {
    const doc = parseJournal(readFileSync('journals/journal-week.md', 'utf8'), 'journals/journal-week.md');
    const labs = [lab];
    const question = doc.questions.find((q) => matchQuestion(`${q.section}\n${q.question}`, [], labs).some((m) => m.key === QUESTION && m.via === 'question'))!;
    expect(question).toBeDefined();
    const judged = judgeOf(lab).judge(question.statements.map((s) => s.text), reference, 'local', ['why-certificate']);
    const of = (words: RegExp) => judged.claims.filter((c) => words.test(c.claim) && c.verdict !== 'missing').map((c) => c.verdict);
    expect(of(/certificate encrypts/)).toContain('imprecise');
    expect(judged.claims.filter((c) => c.verdict === 'contradicted')).toEqual([]);
    expect(judged.claims.filter((c) => c.verdict === 'missing').map((c) => c.aspect).join('; ')).toMatch(/subjectAltName[\s\S]*expired/);
  });
});

