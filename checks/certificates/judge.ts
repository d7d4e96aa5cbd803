/** Judges the reasons the learner gives for using a TLS certificate against the validation and capture experiments. */
import type { ExpectedFact, RuleOutcome, StatementRule } from '../../src/model/judge-answer.ts';
import type { EvidenceItem, Source } from '../../src/model/types.ts';
import type { CertificatesEvidence, EncryptionObservation, NotObserved, ValidationExperiment } from './evidence.ts';

export const SOURCES = {
  rfc5280Validation: { title: 'RFC 5280 §6 Certification Path Validation', url: 'https://www.rfc-editor.org/rfc/rfc5280#section-6' },
  rfc5280Validity: { title: 'RFC 5280 §4.1.2.5 Validity', url: 'https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5' },
  rfc6125: { title: 'RFC 6125 Service Identity in TLS (hostname checks)', url: 'https://www.rfc-editor.org/rfc/rfc6125' },
  rfc8446Overview: { title: 'RFC 8446 §1.2 / §2 TLS 1.3: authentication, confidentiality, integrity', url: 'https://www.rfc-editor.org/rfc/rfc8446#section-2' },
  rfc8446Records: { title: 'RFC 8446 §5.2 Record Payload Protection (AEAD)', url: 'https://www.rfc-editor.org/rfc/rfc8446#section-5.2' },
  rfc5246Rsa: { title: 'RFC 5246 §7.4.7.1 RSA-Encrypted Premaster Secret Message', url: 'https://www.rfc-editor.org/rfc/rfc5246#section-7.4.7.1' },
  nodeTlsErrors: { title: 'Node.js tls: X509 certificate error codes', url: 'https://nodejs.org/docs/latest-v20.x/api/tls.html#x509-certificate-error-codes' },
  pciDss: { title: 'PCI DSS v4.0.1 Requirement 4.2.1 (strong cryptography for cardholder data in transit)', url: 'https://www.pcisecuritystandards.org/standards/pci-dss/' },
} satisfies Record<string, Source>;

function unavailable(part: { status: string }, what: string, sources: Source[], aspect?: string): RuleOutcome | undefined {
  if (part.status === 'observed') return undefined;
  const reason = (part as NotObserved).reason;
  return {
    ...(aspect ? { aspect } : {}),
    verdict: part.status === 'error' ? 'error' : 'unverifiable',
    explanation: `${what} could not be observed here: ${reason} Run the lab as root on Linux with tcpdump and tshark to decide this.`,
    evidence: [{ kind: 'not-observed', summary: reason }],
    sources,
  };
}

const experiments = (e: CertificatesEvidence): ValidationExperiment[] => (e.validation.status === 'observed' ? (e.validation as { experiments: ValidationExperiment[] }).experiments : []);

function validationItems(list: readonly ValidationExperiment[]): EvidenceItem[] {
  return list.map((x) => ({
    kind: 'certificate-validation',
    summary: `${x.description} → ${x.outcome}${x.errorCode ? ` (${x.errorCode})` : ''}`,
    data: x,
  }));
}

function encryptionItems(obs: EncryptionObservation): EvidenceItem[] {
  return obs.runs.map((r) => ({
    kind: 'capture-decryption',
    summary:
      r.id === 'plain-tcp'
        ? `plain TCP: secret readable in the capture: ${r.plaintextInCapture}`
        : `${r.label} (${r.cipher}): secret in capture: ${r.plaintextInCapture}; decrypted with the certificate's private key: ${r.decryptedWithServerKey}; with the session key log: ${r.decryptedWithSessionKeys}`,
    data: r,
  }));
}

const byId = (list: readonly ValidationExperiment[], id: ValidationExperiment['id']) => list.find((x) => x.id === id);

function judgeIdentity(evidence: CertificatesEvidence, aspect: string): RuleOutcome {
  const missing = unavailable(evidence.validation, 'Certificate validation', [SOURCES.rfc5280Validation], aspect);
  if (missing) return missing;
  const list = experiments(evidence);
  const accepted = byId(list, 'trusted-chain');
  const rejections = list.filter((x) => x.id !== 'trusted-chain');
  const ok = accepted?.outcome === 'accepted' && rejections.every((x) => x.outcome === 'rejected');
  return {
    aspect,
    verdict: ok ? 'confirmed' : 'contradicted',
    explanation: ok
      ? `The client accepted the server only when its certificate chained to a CA it trusts, was in date and named the host it asked for; each other case failed with a real error (${rejections.map((x) => `${x.id}: ${x.errorCode}`).join(', ')}). With a required client certificate the server also authenticates the client.`
      : `The validation experiments did not behave as authentication requires: ${list.map((x) => `${x.id} → ${x.outcome}`).join(', ')}.`,
    evidence: validationItems(list),
    sources: [SOURCES.rfc5280Validation, SOURCES.rfc6125, SOURCES.nodeTlsErrors],
  };
}

export const certificateRules: StatementRule<CertificatesEvidence>[] = [
  {
    id: 'certificate-authentication',
    about: /authenticat|identity/i,
    judge(statement, evidence) {
      const outcomes = [judgeIdentity(evidence, 'identity')];
      if (/intercept|eavesdrop|third party|read/i.test(statement)) {
        outcomes.push({
          aspect: 'interception',
          verdict: 'imprecise',
          explanation: 'Authentication stops a third party from impersonating the server (the self-signed and wrong-hostname servers were refused), but it does not by itself keep data from being read: that is the encryption with session keys from the key exchange. Both are needed against interception.',
          evidence: validationItems(experiments(evidence).filter((x) => x.id === 'self-signed' || x.id === 'wrong-hostname')),
          sources: [SOURCES.rfc8446Overview],
        });
      }
      return outcomes;
    },
  },
  {
    id: 'certificate-encryption',
    about: /encrypt/i,
    judge(statement, evidence) {
      const missing = unavailable(evidence.encryption, 'The encryption capture', [SOURCES.rfc8446Records], 'encryption');
      if (missing) return missing;
      const obs = evidence.encryption as EncryptionObservation;
      const tlsRuns = obs.runs.filter((r) => r.id !== 'plain-tcp');
      const control = obs.runs.find((r) => r.id === 'plain-tcp');
      const ecdheResists = tlsRuns.filter((r) => r.id !== 'tls12-rsa').every((r) => r.decryptedWithServerKey === false && r.decryptedWithSessionKeys === true);
      const rsa = tlsRuns.find((r) => r.id === 'tls12-rsa');
      const outcomes: RuleOutcome[] = [];
      if (/certificate[^.]*\bencrypts?\b/i.test(statement)) {
        outcomes.push({
          aspect: 'who encrypts',
          verdict: ecdheResists ? 'contradicted' : 'imprecise',
          explanation: ecdheResists
            ? `The certificate does not encrypt the traffic. Symmetric session keys agreed in the key exchange do (the negotiated ciphers were ${tlsRuns.map((r) => r.cipher).join(', ')}): tshark decrypted every TLS session with the session key log, but with only the certificate's private key it decrypted none of the ECDHE/TLS 1.3 sessions. ${rsa?.decryptedWithServerKey ? 'Only the legacy TLS 1.2 RSA key exchange, where the client encrypts the premaster secret to the certificate\'s key, could be decrypted with it, which is why TLS 1.3 removed it.' : ''} The certificate's key signs (authenticates) the key exchange.`
            : 'The capture could not separate the certificate key from the session keys.',
          evidence: encryptionItems(obs),
          sources: [SOURCES.rfc8446Overview, SOURCES.rfc8446Records, SOURCES.rfc5246Rsa],
        });
      }
      if (/cannot be (intercepted|read)|unauthori[sz]ed|confidential|read by/i.test(statement)) {
        const hidden = tlsRuns.every((r) => !r.plaintextInCapture) && control?.plaintextInCapture === true;
        outcomes.push({
          aspect: 'confidentiality',
          verdict: hidden ? 'confirmed' : 'contradicted',
          explanation: hidden
            ? `The packets can still be captured, but not read: the secret the server sent appeared verbatim in the plain TCP capture and in none of the ${tlsRuns.length} TLS captures.`
            : 'The secret was readable in a TLS capture.',
          evidence: encryptionItems(obs),
          sources: [SOURCES.rfc8446Records],
        });
      }
      return outcomes.length > 0
        ? outcomes
        : { aspect: 'encryption', verdict: 'confirmed', explanation: 'TLS encrypted every captured session.', evidence: encryptionItems(obs), sources: [SOURCES.rfc8446Records] };
    },
  },
  {
    id: 'certificate-trust',
    about: /\btrust|Certificate Authority|\bCA\b/i,
    judge(statement, evidence) {
      const missing = unavailable(evidence.validation, 'Certificate validation', [SOURCES.rfc5280Validation], 'trust');
      if (missing) return missing;
      const list = experiments(evidence);
      const trusted = byId(list, 'trusted-chain');
      const untrusted = byId(list, 'default-trust-store');
      const selfSigned = byId(list, 'self-signed');
      const ok = trusted?.outcome === 'accepted' && untrusted?.outcome === 'rejected' && selfSigned?.outcome === 'rejected';
      const outcomes: RuleOutcome[] = [
        {
          aspect: 'trust',
          verdict: ok ? 'confirmed' : 'contradicted',
          explanation: ok
            ? `Trust comes from the issuer the client already trusts: the same certificate was accepted by a client that trusts the lab CA and refused (${untrusted?.errorCode}) by one that only has Node's default CA store; a self-signed certificate was refused (${selfSigned?.errorCode}). Public CAs are trusted because they ship in those stores; a private CA works only where you install it.`
            : `The trust experiments did not show this: ${list.map((x) => `${x.id} → ${x.outcome}`).join(', ')}.`,
          evidence: validationItems([trusted, untrusted, selfSigned].filter((x): x is ValidationExperiment => Boolean(x))),
          sources: [SOURCES.rfc5280Validation, SOURCES.nodeTlsErrors],
        },
      ];
      if (/tamper|integrity|modif/i.test(statement)) {
        const ciphers = evidence.encryption.status === 'observed' ? (evidence.encryption as EncryptionObservation).runs.filter((r) => r.id !== 'plain-tcp').map((r) => r.cipher) : [];
        outcomes.push({
          aspect: 'tampering',
          verdict: 'imprecise',
          explanation: `A trusted issuer does not stop tampering with the data in transit. Integrity comes from the record protection: every record carries an authentication tag from the AEAD cipher (${ciphers.join(', ') || 'e.g. AES-GCM'}) keyed by the session keys, and the Finished messages protect the handshake. The CA only vouches for the binding between the server's name and its key.`,
          evidence: ciphers.length ? [{ kind: 'negotiated-ciphers', summary: `AEAD ciphers negotiated: ${ciphers.join(', ')}` }] : [],
          sources: [SOURCES.rfc8446Records],
        });
      }
      return outcomes;
    },
  },
  {
    id: 'certificate-compliance',
    about: /complian|PCI|regulat|HIPAA|GDPR/i,
    judge() {
      return {
        verdict: 'unverifiable',
        explanation: 'A lab cannot measure what a regulation requires. For PCI DSS, requirement 4.2.1 asks for strong cryptography with trusted keys and certificates when cardholder data crosses open, public networks, and for certificates to be valid and not expired or revoked; check the standard itself and your assessor.',
        evidence: [{ kind: 'reference', summary: 'Regulatory requirements are not observable on the wire; see the PCI DSS standard.' }],
        sources: [SOURCES.pciDss],
      };
    },
  },
];

export const certificateFacts: ExpectedFact<CertificatesEvidence>[] = [
  {
    id: 'certificate-hostname',
    fact: 'A certificate is valid only for the names it lists (subjectAltName); the client checks the host name it connects to.',
    mentionedBy: /host ?name|domain|subject ?alt|\bSAN\b|common name/i,
    explain: (evidence) => ({
      explanation: 'The client refused the lab\'s valid certificate when it asked for a name the certificate does not list.',
      evidence: validationItems(experiments(evidence).filter((x) => x.id === 'wrong-hostname')),
      sources: [SOURCES.rfc6125],
    }),
  },
  {
    id: 'certificate-expiry',
    fact: 'Certificates expire and must be renewed before notAfter, or clients refuse the connection.',
    mentionedBy: /expir|renew|rotat|validity|valid (from|until)/i,
    explain: (evidence) => ({
      explanation: 'A certificate from the trusted lab CA, identical except that its notAfter was yesterday, was refused.',
      evidence: validationItems(experiments(evidence).filter((x) => x.id === 'expired')),
      sources: [SOURCES.rfc5280Validity],
    }),
  },
  {
    id: 'session-keys',
    fact: 'The traffic is encrypted with session keys from the key exchange; with (EC)DHE a stolen certificate key cannot decrypt recorded traffic (forward secrecy).',
    mentionedBy: /key exchange|session keys?|forward secrecy|ECDHE|Diffie/i,
    explain: (evidence) => ({
      explanation: 'The answer does not say where the encryption keys come from: only the session key log decrypted the ECDHE and TLS 1.3 captures; the certificate\'s private key did not.',
      evidence: evidence.encryption.status === 'observed' ? encryptionItems(evidence.encryption as EncryptionObservation) : [],
      sources: [SOURCES.rfc8446Overview],
    }),
  },
];
