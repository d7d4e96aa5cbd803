import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import lab from '../../labs/handshakes.ts';
import type { HandshakesEvidence } from '../../checks/handshakes/evidence.ts';
import { listedHandshakeSteps } from '../../checks/handshakes/judge-tcp.ts';
import { listedTlsMessages } from '../../checks/handshakes/judge-tls.ts';
import type { ClaimResult } from '../../src/model/types.ts';

// Recorded from a real run: node bin/run-ts.js scripts/record-evidence.ts handshakes
const evidence = JSON.parse(readFileSync('checks/handshakes/reference-evidence.json', 'utf8')) as HandshakesEvidence;
const question = lab.questions[0]!;
const judge = (statements: string[], e: HandshakesEvidence = evidence) => question.judge(statements, e, 'local');
const verdictOf = (claims: ClaimResult[], aspect?: string) => claims.filter((c) => c.aspect === aspect).map((c) => c.verdict);

describe('handshakes judges on recorded evidence', () => {
  it('confirms SYN, SYN-ACK, ACK and contradicts a wrong order', () => {
    expect(judge(['The three steps are SYN, SYN-ACK, and ACK.']).claims[0]!.verdict).toBe('confirmed');
    const wrong = judge(['The steps are SYN-ACK, SYN and then ACK.']).claims[0]!;
    expect(wrong.verdict).toBe('contradicted');
    expect(wrong.explanation).toMatch(/capture shows SYN, SYN-ACK, ACK/);
  });

  it('judges each TLS message of the shipped answer against the captured runs', () => {
    const { claims } = judge(['The steps involved in the TLS handshake are Hello, Certificate, Server Key Exchange, Client Key Exchange, Certificate Verify, Change Cipher Spec, and Finished.']);
    expect(verdictOf(claims, 'ClientHello')).toEqual(['confirmed']);
    expect(verdictOf(claims, 'Certificate')).toEqual(['confirmed']);
    expect(verdictOf(claims, 'ServerKeyExchange')).toEqual(['imprecise']);
    expect(claims.find((c) => c.aspect === 'ServerKeyExchange')!.explanation).toMatch(/absent from tls12-rsa, tls13/);
    expect(verdictOf(claims, 'ClientKeyExchange')).toEqual(['imprecise']);
    expect(verdictOf(claims, 'CertificateVerify')).toEqual(['imprecise']);
    expect(verdictOf(claims, 'Finished')).toEqual(['confirmed']);
    expect(verdictOf(claims, 'order')).toEqual(['confirmed']);
    for (const c of claims) expect(c.sources.length).toBeGreaterThan(0);
  });

  it('reports what the TLS answer omits, and stops reporting it once mentioned', () => {
    const omitted = judge(['Hello, Certificate, Finished.']).claims.filter((c) => c.verdict === 'missing').map((c) => c.claim);
    expect(omitted.some((f) => /ServerHelloDone/.test(f))).toBe(true);
    expect(omitted.some((f) => /TLS 1\.3/.test(f))).toBe(true);
    const mentioned = judge(['ClientHello, ServerHello, Certificate, ServerHelloDone, Finished; TLS 1.3 adds EncryptedExtensions.']).claims;
    expect(mentioned.some((c) => c.verdict === 'missing' && /ServerHelloDone/.test(c.claim))).toBe(false);
  });

  it('calls the "keeps the connection from timing out" keepalive claim imprecise, with measured figures', () => {
    const claim = judge(['TCP Keepalive is a mechanism used to ensure that a TCP connection remains active and does not time out.']).claims[0]!;
    expect(claim.verdict).toBe('imprecise');
    expect(claim.explanation).toMatch(/ETIMEDOUT/);
    expect(claim.evidence.some((e) => e.kind === 'keepalive-default-off')).toBe(true);
  });

  it('never confirms keepalive or TCP claims when the experiments could not run', () => {
    const blind: HandshakesEvidence = {
      ...evidence,
      tcpHandshake: { status: 'unverifiable', reason: 'not root' },
      keepalive: { status: 'unverifiable', reason: 'not root' },
      tls: { status: 'observed', runs: (evidence.tls as unknown as { runs: object[] }).runs.map((r: object) => ({ ...r, messages: [] })), messageSource: 'node-api', messageSourceReason: 'not root' } as unknown as HandshakesEvidence['tls'],
    };
    const { claims } = judge(['The three steps are SYN, SYN-ACK, and ACK.', 'If no response is received after several attempts, the connection is considered lost.', 'The TLS handshake messages are Hello and Finished.'], blind);
    const decided = claims.filter((c) => c.verdict !== 'missing');
    expect(decided.length).toBeGreaterThan(0);
    for (const c of decided) expect(c.verdict).toBe('unverifiable');
  });

  it('judges the shipped answer fully: every statement but the applications list is covered', () => {
    const answer = [
      'TCP handshake is the process of establishing a connection between two devices over a TCP/IP network.',
      'It involves a three-way communication between the client and server to synchronize and establish the connection.',
      'A connection session refers to the period of time during which a client and server maintain an active connection and exchange data over a network.',
      'During a connection session, data is transmitted between the client and server in packets or frames, and the connection is terminated when the session is completed or closed by either party.',
      'Connection sessions are used in various applications, such as web browsing, email, file transfer, video streaming, online gaming, and more.',
    ];
    const { claims, unjudged } = judge(answer);
    expect(unjudged).toEqual([answer[4]]);
    expect(claims.find((c) => c.claim === answer[2])!.verdict).toBe('imprecise');
  });
});

describe('parsing what the learner lists', () => {
  it('reads handshake steps in order', () => {
    expect(listedHandshakeSteps('SYN, SYN-ACK, and ACK')).toEqual(['SYN', 'SYN-ACK', 'ACK']);
    expect(listedHandshakeSteps('SYN then SYN/ACK then ACK')).toEqual(['SYN', 'SYN-ACK', 'ACK']);
  });
  it('reads TLS messages, a bare Hello standing for both hellos', () => {
    expect(listedTlsMessages('Hello, Certificate, Server Key Exchange, Certificate Verify, Server Hello Done')).toEqual([
      'ClientHello', 'ServerHello', 'Certificate', 'ServerKeyExchange', 'CertificateVerify', 'ServerHelloDone',
    ]);
  });
});
