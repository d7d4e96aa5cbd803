/**
 * Lab `handshakes`: the connection question (sessions, TCP handshake, TLS handshake, TCP keepalive), judged
 * against packets captured on loopback and in network namespaces the lab creates and removes.
 */
import type { Lab } from '../src/labs/lab.ts';
import { judgeAnswer } from '../src/model/judge-answer.ts';
import type { HandshakesEvidence } from '../checks/handshakes/evidence.ts';
import { keepaliveFacts, keepaliveRules } from '../checks/handshakes/judge-keepalive.ts';
import { sessionFacts, sessionRules } from '../checks/handshakes/judge-sessions.ts';
import { tcpFacts, tcpRules } from '../checks/handshakes/judge-tcp.ts';
import { tlsFacts, tlsRules } from '../checks/handshakes/judge-tls.ts';

const lab: Lab<HandshakesEvidence> = {
  id: 'handshakes',
  title: 'TCP and TLS handshakes, keepalive and sessions, captured on the wire',
  kind: 'local',
  tools: ['tcpdump', 'tshark', 'ip', 'iptables'],
  questions: [
    {
      id: 'connection',
      title: 'Connection sessions, TCP handshake, TLS handshake, TCP keepalive',
      signature: [
        [/\bTCP\b[^\n]*handshake|three[- ]way/i, /handshake/i],
        [/\bTLS\b|\bSSL\b/i],
        [/keep-?\s?alive/i],
        [/session/i, /client[^\n]*server/i, /connection/i],
      ],
      judge: (statements, evidence) =>
        judgeAnswer(
          statements,
          evidence,
          [...tcpRules, ...tlsRules, ...keepaliveRules, ...sessionRules],
          [...tcpFacts, ...tlsFacts, ...keepaliveFacts, ...sessionFacts],
        ),
    },
  ],
  // Collectors load on use, so judging-only paths (and other labs' runs) do not pay for them.
  collect: async (ctx) => (await import('../checks/handshakes/collect.ts')).collectHandshakesEvidence(ctx),
};

export default lab;
