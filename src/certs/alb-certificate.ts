import { webcrypto } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { x509 } from './x509.ts';

export interface CertificateFiles {
  certificatePath: string;
  privateKeyPath: string;
  /** Non-secret facts about the certificate, safe to log and to put in evidence. */
  subject: string;
  serialNumber: string;
  notAfter: string;
  sha256Fingerprint: string;
}

/**
 * A fresh self-signed RSA certificate for the ALB's HTTPS listener (ACM import), made per run. The private key is
 * written with mode 0600 into the run's work dir only; the stacks reference it by path (`file()`), so neither the
 * synthesized JSON nor any output or log ever contains it.
 */
export async function generateAlbCertificate(dir: string, commonName: string, validDays = 7): Promise<CertificateFiles> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + validDays * 86_400_000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=${commonName}, O=journal-lab`,
    notBefore,
    notAfter,
    keys: keys as CryptoKeyPair,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: commonName }]),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const certificatePath = path.join(dir, 'alb-certificate.pem');
  const privateKeyPath = path.join(dir, 'alb-private-key.pem');
  await writeFile(certificatePath, cert.toString('pem') + '\n', { mode: 0o644 });
  await writeFile(privateKeyPath, x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') + '\n', { mode: 0o600 });
  const thumbprint = Buffer.from(await cert.getThumbprint('SHA-256')).toString('hex');
  return {
    certificatePath,
    privateKeyPath,
    subject: cert.subject,
    serialNumber: cert.serialNumber,
    notAfter: cert.notAfter.toISOString(),
    sha256Fingerprint: thumbprint,
  };
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] &= 0x7f; // positive INTEGER, as RFC 5280 §4.1.2.2 requires
  return Buffer.from(bytes).toString('hex');
}
