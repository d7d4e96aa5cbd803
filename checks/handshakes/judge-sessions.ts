/** Judges what the answer says about connection sessions: TCP connection reuse and TLS session resumption. */
import type { ExpectedFact, StatementRule } from '../../src/model/judge-answer.ts';
import type { EvidenceItem } from '../../src/model/types.ts';
import type { HandshakesEvidence, SessionsObservation, TcpHandshakeObservation } from './evidence.ts';
import { notObserved } from './judge-support.ts';
import { SOURCES } from './sources.ts';

const sources = [SOURCES.rfc9112Persistence, SOURCES.rfc8446Resumption, SOURCES.nodeTlsSession];

function items(s: SessionsObservation): EvidenceItem[] {
  return [
    {
      kind: 'http-persistent-connection',
      summary: `${s.http.requests} HTTP requests with keep-alive used ${s.http.connectionsWithKeepAlive} TCP connection (client ports ${[...new Set(s.http.clientPortsWithKeepAlive)].join(', ')}); with "Connection: close" they used ${s.http.connectionsWithClose} (${s.http.source === 'capture' ? 'SYNs counted in the capture' : 'client ports seen by the server'})`,
      data: s.http,
    },
    ...s.tlsResumption.map((r) => ({
      kind: 'tls-resumption',
      summary: `${r.protocol} second connection offered the first one's session: resumed=${r.resumed}${r.certificateSent === null ? '' : `, server certificate sent again: ${r.certificateSent}`}`,
      data: r,
    })),
  ];
}

function sessions(evidence: HandshakesEvidence) {
  const unavailable = notObserved(evidence.sessions, 'Connection sessions', sources);
  return unavailable ? { unavailable } : { obs: evidence.sessions as SessionsObservation };
}

export const sessionRules: StatementRule<HandshakesEvidence>[] = [
  {
    id: 'session-definition',
    about: /session (refers to|means|is (the|a|an|when|where)\b)|period of time[^.]*connection/i,
    judge(_statement, evidence) {
      const { obs, unavailable } = sessions(evidence);
      if (!obs) return unavailable!;
      const reused = obs.http.connectionsWithKeepAlive < obs.http.requests;
      const resumed = obs.tlsResumption.some((r) => r.resumed);
      return {
        verdict: reused || resumed ? 'imprecise' : 'confirmed',
        explanation: `A session is not simply the lifetime of one connection. ${reused ? `One TCP connection carried ${obs.http.requests} HTTP request/response exchanges (a persistent connection outlives each exchange). ` : ''}${resumed ? 'A TLS session outlived its TCP connection: a new connection resumed it and skipped the certificate and full key exchange. ' : ''}Each layer has its own notion: TCP connection, TLS session, HTTP persistent connection, application session (cookie).`,
        evidence: items(obs),
        sources,
      };
    },
  },
  {
    id: 'session-protocols',
    about: /session[^.]*(established|created)[^.]*protocols?/i,
    judge(_statement, evidence) {
      const { obs, unavailable } = sessions(evidence);
      if (!obs) return unavailable!;
      return {
        verdict: 'confirmed',
        explanation: 'The lab saw a session at three layers: a TCP connection, a TLS session (resumable on a new connection) and an HTTP persistent connection carrying several requests. (FTP was not tested.)',
        evidence: items(obs),
        sources,
      };
    },
  },
  {
    id: 'session-termination',
    about: /(terminated|closed)[^.]*(either|both|party|side)/i,
    judge(_statement, evidence) {
      const unavailable = notObserved(evidence.tcpHandshake, 'The TCP connection close', [SOURCES.rfc9293Close]);
      if (unavailable) return unavailable;
      const tcp = evidence.tcpHandshake as TcpHandshakeObservation;
      const fins = tcp.segments.filter((s) => s.flags.includes('FIN'));
      return {
        verdict: fins.length >= 2 ? 'confirmed' : 'unverifiable',
        explanation:
          fins.length >= 2
            ? `Either side may close: here the ${fins[0]!.direction === 'server→client' ? 'server' : 'client'} sent FIN first and the other side answered with its own FIN; each direction is closed separately.`
            : 'The captured connection did not show a complete close.',
        evidence: [{ kind: 'tcp-close', summary: fins.map((f) => `${f.direction} ${f.flags.join('+')} at ${f.ms} ms`).join('; '), data: fins }],
        sources: [SOURCES.rfc9293Close],
      };
    },
  },
];

export const sessionFacts: ExpectedFact<HandshakesEvidence>[] = [
  {
    id: 'persistent-connections',
    fact: 'One TCP connection can carry many requests (HTTP persistent connections / keep-alive), saving a handshake per request.',
    mentionedBy: /persistent|reuse|several requests|multiple requests|many requests/i,
    explain: (evidence) => {
      const { obs } = sessions(evidence);
      return { explanation: 'The answer does not say that a connection is reused for several exchanges, which is why sessions matter for latency.', evidence: obs ? items(obs).slice(0, 1) : [], sources: [SOURCES.rfc9112Persistence] };
    },
  },
  {
    id: 'tls-resumption',
    fact: 'A TLS session can be resumed on a new connection (session ticket / PSK), skipping the certificate and full key exchange.',
    mentionedBy: /resum|session ticket|session id|pre-?shared key|PSK/i,
    explain: (evidence) => {
      const { obs } = sessions(evidence);
      return { explanation: 'The answer does not mention TLS session resumption, the usual meaning of a "session" in TLS.', evidence: obs ? items(obs).slice(1) : [], sources: [SOURCES.rfc8446Resumption, SOURCES.nodeTlsSession] };
    },
  },
];
