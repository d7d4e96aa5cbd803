/**
 * Certificates for the HAProxy labs: a throw-away CA for the load balancer's own certificate, and self-signed
 * certificates for backends (an ALB does not verify target certificates, so the twin's backends need none better).
 * Minimal on purpose: src/net/local-ca.ts is the general one; this only exists so these labs do not depend on it.
 * Private keys stay in memory or in 0600 files of the lab's work dir; `info` is the only part that goes to evidence.
 */
import { webcrypto, X509Certificate as NodeX509 } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { x509 } from '../certs/x509.ts';

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

export interface CertificateInfo {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  selfSigned: boolean;
  fingerprint256: string;
}

export interface KeyedCertificate {
  certPem: string;
  /** Secret: never into evidence or logs. */
  keyPem: string;
  info: CertificateInfo;
}

export interface TestCa {
  certPem: string;
  info: CertificateInfo;
  issue(dnsName: string): Promise<KeyedCertificate>;
}

function serial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f; // positive INTEGER (RFC 5280 §4.1.2.2)
  return Buffer.from(bytes).toString('hex');
}

function window() {
  const notBefore = new Date(Date.now() - 60_000);
  return { notBefore, notAfter: new Date(notBefore.getTime() + 24 * 3600_000) };
}

async function keyPair(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
}

async function keyPem(keys: CryptoKeyPair): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as never);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

export function describeCertificate(certPem: string): CertificateInfo {
  const cert = new NodeX509(certPem);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    subjectAltNames: cert.subjectAltName ? cert.subjectAltName.split(', ') : [],
    selfSigned: cert.subject === cert.issuer,
    fingerprint256: cert.fingerprint256,
  };
}

function serverExtensions(dnsName: string): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: dnsName }]),
  ];
}

export async function createTestCa(commonName = 'journal-lab HAProxy lab CA'): Promise<TestCa> {
  const keys = await keyPair();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${commonName}`,
    ...window(),
    keys,
    signingAlgorithm: ECDSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
    ],
  });
  const certPem = ca.toString('pem');
  return {
    certPem,
    info: describeCertificate(certPem),
    async issue(dnsName) {
      const leafKeys = await keyPair();
      const leaf = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: `CN=${dnsName}`,
        issuer: ca.subject,
        ...window(),
        publicKey: leafKeys.publicKey,
        signingKey: keys.privateKey,
        signingAlgorithm: ECDSA,
        extensions: serverExtensions(dnsName),
      });
      const leafPem = leaf.toString('pem');
      return { certPem: leafPem, keyPem: await keyPem(leafKeys), info: describeCertificate(leafPem) };
    },
  };
}

export async function createSelfSigned(dnsName: string): Promise<KeyedCertificate> {
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${dnsName}`,
    ...window(),
    keys,
    signingAlgorithm: ECDSA,
    extensions: serverExtensions(dnsName),
  });
  const certPem = cert.toString('pem');
  return { certPem, keyPem: await keyPem(keys), info: describeCertificate(certPem) };
}

/** HAProxy's `crt` wants certificate and key in one file; 0600 because it holds the key. */
export async function writeHaproxyCrtFile(dir: string, name: string, cert: KeyedCertificate): Promise<string> {
  const file = path.join(dir, `${name}.pem`);
  await writeFile(file, `${cert.certPem.trim()}\n${cert.keyPem.trim()}\n`, { mode: 0o600 });
  return file;
}
