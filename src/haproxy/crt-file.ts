import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IssuedCertificate } from '../certs/local-ca.ts';

/** HAProxy's `crt` wants certificate and key in one file; 0600 because it holds the key. */
export async function writeHaproxyCrtFile(dir: string, name: string, cert: IssuedCertificate): Promise<string> {
  const file = path.join(dir, `${name}.pem`);
  await writeFile(file, `${cert.certPem.trim()}\n${cert.keyPem.trim()}\n`, { mode: 0o600 });
  return file;
}
