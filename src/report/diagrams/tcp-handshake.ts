import type { HandshakesEvidence, SegmentView } from '../../../checks/handshakes/evidence.ts';
import { isRecord, label, MAX_STEPS, sourceComment, type Diagram } from './diagram.ts';

/**
 * The captured TCP connection as a sequence diagram: each segment in capture order with its flags and relative
 * seq/ack. No capture, no diagram.
 */
export function tcpHandshakeDiagram(evidence: unknown): Diagram | undefined {
  if (!isRecord(evidence) || !isRecord(evidence.tcpHandshake)) return undefined;
  const tcp = (evidence as unknown as HandshakesEvidence).tcpHandshake;
  if (tcp.status !== 'observed' || tcp.segments.length === 0) return undefined;
  const segments = tcp.segments;
  // Leaves room for the handshake note and the "more segments" note.
  const shown = segments.slice(0, MAX_STEPS - 2);
  const lines = [
    'sequenceDiagram',
    `  participant C as client ${label(tcp.client)}`,
    `  participant S as server ${label(tcp.server)}`,
  ];
  shown.forEach((s, i) => {
    lines.push(`  ${s.direction === 'client→server' ? 'C->>S' : 'S->>C'}: ${segmentText(s)}`);
    if (i === 2 && isThreeWayHandshake(segments)) lines.push('  Note over C,S: 3-way handshake complete: connection established');
  });
  if (segments.length > shown.length) lines.push(`  Note over C,S: ${segments.length - shown.length} more segments in the JSON results`);
  const collectedAt = typeof evidence.collectedAt === 'string' ? evidence.collectedAt : 'unknown time';
  const source = `handshakes lab: tcpdump capture decoded by tshark on this machine (${segments.length} segments of one connection, seq/ack relative to each side's initial sequence number), collected ${collectedAt}.`;
  lines.push(sourceComment(source));
  return { id: 'tcp-handshake', title: 'TCP connection as captured', mermaid: lines.join('\n'), source };
}

function segmentText(s: SegmentView): string {
  const parts = [s.flags.join('+'), `seq=${s.seq}`];
  if (s.flags.includes('ACK')) parts.push(`ack=${s.ack}`);
  if (s.length > 0) parts.push(`len=${s.length}`);
  parts.push(`(+${s.ms} ms)`);
  return label(parts.join(' '));
}

function isThreeWayHandshake(segments: readonly SegmentView[]): boolean {
  const flags = segments.slice(0, 3).map((s) => [...s.flags].sort().join('+'));
  return flags.join(' ') === 'SYN ACK+SYN ACK';
}
