import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLocalCa, createSelfSignedCertificate } from '../../src/certs/local-ca.ts';

describe('local CA', () => {
  it('issues a leaf that verifies against the CA, with SANs, validity and no key in info', async () => {
    const ca = await createLocalCa({ commonName: 'test CA' });
    const leaf = await ca.issue({ commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], clientAuth: true });
    const caCert = new X509Certificate(ca.certPem);
    const cert = new X509Certificate(leaf.certPem);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(caCert.ca).toBe(true);
    expect(leaf.info.keyType).toBe('rsa');
    expect(leaf.keyPem).toMatch(/BEGIN PRIVATE KEY/);
    expect(JSON.stringify(leaf.info)).not.toMatch(/PRIVATE/);
  });

  it('makes expired and self-signed certificates on request', async () => {
    const ca = await createLocalCa();
    const expired = await ca.issue({ commonName: 'old', keyType: 'ecdsa', notBefore: new Date(Date.now() - 3 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    expect(new Date(expired.info.notAfter).getTime()).toBeLessThan(Date.now());
    const self = await createSelfSignedCertificate({ commonName: 'localhost', dnsNames: ['localhost'], keyType: 'ecdsa' });
    expect(self.info.selfSigned).toBe(true);
  });
});
