/** The certificates lab's collector: validation experiments and the encryption capture share one lab CA. */
import type { LabContext } from '../../src/lab-api/lab.ts';
import { probeNetCapabilities, type NetCapabilities } from '../../src/net/capabilities.ts';
import { createLocalCa } from '../../src/certs/local-ca.ts';
import { collectEncryptionEvidence } from './collect-encryption.ts';
import { collectValidationExperiments } from './collect-validation.ts';
import type { CertificatesEvidence } from './evidence.ts';

const broken = (err: unknown) => ({ status: 'error' as const, reason: `The experiment failed: ${err instanceof Error ? err.message : String(err)}` });

export async function collectCertificatesEvidence(ctx: LabContext, caps: NetCapabilities = probeNetCapabilities()): Promise<CertificatesEvidence> {
  const durationsMs: Record<string, number> = {};
  const start = performance.now();
  const ca = await createLocalCa({ commonName: 'journal-lab certificates CA' });
  // RSA: the TLS 1.2 RSA key exchange run needs an RSA certificate key.
  const serverCert = await ca.issue({ commonName: 'localhost', dnsNames: ['localhost'], keyType: 'rsa' });
  durationsMs.keys = Math.round(performance.now() - start);
  const timed = async <T>(name: string, work: () => Promise<T>) => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      durationsMs[name] = Math.round(performance.now() - t);
    }
  };
  const [validation, encryption] = await Promise.allSettled([
    timed('validation', () => collectValidationExperiments(ca, serverCert, ctx.teardown, ctx.signal)),
    timed('encryption', () => collectEncryptionEvidence(ctx, caps, ca, serverCert)),
  ]);
  if (ctx.signal.aborted) throw new Error('certificates lab aborted');
  return {
    collectedAt: new Date().toISOString(),
    ca: ca.info,
    validation: validation.status === 'fulfilled' ? { status: 'observed', experiments: validation.value } : broken(validation.reason),
    encryption:
      encryption.status === 'rejected'
        ? broken(encryption.reason)
        : 'status' in encryption.value
          ? encryption.value
          : { status: 'observed', ...encryption.value },
    durationsMs,
  };
}
