import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import lab from '../../labs/certificates.ts';
import type { CertificatesEvidence } from '../../checks/certificates/evidence.ts';

// Recorded from a real run: node bin/run-ts.js scripts/record-evidence.ts certificates
const evidence = JSON.parse(readFileSync('checks/certificates/reference-evidence.json', 'utf8')) as CertificatesEvidence;
const judge = (statements: string[], e = evidence) => lab.questions[0]!.judge(statements, e, 'local');

const shipped = [
  'Authentication: A TLS certificate can be used to authenticate the identity of the server or client. This ensures that the communication is secure and that the data is not intercepted by a third party.',
  'Encryption: A TLS certificate encrypts the data being transmitted between the two endpoints. This ensures that the data cannot be intercepted and read by an unauthorized party.',
  'Trust: A TLS certificate is issued by a trusted third party, such as a Certificate Authority (CA). This ensures that the communication is secure and that the data is not tampered with.',
  'Compliance: Many regulations, such as PCI DSS, require the use of TLS certificates to secure communication between endpoints.',
];

describe('certificates judges on recorded evidence', () => {
  it('the recorded evidence holds the real client error codes and no key material', () => {
    const v = evidence.validation as { experiments: { id: string; errorCode?: string }[] };
    expect(Object.fromEntries(v.experiments.map((x) => [x.id, x.errorCode ?? 'accepted']))).toMatchObject({
      'trusted-chain': 'accepted',
      'self-signed': 'DEPTH_ZERO_SELF_SIGNED_CERT',
      'wrong-hostname': 'ERR_TLS_CERT_ALTNAME_INVALID',
      expired: 'CERT_HAS_EXPIRED',
    });
    expect(JSON.stringify(evidence)).not.toMatch(/PRIVATE KEY|CLIENT_RANDOM [0-9a-f]/);
  });

  it('sorts the four reasons: authentication and trust confirmed, "certificate encrypts" contradicted, compliance unverifiable', () => {
    const { claims } = judge(shipped);
    const v = (claim: string, aspect?: string) => claims.find((c) => c.claim.startsWith(claim) && c.aspect === aspect)?.verdict;
    expect(v('Authentication', 'identity')).toBe('confirmed');
    expect(v('Authentication', 'interception')).toBe('imprecise');
    expect(v('Encryption', 'who encrypts')).toBe('contradicted');
    expect(v('Encryption', 'confidentiality')).toBe('confirmed');
    expect(v('Trust', 'trust')).toBe('confirmed');
    expect(v('Trust', 'tampering')).toBe('imprecise');
    expect(v('Compliance')).toBe('unverifiable');
    expect(claims.filter((c) => c.verdict === 'missing').map((c) => c.claim).join(' ')).toMatch(/subjectAltName[\s\S]*expire[\s\S]*session keys/);
    for (const c of claims) expect(c.sources.length).toBeGreaterThan(0);
  });

  it('the contradiction rests on the capture: ECDHE not decryptable with the server key, RSA key exchange is', () => {
    const claim = judge([shipped[1]!]).claims.find((c) => c.aspect === 'who encrypts')!;
    const runs = claim.evidence.map((e) => e.data as { id: string; decryptedWithServerKey: boolean | null });
    expect(runs.find((r) => r.id === 'tls12-ecdhe')!.decryptedWithServerKey).toBe(false);
    expect(runs.find((r) => r.id === 'tls13')!.decryptedWithServerKey).toBe(false);
    expect(runs.find((r) => r.id === 'tls12-rsa')!.decryptedWithServerKey).toBe(true);
  });

  it('says unverifiable, never confirmed, when capture was not possible', () => {
    const blind: CertificatesEvidence = { ...evidence, encryption: { status: 'unverifiable', reason: 'not root' } };
    const claim = judge([shipped[1]!], blind).claims[0]!;
    expect(claim.verdict).toBe('unverifiable');
    expect(claim.explanation).toMatch(/not root/);
  });
});
