/**
 * Certificate validation experiments: a CA the lab creates issues the server certificate; each experiment
 * changes one thing (trust, issuer, name, dates, client certificate) and records the client's real error.
 */
import type { TeardownStack } from '../../src/run/teardown.ts';
import { createSelfSignedCertificate, type IssuedCertificate, type LocalCa } from '../../src/certs/local-ca.ts';
import type { ValidationExperiment } from './evidence.ts';
import { connectTls, startTlsServer } from './tls-peer.ts';

const DAY = 86_400_000;

export async function collectValidationExperiments(ca: LocalCa, valid: IssuedCertificate, teardown: TeardownStack, signal: AbortSignal): Promise<ValidationExperiment[]> {
  const [selfSigned, expired] = await Promise.all([
    createSelfSignedCertificate({ commonName: 'localhost', dnsNames: ['localhost'] }),
    ca.issue({ commonName: 'localhost', dnsNames: ['localhost'], notBefore: new Date(Date.now() - 3 * DAY), notAfter: new Date(Date.now() - DAY) }),
  ]);
  const serve = (cert: IssuedCertificate, name: string, extra = {}) => startTlsServer({ cert: cert.certPem, key: cert.keyPem, ...extra }, teardown, name);
  const validServer = await serve(valid, 'valid');
  const trustLabCa = { ca: [ca.certPem] };

  const plans: { id: ValidationExperiment['id']; description: string; cert: IssuedCertificate; port: () => Promise<number>; servername: string; trustsLab: boolean; clientCert: boolean }[] = [
    { id: 'trusted-chain', description: 'certificate issued by the lab CA, client trusts the lab CA, name matches', cert: valid, port: async () => validServer.port, servername: 'localhost', trustsLab: true, clientCert: false },
    { id: 'default-trust-store', description: "same certificate, client trusts only Node's default CA store", cert: valid, port: async () => validServer.port, servername: 'localhost', trustsLab: false, clientCert: false },
    { id: 'self-signed', description: 'self-signed certificate (no CA vouches for it)', cert: selfSigned, port: async () => (await serve(selfSigned, 'self-signed')).port, servername: 'localhost', trustsLab: true, clientCert: false },
    { id: 'wrong-hostname', description: 'valid certificate for "localhost", client asks for "api.example.test"', cert: valid, port: async () => validServer.port, servername: 'api.example.test', trustsLab: true, clientCert: false },
    { id: 'expired', description: 'certificate from the lab CA whose notAfter is yesterday', cert: expired, port: async () => (await serve(expired, 'expired')).port, servername: 'localhost', trustsLab: true, clientCert: false },
    {
      id: 'client-certificate-missing',
      description: 'server requires a client certificate from the lab CA (mutual TLS); the client sends none',
      cert: valid,
      port: async () => (await serve(valid, 'mutual', { requestCert: true, rejectUnauthorized: true, ca: [ca.certPem] })).port,
      servername: 'localhost',
      trustsLab: true,
      clientCert: false,
    },
  ];

  const results: ValidationExperiment[] = [];
  for (const plan of plans) {
    const outcome = await connectTls(await plan.port(), { servername: plan.servername, ...(plan.trustsLab ? trustLabCa : {}) }, signal);
    results.push({
      id: plan.id,
      description: plan.description,
      serverCertificate: plan.cert.info,
      client: { trusts: plan.trustsLab ? 'lab CA' : "Node's default CA store", servername: plan.servername, presentsCertificate: plan.clientCert },
      outcome: outcome.outcome,
      ...(outcome.errorCode ? { errorCode: outcome.errorCode, errorMessage: outcome.errorMessage } : {}),
      ...(outcome.protocol ? { protocol: outcome.protocol } : {}),
    });
  }
  return results;
}
