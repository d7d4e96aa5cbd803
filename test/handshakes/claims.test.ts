/**
 * The handshakes lab's claim book: statements in many wordings → the verdict a careful reviewer would give, judged
 * against the recorded reference evidence (a real TCP capture, six TLS runs decoded with and without the key log,
 * keepalive and HTTP experiments in network namespaces). Pure and fast.
 */
import { describe, expect, it } from 'vitest';
import { labClaims, type Expect } from '../support/lab-claims.ts';
import statements from './claims.statements.json' with { type: 'json' };
import handshakesLab from '../../labs/handshakes.ts';
import type { HandshakesEvidence } from '../../checks/handshakes/evidence.ts';
import { observers } from '../../checks/handshakes/observe.ts';

const QUESTION = 'handshakes/connection';
const claims = labClaims<HandshakesEvidence>(handshakesLab, { question: QUESTION });
const { lab, reference, judge, verdict } = claims;

/**
 * Every statement table of claims.statements.json, one describe each: paraphrases of the facts the question turns on, right and wrong, in
 * wordings of our own; three blind sets written before the patterns were read (and variants of the third);
 * minimal pairs that differ by one value or one "not".
 */
claims.describeTables('handshakes claims', statements);

describe('handshakes observers read the reference evidence', () => {
  it('the TCP capture: flags of each step, acknowledgment numbers', () => {
    expect(observers['tcp.synack-flags']!(reference, 'local')).toMatchObject({ status: 'observed', value: ['SYN', 'ACK'] });
    expect(observers['tcp.syn-flags']!(reference, 'local')).toMatchObject({ status: 'observed', value: ['SYN'] });
    expect(observers['tcp.ack-flags']!(reference, 'local')).toMatchObject({ status: 'observed', value: ['ACK'] });
    expect(observers['tcp.steps']!(reference, 'local')).toMatchObject({ status: 'observed', value: ['SYN', 'SYN+ACK', 'ACK'] });
    expect(observers['tcp.ack-number']!(reference, 'local')).toMatchObject({ status: 'observed', value: "the peer's ISN + 1" });
    expect(observers['tcp.synack-combined']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'one segment (SYN+ACK)' });
    const c = judge('The server replies with a segment that has SYN and ACK set.').claims[0]!;
    expect(c.verdict).toBe('confirmed');
    expect(c.evidence[0]!.kind).toBe('observed');
    expect(c.explanation).toMatch(/lab observed[\s\S]*frame 2[\s\S]*SYN\+ACK/);
  });

  it('the TLS runs: which messages appear in which version, and what an eavesdropper can read', () => {
    const tls12 = observers['tls12.messages']!(reference, 'local');
    expect(tls12).toMatchObject({ status: 'observed', conditional: { ServerKeyExchange: expect.any(String), CertificateVerify: expect.any(String) } });
    expect(observers['tls12.ske']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'sent with (EC)DHE key exchange' });
    expect(observers['tls13.key-exchange']!(reference, 'local')).toMatchObject({ status: 'observed' });
    expect(observers['tls13.cert-visibility']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'encrypted' });
    expect(observers['tls12.cert-visibility']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'readable on the wire' });
    expect(observers['tls13.rtt']!(reference, 'local')).toMatchObject({ status: 'observed', value: 1 });
    expect(observers['tls12.rtt']!(reference, 'local')).toMatchObject({ status: 'observed', value: 2 });
    const claims = judge('TLS 1.2: ClientHello, ServerHello, Certificate, ServerKeyExchange, ServerHelloDone, ClientKeyExchange, ChangeCipherSpec, Finished.').claims;
    const skeClaim = claims.find((x) => x.aspect?.endsWith('ServerKeyExchange'))!;
    expect(skeClaim.verdict).toBe('imprecise');
    expect(skeClaim.explanation).toMatch(/lab observed[\s\S]*ServerKeyExchange only in[\s\S]*ECDHE/);
    expect(claims.filter((x) => x.aspect?.endsWith('ClientHello') || x.aspect?.endsWith('Finished')).map((x) => x.verdict)).toEqual(['confirmed', 'confirmed']);
  });

  it('the keepalive experiments: off by default, ETIMEDOUT for a dead peer, per-socket settings', () => {
    expect(observers['ka.default']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'off unless the application enables it (SO_KEEPALIVE)' });
    expect(observers['ka.dead-peer']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'the connection is dropped and the application gets ETIMEDOUT' });
    expect(observers['ka.time']!(reference, 'local')).toMatchObject({ status: 'observed', value: 7200 });
    const c = judge('If none of the probes is answered, the read fails with ETIMEDOUT.').claims[0]!;
    expect(c.verdict).toBe('confirmed');
    expect(c.explanation).toMatch(/lab observed[\s\S]*ETIMEDOUT/);
  });

  it('the sessions experiment: HTTP requests over one connection, resumed TLS without a certificate', () => {
    expect(observers['sess.http-persistence']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'persistent by default: several requests over one connection' });
    expect(observers['sess.tls-resumption']!(reference, 'local')).toMatchObject({ status: 'observed' });
    const c = judge('Several HTTP/1.1 requests can travel over the same TCP connection.').claims[0]!;
    expect(c.explanation).toMatch(/lab observed[\s\S]*3 HTTP\/1\.1 requests went over 1 TCP connection/);
  });
});

describe('handshakes: a part the lab could not observe falls back to the documented fact', () => {
  const blind: HandshakesEvidence = {
    ...reference,
    tcpHandshake: { status: 'unverifiable', reason: 'tcpdump needs root' },
    tls: { status: 'unverifiable', reason: 'tshark is not installed' },
    keepalive: { status: 'unverifiable', reason: 'network namespaces need root' },
  };

  it('keeps the verdict, cites the fact sheet and says why it could not observe', () => {
    const c = judge('The server answers the SYN with SYN and ACK set.', blind).claims[0]!;
    expect(c.verdict).toBe('confirmed');
    expect(c.evidence.map((e) => e.kind)).toEqual(['documented', 'not-observed']);
    expect(c.explanation).toMatch(/Documented[\s\S]*could not observe this here: tcpdump needs root/);
    expect(c.sources[0]!.url).toMatch(/rfc9293/);
    expect(verdict('The server answers the SYN with only an ACK.', blind)).toBe('contradicted');
    expect(verdict('TLS 1.3 still uses ServerKeyExchange.', blind)).toBe('contradicted');
    expect(verdict('Keepalive is off unless the application enables SO_KEEPALIVE.', blind)).toBe('confirmed');
  });

  it('an evidence part that broke is an error of the harness, not a verdict', () => {
    const broken: HandshakesEvidence = { ...reference, tcpHandshake: { status: 'error', reason: 'tshark crashed' } };
    expect(verdict('The server answers the SYN with SYN and ACK set.', broken)).toBe('error');
  });
});
