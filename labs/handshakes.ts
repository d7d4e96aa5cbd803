/**
 * Lab `handshakes`: the connection question (sessions, TCP handshake, TLS handshake, TCP keepalive), judged
 * against packets captured on loopback and in network namespaces the lab creates and removes.
 */
import { handshakesClaims } from '../checks/handshakes/claims.ts';
import type { Lab } from '../src/lab-api/lab.ts';
import type { HandshakesEvidence } from '../checks/handshakes/evidence.ts';

const lab: Lab<HandshakesEvidence> = {
  id: 'handshakes',
  title: 'TCP and TLS handshakes, keepalive and sessions, captured on the wire',
  kind: 'local',
  tools: ['tcpdump', 'tshark', 'ip', 'iptables'],
  claims: handshakesClaims,
  questions: [
    {
      id: 'connection',
      title: 'Connection sessions, TCP handshake, TLS handshake, TCP keepalive',
    },
  ],
  // Collectors load on use, so judging-only paths (and other labs' runs) do not pay for them.
  collect: async (ctx) => (await import('../checks/handshakes/collect.ts')).collectHandshakesEvidence(ctx),
};

export default lab;
