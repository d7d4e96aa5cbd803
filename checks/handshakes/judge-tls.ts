/** Judges the TLS handshake statements: every message the learner lists, against the decoded runs. */
import type { ExpectedFact, RuleOutcome, StatementRule } from '../../src/model/judge-answer.ts';
import type { EvidenceItem } from '../../src/model/types.ts';
import type { HandshakesEvidence, TlsObservation, TlsRun } from './evidence.ts';
import { ids, messageLine, notObserved, runEvidence } from './judge-support.ts';
import { SOURCES } from './sources.ts';

const sources12and13 = [SOURCES.rfc5246Handshake, SOURCES.rfc8446Handshake];

/** How learners write each message, and why it appears where it does (shown when it does not appear everywhere). */
const MESSAGES: { name: string; written: RegExp; why: string }[] = [
  { name: 'ServerHelloDone', written: /Server\s*Hello\s*Done/i, why: 'TLS 1.2 only: the server ends its first flight with it; TLS 1.3 has no such message.' },
  { name: 'ClientHello', written: /Client\s*Hello/i, why: 'Every handshake starts with it.' },
  { name: 'ServerHello', written: /Server\s*Hello(?!\s*Done)/i, why: 'Every handshake has it; in TLS 1.3 it is the last handshake message sent in clear text.' },
  { name: 'EncryptedExtensions', written: /Encrypted\s*Extensions/i, why: 'TLS 1.3 only, the first message protected with handshake keys.' },
  { name: 'CertificateRequest', written: /Certificate\s*Request/i, why: 'Only when the server asks the client for a certificate (mutual TLS).' },
  { name: 'CertificateVerify', written: /Certificate\s*Verify/i, why: 'TLS 1.2: only the client sends it, and only when it presents a client certificate (RSA and ECDHE alike). TLS 1.3: the server always sends it (a signature over the handshake transcript), the client only with a client certificate. Resumed handshakes have none.' },
  { name: 'Certificate', written: /\bCertificate\b(?!\s*(Verify|Request))/i, why: 'The server sends its certificate chain in every full handshake (encrypted in TLS 1.3); a resumed handshake skips it; the client sends one only when asked.' },
  { name: 'ServerKeyExchange', written: /Server\s*Key\s*Exchange/i, why: 'TLS 1.2 with (EC)DHE only: it carries the server\'s ephemeral key share, signed with the certificate key. With RSA key exchange there is none (the client encrypts the premaster secret to the certificate\'s RSA key), and TLS 1.3 never has it (key shares travel in the hellos).' },
  { name: 'ClientKeyExchange', written: /Client\s*Key\s*Exchange/i, why: 'TLS 1.2 only (ECDHE public key or RSA-encrypted premaster secret); TLS 1.3 sends its key_share inside ClientHello.' },
  { name: 'ChangeCipherSpec', written: /Change\s*Cipher\s*Spec/i, why: 'TLS 1.2: each side switches to the negotiated keys with it. TLS 1.3: a dummy record sent only for middlebox compatibility (RFC 8446 D.4), never encrypted, ignored by the peer.' },
  { name: 'Finished', written: /\bFinished\b/i, why: 'Both sides, every handshake: a MAC over the transcript, protected by the new keys.' },
  { name: 'NewSessionTicket', written: /Session\s*Ticket/i, why: 'Sent by the server after (1.3) or during (1.2) the handshake so the client can resume later.' },
];

/** Messages the learner lists, in their order; a bare "Hello" stands for ClientHello and ServerHello. */
export function listedTlsMessages(statement: string): string[] {
  const found: { at: number; names: string[] }[] = [];
  let rest = statement;
  for (const m of MESSAGES) {
    const re = new RegExp(m.written.source, 'gi');
    rest = rest.replace(re, (match, ...args) => {
      const at = args.find((a) => typeof a === 'number') as number;
      found.push({ at, names: [m.name] });
      return ' '.repeat(match.length);
    });
  }
  for (const match of rest.matchAll(/\bHello\b/gi)) found.push({ at: match.index ?? 0, names: ['ClientHello', 'ServerHello'] });
  return found.sort((a, b) => a.at - b.at).flatMap((f) => f.names);
}

function tlsObservation(evidence: HandshakesEvidence, aspect?: string): { obs?: TlsObservation; unavailable?: RuleOutcome } {
  const unavailable = notObserved(evidence.tls, 'The TLS handshakes', sources12and13, aspect);
  if (unavailable) return { unavailable };
  const obs = evidence.tls as TlsObservation;
  if (obs.messageSource !== 'capture') {
    return {
      unavailable: {
        ...(aspect ? { aspect } : {}),
        verdict: 'unverifiable',
        explanation: `The handshake messages were not captured (${obs.messageSourceReason ?? 'no capture'}); Node only reports the negotiated protocol and cipher. Run the lab as root with tcpdump and tshark to decide this.`,
        evidence: obs.runs.map((r) => ({ kind: 'tls-run', summary: `${r.label}: ${r.negotiated.protocol} ${r.negotiated.cipher}` })),
        sources: sources12and13,
      },
    };
  }
  return { obs };
}

function judgeMessage(name: string, obs: TlsObservation): RuleOutcome {
  const full = obs.runs.filter((r) => !r.resumed);
  const present = full.filter((r) => r.messages.some((m) => m.name === name));
  const absent = full.filter((r) => !present.includes(r));
  const senders = new Set(present.flatMap((r) => r.messages.filter((m) => m.name === name).map((m) => `${r.id}: ${m.direction}${m.encrypted ? ' (encrypted)' : ''}`)));
  const why = MESSAGES.find((m) => m.name === name)?.why ?? '';
  const verdict = absent.length === 0 ? 'confirmed' : present.length === 0 ? 'contradicted' : 'imprecise';
  const where =
    verdict === 'confirmed'
      ? `Seen in every full handshake captured (${ids(full)}).`
      : verdict === 'contradicted'
        ? `Not seen in any captured handshake (${ids(full)}).`
        : `Seen only in ${ids(present)}; absent from ${ids(absent)}.`;
  const evidence: EvidenceItem[] = [
    { kind: 'tls-message', summary: `${name}: ${where}`, data: { present: present.map((r) => r.id), absent: absent.map((r) => r.id), senders: [...senders] } },
    ...runEvidence(verdict === 'confirmed' ? full.slice(0, 2) : [...present.slice(0, 1), ...absent.slice(0, 1)]),
  ];
  const sources = name === 'ChangeCipherSpec' ? [...sources12and13, SOURCES.rfc8446Compat] : sources12and13;
  return { aspect: name, verdict, explanation: `${where} ${why}`.trim(), evidence, sources };
}

function isSubsequence(listed: string[], observed: string[]): boolean {
  let i = 0;
  for (const name of observed) if (name === listed[i]) i++;
  return i === listed.length;
}

function judgeOrder(listed: string[], obs: TlsObservation): RuleOutcome {
  const unique = listed.filter((n, i) => listed.indexOf(n) === i);
  const full = obs.runs.filter((r) => !r.resumed);
  const matching = full.filter((r) => isSubsequence(unique, r.messages.map((m) => m.name)));
  return {
    aspect: 'order',
    verdict: matching.length > 0 ? 'confirmed' : 'imprecise',
    explanation:
      matching.length > 0
        ? `Your order matches the captured sequence of ${ids(matching)}; other configurations leave some of these messages out.`
        : `No captured handshake has these messages in this order (${unique.join(' → ')}).`,
    evidence: runEvidence(matching.length > 0 ? matching.slice(0, 1) : full.slice(0, 2)),
    sources: sources12and13,
  };
}

const clientAuthRuns = (obs: TlsObservation) => ({
  withCert: obs.runs.filter((r) => r.requested.clientCertificate),
  withoutCert: obs.runs.filter((r) => !r.requested.clientCertificate && !r.resumed),
});

export const tlsRules: StatementRule<HandshakesEvidence>[] = [
  {
    id: 'tls-handshake-messages',
    about: /Hello|Key\s*Exchange|Change\s*Cipher|Certificate\s*Verify|\bFinished\b/i,
    judge(statement, evidence) {
      const listed = listedTlsMessages(statement);
      const { obs, unavailable } = tlsObservation(evidence, 'messages');
      if (!obs) return unavailable!;
      const unique = listed.filter((n, i) => listed.indexOf(n) === i);
      return [...unique.map((name) => judgeMessage(name, obs)), ...(unique.length > 1 ? [judgeOrder(listed, obs)] : [])];
    },
  },
  {
    id: 'tls-handshake-purpose',
    about: /^(?!.*(Hello|Key\s*Exchange|Finished|Cipher\s*Spec)).*TLS handshake/i,
    judge(statement, evidence) {
      const unavailable = notObserved(evidence.tls, 'The TLS handshakes', sources12and13);
      if (unavailable) return unavailable;
      const obs = evidence.tls as TlsObservation;
      const { withCert, withoutCert } = clientAuthRuns(obs);
      const negotiated = obs.runs.map((r) => ({ kind: 'tls-run', summary: `${r.label}: negotiated ${r.negotiated.protocol} ${r.negotiated.cipher}${r.ephemeralKey ? ` with ${r.ephemeralKey}` : ''}; client certificate sent: ${r.clientCertificateSent}` }));
      if (/both\s+(the\s+)?client\s+and\s+(the\s+)?server|mutual/i.test(statement)) {
        const clientOnlyWhenAsked = withoutCert.every((r) => !r.clientCertificateSent) && withCert.every((r) => r.clientCertificateSent);
        return {
          verdict: clientOnlyWhenAsked ? 'imprecise' : 'confirmed',
          explanation: clientOnlyWhenAsked
            ? `The handshake negotiates version and cipher and establishes keys, but it authenticates the server only, unless the server asks for a client certificate: in ${ids(withoutCert)} no client certificate was sent; only ${ids(withCert)} (server configured with requestCert) authenticated the client too.`
            : 'Client certificates were sent in every run, so both sides were authenticated here.',
          evidence: negotiated,
          sources: [...sources12and13, SOURCES.nodeTlsSession],
        };
      }
      const appData = obs.runs.flatMap((r) => r.messages.filter((m) => m.name === 'ApplicationData'));
      const allEncrypted = appData.length > 0 && appData.every((m) => m.encrypted);
      return {
        verdict: 'confirmed',
        explanation: `Every run agreed on a protocol version and cipher suite and derived keys before any application data; ${obs.messageSource !== 'capture' ? 'Node reported the negotiated parameters for every run' : allEncrypted ? `all ${appData.length} captured application data records were encrypted` : 'the capture did not show encrypted application data in every run'}.`,
        evidence: negotiated,
        sources: sources12and13,
      };
    },
  },
];

const observedRuns = (evidence: HandshakesEvidence) =>
  evidence.tls.status === 'observed' ? (evidence.tls as TlsObservation).runs.filter((r: TlsRun) => !r.resumed) : [];

export const tlsFacts: ExpectedFact<HandshakesEvidence>[] = [
  {
    id: 'tls12-server-hello-done',
    fact: 'In TLS 1.2 the server ends its first flight with ServerHelloDone (and may send CertificateRequest before it).',
    mentionedBy: /Hello\s*Done/i,
    explain: (evidence) => ({
      explanation: 'The list leaves out ServerHelloDone, which every captured TLS 1.2 handshake has: after it the client knows it is its turn to send its key exchange.',
      evidence: runEvidence(observedRuns(evidence).filter((r) => r.negotiated.protocol === 'TLSv1.2').slice(0, 1)),
      sources: [SOURCES.rfc5246Handshake],
    }),
  },
  {
    id: 'tls13-differences',
    fact: 'TLS 1.3 changes the handshake: key shares in the hellos, no ServerKeyExchange/ClientKeyExchange, EncryptedExtensions, and everything after ServerHello is encrypted.',
    mentionedBy: /Encrypted\s*Extensions|TLS\s*(v?1\.3|version\s*1\.3)/i,
    explain: (evidence) => {
      const runs = observedRuns(evidence).filter((r) => r.negotiated.protocol === 'TLSv1.3');
      return {
        explanation: `The answer describes TLS 1.2 only. In TLS 1.3 (the default in Node and browsers) the key exchange happens in ClientHello/ServerHello, and from EncryptedExtensions on the handshake is encrypted: the capture needed the session's key log to read it. ${runs[0] ? `Captured: ${messageLine(runs[0])}` : ''}`.trim(),
        evidence: runEvidence(runs.slice(0, 1)),
        sources: [SOURCES.rfc8446Handshake],
      };
    },
  },
  {
    id: 'tls-client-auth-optional',
    fact: 'The client is authenticated only when the server sends CertificateRequest (mutual TLS); normally only the server proves its identity.',
    mentionedBy: /Certificate\s*Request|client\s*certificate|mutual|both\s+(the\s+)?client\s+and\s+(the\s+)?server/i,
    explain: (evidence) => ({
      explanation: 'Only the runs whose server requested a client certificate contain CertificateRequest, a client Certificate and a client CertificateVerify.',
      evidence: runEvidence(observedRuns(evidence).filter((r) => r.requested.clientCertificate).slice(0, 2)),
      sources: sources12and13,
    }),
  },
];
