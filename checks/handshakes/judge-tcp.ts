/** Judges statements about the TCP three-way handshake against the captured segments. */
import type { ExpectedFact, RuleOutcome, StatementRule } from '../../src/model/judge-answer.ts';
import type { HandshakesEvidence, SegmentView, TcpHandshakeObservation } from './evidence.ts';
import { notObserved } from './judge-support.ts';
import { SOURCES } from './sources.ts';

const sources = [SOURCES.rfc9293Handshake];
const flagName = (s: SegmentView) => (s.flags.includes('SYN') && s.flags.includes('ACK') ? 'SYN-ACK' : s.flags.includes('SYN') ? 'SYN' : s.flags.includes('ACK') ? 'ACK' : s.flags.join('+'));

interface HandshakeCheck {
  ok: boolean;
  order: string[];
  failures: { path: string; message: string }[];
}

/** Whether the first three segments are SYN c→s, SYN-ACK s→c, ACK c→s, each acknowledging the other side's ISN + 1. */
export function checkThreeWayHandshake(obs: TcpHandshakeObservation): HandshakeCheck {
  const [syn, synAck, ack] = obs.segments;
  const failures: HandshakeCheck['failures'] = [];
  const expect = (cond: boolean, path: string, message: string) => cond || failures.push({ path, message });
  expect(syn !== undefined && flagName(syn) === 'SYN' && syn.direction === 'client→server', 'segment 1', 'expected SYN from the client');
  expect(synAck !== undefined && flagName(synAck) === 'SYN-ACK' && synAck.direction === 'server→client', 'segment 2', 'expected SYN-ACK from the server');
  expect(ack !== undefined && flagName(ack) === 'ACK' && ack.direction === 'client→server' && ack.length === 0, 'segment 3', 'expected a bare ACK from the client');
  if (syn && synAck && ack) {
    expect(synAck.rawAck === (syn.rawSeq + 1) % 2 ** 32, 'segment 2 ack', `SYN-ACK acknowledges ${synAck.rawAck}, not client ISN ${syn.rawSeq} + 1`);
    expect(ack.rawAck === (synAck.rawSeq + 1) % 2 ** 32, 'segment 3 ack', `ACK acknowledges ${ack.rawAck}, not server ISN ${synAck.rawSeq} + 1`);
  }
  return { ok: failures.length === 0, order: obs.segments.slice(0, 3).map(flagName), failures };
}

function handshakeEvidence(obs: TcpHandshakeObservation) {
  const firstData = obs.segments.find((s) => s.length > 0);
  return [
    {
      kind: 'tcp-segments',
      summary: obs.segments
        .slice(0, 3)
        .map((s) => `${s.direction === 'client→server' ? 'client→server' : 'server→client'} ${flagName(s)} seq=${s.rawSeq}${s.flags.includes('ACK') ? ` ack=${s.rawAck}` : ''}`)
        .join('; ') + (firstData ? `; first data (${firstData.length} bytes) at ${firstData.ms} ms, after the handshake` : ''),
      data: { client: obs.client, server: obs.server, segments: obs.segments },
    },
  ];
}

/** Order the learner writes the three steps in, from the statement text. */
export function listedHandshakeSteps(statement: string): string[] {
  return [...statement.matchAll(/\bSYN[-\s/]?ACK\b|\bSYN\b|\bACK\b/gi)].map((m) => (/SYN.+ACK/i.test(m[0]) ? 'SYN-ACK' : m[0].toUpperCase()));
}

function tcp(evidence: HandshakesEvidence, aspect?: string): { obs?: TcpHandshakeObservation; unavailable?: RuleOutcome } {
  const unavailable = notObserved(evidence.tcpHandshake, 'The TCP handshake', sources, aspect);
  return unavailable ? { unavailable } : { obs: evidence.tcpHandshake as TcpHandshakeObservation };
}

export const tcpRules: StatementRule<HandshakesEvidence>[] = [
  {
    id: 'tcp-handshake-steps',
    about: /\bSYN\b/i,
    judge(statement, evidence) {
      const { obs, unavailable } = tcp(evidence);
      if (!obs) return unavailable!;
      const check = checkThreeWayHandshake(obs);
      const listed = listedHandshakeSteps(statement);
      const sameOrder = listed.join(',') === check.order.join(',');
      return {
        verdict: check.ok && sameOrder ? 'confirmed' : 'contradicted',
        explanation: sameOrder && check.ok
          ? `The capture shows exactly this order: the client sends SYN with its initial sequence number, the server answers SYN-ACK (its own ISN, acknowledging the client's ISN + 1), and the client's ACK acknowledges the server's ISN + 1. Only then does data flow.`
          : `You list ${listed.join(', ') || 'no steps'}, but the capture shows ${check.order.join(', ')}${check.failures.length ? ` (${check.failures.map((f) => f.message).join('; ')})` : ''}.`,
        evidence: handshakeEvidence(obs),
        sources,
        ...(check.failures.length ? { failures: check.failures } : {}),
      };
    },
  },
  {
    id: 'tcp-handshake-purpose',
    about: /^(?!.*\bSYN\b).*(TCP handshake|three[- ]way)/i,
    judge(_statement, evidence) {
      const { obs, unavailable } = tcp(evidence);
      if (!obs) return unavailable!;
      const check = checkThreeWayHandshake(obs);
      return {
        verdict: check.ok ? 'confirmed' : 'contradicted',
        explanation: check.ok
          ? 'Three segments open the connection before any data: each side announces its initial sequence number (synchronises) and acknowledges the other\'s, so both directions are established.'
          : `The captured connection did not open with a three-way handshake: ${check.failures.map((f) => f.message).join('; ')}.`,
        evidence: handshakeEvidence(obs),
        sources,
      };
    },
  },
];

export const tcpFacts: ExpectedFact<HandshakesEvidence>[] = [
  {
    id: 'tcp-handshake-roles',
    fact: 'Who sends which segment (client SYN, server SYN-ACK, client ACK) and that each side acknowledges the other\'s initial sequence number + 1.',
    mentionedBy: /(client|initiator)[^.]*\bSYN\b|server[^.]*SYN[- ]?ACK|sequence number/i,
    explain(evidence) {
      const obs = evidence.tcpHandshake.status === 'observed' ? (evidence.tcpHandshake as TcpHandshakeObservation) : undefined;
      return {
        explanation: 'The answer names the three segments but not their roles: the client opens with SYN (its ISN), the server replies SYN-ACK (its own ISN, ack = client ISN + 1), the client completes with ACK (ack = server ISN + 1). The sequence numbers are what the handshake synchronises.',
        evidence: obs ? handshakeEvidence(obs) : [],
        sources,
      };
    },
  },
];
