import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSelfSignedCertificate } from './local-ca.ts';

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
  const notBefore = new Date(Date.now() - 60_000);
  const cert = await createSelfSignedCertificate({
    commonName,
    organization: 'journal-lab',
    dnsNames: [commonName],
    keyType: 'rsa',
    notBefore,
    notAfter: new Date(notBefore.getTime() + validDays * 86_400_000),
  });
  const certificatePath = path.join(dir, 'alb-certificate.pem');
  const privateKeyPath = path.join(dir, 'alb-private-key.pem');
  await writeFile(certificatePath, cert.certPem + '\n', { mode: 0o644 });
  await writeFile(privateKeyPath, cert.keyPem + '\n', { mode: 0o600 });
  const { info } = cert;
  return { certificatePath, privateKeyPath, subject: info.subject, serialNumber: info.serialNumber, notAfter: info.notAfter, sha256Fingerprint: info.fingerprint256 };
}
