import type { HandshakesEvidence, TlsMessage, TlsRun } from '../../../checks/handshakes/evidence.ts';
import { isRecord, label, MAX_STEPS, sourceComment, type Diagram } from './diagram.ts';

/**
 * One sequence diagram per captured TLS run (1.2 ECDHE, 1.2 RSA, 1.3, and their client-certificate runs), the
 * messages in captured order, the encrypted ones marked. Resumed sessions are left to the JSON results: they
 * repeat a run already drawn. Without a capture (message sequence unknown) there is nothing to draw.
 */
export function tlsHandshakeDiagrams(evidence: unknown): Diagram[] {
  if (!isRecord(evidence) || !isRecord(evidence.tls)) return [];
  const tls = (evidence as unknown as HandshakesEvidence).tls;
  if (tls.status !== 'observed' || tls.messageSource !== 'capture') return [];
  const collectedAt = typeof evidence.collectedAt === 'string' ? evidence.collectedAt : 'unknown time';
  return tls.runs.filter((r) => !r.resumed && r.messages.length > 0).map((r) => runDiagram(r, collectedAt));
}

function runDiagram(run: TlsRun, collectedAt: string): Diagram {
  const steps = fitSteps(run.messages, MAX_STEPS - 1);
  const lines = [
    'sequenceDiagram',
    '  participant C as client',
    '  participant S as server',
    `  Note over C,S: ${label(`${run.negotiated.protocol} · ${run.negotiated.standardCipher ?? run.negotiated.cipher}${run.ephemeralKey ? ` · ${run.ephemeralKey}` : ''}`)}`,
    ...steps.map((s) => `  ${s.direction === 'client→server' ? 'C->>S' : 'S->>C'}: ${label(s.text)}`),
  ];
  const encrypted = run.messages.filter((m) => m.encrypted).length;
  const source = `handshakes lab: run "${run.label}" captured with tcpdump and decoded by tshark with the session's key log (${run.messages.length} records, ${encrypted} encrypted, marked so), collected ${collectedAt}.`;
  lines.push(sourceComment(source));
  return { id: `tls-${run.id}`, title: `TLS handshake: ${run.label}`, mermaid: lines.join('\n'), source };
}

interface Step {
  direction: TlsMessage['direction'];
  text: string;
}

/**
 * Each message is a step; a run longer than the limit groups consecutive messages of one sender into one arrow,
 * and what still does not fit is counted in a last arrow rather than drawn.
 */
function fitSteps(messages: readonly TlsMessage[], max: number): Step[] {
  const single = messages.map((m) => ({ direction: m.direction, text: messageText(m) }));
  if (single.length <= max) return single;
  const grouped: Step[] = [];
  for (const step of single) {
    const last = grouped.at(-1);
    if (last && last.direction === step.direction) last.text = `${last.text}, ${step.text}`;
    else grouped.push({ ...step });
  }
  if (grouped.length <= max) return grouped;
  const rest = grouped.slice(max - 1);
  const records = rest.reduce((n, s) => n + s.text.split(', ').length, 0);
  return [...grouped.slice(0, max - 1), { direction: rest[0].direction, text: `… ${records} more records (in the JSON results)` }];
}

/** Marked in words, not only with a symbol: a viewer without an emoji font still sees which records were encrypted. */
function messageText(m: TlsMessage): string {
  return m.encrypted ? `${m.name} (encrypted)` : m.name;
}
