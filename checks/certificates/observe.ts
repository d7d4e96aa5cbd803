/**
 * Pure: the certificates lab's evidence → what it shows for the propositions it can observe. The validation
 * experiments are real TLS clients against servers holding certificates from a lab CA; the encryption runs are
 * captures that tshark tried to decrypt once with only the server's private key and once with the session keys.
 */
import type { Observation, Observer } from '../../src/claims/types.ts';
import type { CertificatesEvidence, EncryptionObservation, EncryptionRun, ValidationExperiment } from './evidence.ts';

type Experiments = ValidationExperiment[];

function withValidation(e: CertificatesEvidence, read: (list: Experiments) => Observation): Observation {
  if (e.validation.status !== 'observed') return { status: e.validation.status, reason: e.validation.reason };
  return read((e.validation as { experiments: Experiments }).experiments);
}

function withEncryption(e: CertificatesEvidence, read: (runs: EncryptionRun[]) => Observation): Observation {
  if (e.encryption.status !== 'observed') return { status: e.encryption.status, reason: e.encryption.reason };
  return read((e.encryption as EncryptionObservation).runs);
}

const outcomeOf = (x: ValidationExperiment) => `${x.outcome}${x.errorCode ? ` with ${x.errorCode}` : ''}`;

/** One experiment decides a rejected/accepted proposition; the other values are the proposition's own ids. */
function rejection(id: ValidationExperiment['id'], rejected: string, accepted: string, what: (x: ValidationExperiment) => string): Observer<CertificatesEvidence> {
  return (e) =>
    withValidation(e, (list) => {
      const x = list.find((l) => l.id === id);
      if (!x) return { status: 'unverifiable', reason: `the ${id} experiment is missing from this run's evidence` };
      return { status: 'observed', value: x.outcome === 'rejected' ? rejected : accepted, summary: `${what(x)}: the client ${outcomeOf(x)}${x.errorMessage ? ` ("${x.errorMessage.split('\n')[0]}")` : ''}.`, data: x };
    });
}

function trustChain(e: CertificatesEvidence): Observation {
  return withValidation(e, (list) => {
    const trusted = list.find((x) => x.id === 'trusted-chain');
    const untrusted = list.find((x) => x.id === 'default-trust-store');
    if (!trusted || !untrusted) return { status: 'unverifiable', reason: 'the trust experiments are missing from this run\'s evidence' };
    const ok = trusted.outcome === 'accepted' && untrusted.outcome === 'rejected';
    return {
      status: 'observed',
      value: ok ? 'it chains through intermediates to a root CA the client already trusts' : 'the client trusts any certificate it is given',
      summary: `the same certificate (issued by ${trusted.serverCertificate.issuer}) was ${outcomeOf(trusted)} by a client that trusts the lab CA and ${outcomeOf(untrusted)} by a client holding only Node's default CA store: trust comes from the issuer being in the client's store.`,
      data: [trusted, untrusted],
    };
  });
}

function authentication(e: CertificatesEvidence): Observation {
  return withValidation(e, (list) => {
    const accepted = list.filter((x) => x.outcome === 'accepted').map((x) => x.id);
    const rejected = list.filter((x) => x.outcome === 'rejected');
    const ok = accepted.length === 1 && accepted[0] === 'trusted-chain';
    return {
      status: 'observed',
      value: ok ? 'authenticating the server (proving its identity)' : 'encryption only (not identity)',
      summary: ok
        ? `the client went ahead only with a certificate that chains to a CA it trusts, is in date and names the host it asked for; every other server was refused (${rejected.map((x) => `${x.id}: ${x.errorCode}`).join(', ')}).`
        : `clients accepted servers they could not authenticate: ${list.map((x) => `${x.id} → ${x.outcome}`).join(', ')}.`,
      data: list,
    };
  });
}

const decryptSummary = (runs: EncryptionRun[]) =>
  runs
    .filter((r) => r.id !== 'plain-tcp')
    .map((r) => `${r.label} (${r.cipher}): decrypted with the server's private key ${r.decryptedWithServerKey ? 'yes' : 'no'}, with the session keys ${r.decryptedWithSessionKeys ? 'yes' : 'no'}`)
    .join('; ');

function bulkEncryption(e: CertificatesEvidence): Observation {
  return withEncryption(e, (runs) => {
    const tls = runs.filter((r) => r.id !== 'plain-tcp');
    if (tls.length === 0) return { status: 'unverifiable', reason: 'no TLS capture was recorded' };
    const bySessionKeys = tls.every((r) => r.decryptedWithSessionKeys === true && !r.plaintextInCapture);
    const byServerKey = tls.filter((r) => r.decryptedWithServerKey === true);
    const value = bySessionKeys && byServerKey.length < tls.length ? 'symmetric session keys from the handshake' : "the certificate's private key";
    return {
      status: 'observed',
      value,
      summary: `the secret was unreadable in every TLS capture and the session keys decrypted all of them, while the certificate's private key alone decrypted only ${byServerKey.map((r) => r.label).join(', ') || 'none'} (${decryptSummary(runs)}).`,
      data: runs,
    };
  });
}

function keyRole(e: CertificatesEvidence): Observation {
  return withEncryption(e, (runs) => {
    const modern = runs.filter((r) => r.id === 'tls12-ecdhe' || r.id === 'tls13');
    if (modern.length === 0) return { status: 'unverifiable', reason: 'no ECDHE or TLS 1.3 capture was recorded' };
    const keyUseless = modern.every((r) => r.decryptedWithServerKey === false);
    return {
      status: 'observed',
      value: keyUseless ? 'it signs the handshake, proving the server holds the private key' : 'it encrypts the premaster secret',
      summary: `the certificate's private key could not decrypt the ${modern.map((r) => r.label).join(' or ')} captures, so there it transports no key; it only signs the key exchange (${decryptSummary(runs)}).`,
      data: runs,
    };
  });
}

function rsaRun(e: CertificatesEvidence, read: (rsa: EncryptionRun, runs: EncryptionRun[]) => Observation): Observation {
  return withEncryption(e, (runs) => {
    const rsa = runs.find((r) => r.id === 'tls12-rsa');
    return rsa ? read(rsa, runs) : { status: 'unverifiable', reason: 'no TLS 1.2 RSA key exchange capture was recorded' };
  });
}

export const observers: Partial<Record<string, Observer<CertificatesEvidence>>> = {
  'cert.purpose-authentication': authentication,
  'cert.trust-chain': trustChain,
  'cert.self-signed': rejection('self-signed', 'rejected unless explicitly trusted', 'accepted by default', (x) => `a self-signed certificate for ${x.client.servername} (issuer = subject = ${x.serverCertificate.subject})`),
  'cert.untrusted-ca': rejection('default-trust-store', 'rejected unless its CA is added to the trust store', 'accepted anyway', (x) => `a certificate from the lab CA offered to a client that trusts only ${x.client.trusts}`),
  'cert.hostname': rejection('wrong-hostname', 'the client checks the name and rejects a mismatch', 'a mismatch is accepted', (x) => `a valid certificate for ${x.serverCertificate.subjectAltNames.join(', ')} when the client asked for ${x.client.servername}`),
  'cert.expired': rejection('expired', 'rejected', 'still accepted', (x) => `a certificate from the trusted lab CA whose notAfter (${x.serverCertificate.notAfter}) had passed`),
  'cert.client-authentication': rejection('client-certificate-missing', 'a server can also require a client certificate (mutual TLS)', 'only servers have certificates', () => 'a server that requires a client certificate, and a client that sends none'),
  'cert.bulk-encryption': bulkEncryption,
  'cert.key-role': keyRole,
  'cert.rsa-key-exchange': (e) =>
    rsaRun(e, (rsa, runs) => ({
      status: 'observed',
      value: rsa.decryptedWithServerKey ? "the client encrypts the premaster secret with the certificate's public key" : 'the premaster secret is encrypted with the private key',
      summary: `with only the certificate's private key tshark ${rsa.decryptedWithServerKey ? 'decrypted' : 'could not decrypt'} the ${rsa.label} capture (${rsa.cipher}): the premaster secret travelled encrypted to the certificate's public key.`,
      data: runs,
    })),
  'cert.key-compromise-rsa': (e) =>
    rsaRun(e, (rsa, runs) => ({
      status: 'observed',
      value: rsa.decryptedWithServerKey ? 'yes: the private key recovers the premaster secret and so the session' : 'no',
      summary: `tshark, given only the server's private key, ${rsa.decryptedWithServerKey ? 'decrypted' : 'could not decrypt'} the recorded ${rsa.label} session.`,
      data: runs,
    })),
  'cert.key-compromise-fs': (e) =>
    withEncryption(e, (runs) => {
      const modern = runs.filter((r) => r.id === 'tls12-ecdhe' || r.id === 'tls13');
      if (modern.length === 0) return { status: 'unverifiable', reason: 'no ECDHE or TLS 1.3 capture was recorded' };
      const safe = modern.every((r) => r.decryptedWithServerKey === false && r.decryptedWithSessionKeys === true);
      return {
        status: 'observed',
        value: safe ? 'no: forward secrecy, the session keys never travel' : 'yes: the private key decrypts recorded traffic',
        summary: `tshark, given only the server's private key, ${safe ? 'decrypted none' : 'decrypted some'} of the recorded ${modern.map((r) => r.label).join(' and ')} sessions, which the session keys did decrypt.`,
        data: runs,
      };
    }),
};
