/** Small pure helpers shared by the handshakes judges. */
import type { RuleOutcome } from '../../src/model/judge-answer.ts';
import type { EvidenceItem, Source } from '../../src/model/types.ts';
import type { NotObserved, Observed, TlsRun } from './evidence.ts';

/** Returns the `unverifiable` outcome when the experiment could not run, so a judge never decides on nothing. */
export function notObserved<T>(part: Observed<T>, what: string, sources: Source[], aspect?: string): RuleOutcome | undefined {
  if (part.status === 'observed') return undefined;
  const missing = part as NotObserved;
  return {
    ...(aspect ? { aspect } : {}),
    verdict: missing.status === 'error' ? 'error' : 'unverifiable',
    explanation: `${what} could not be observed on this machine: ${missing.reason} Run the lab as root on Linux with tcpdump, tshark, iproute2 and iptables installed to decide this.`,
    evidence: [{ kind: 'not-observed', summary: missing.reason }],
    sources,
  };
}

export function messageLine(run: TlsRun): string {
  return run.messages.map((m) => `${m.direction === 'client→server' ? 'C' : 'S'}:${m.name}${m.encrypted ? '🔒' : ''}`).join(' ');
}

export function runEvidence(runs: readonly TlsRun[]): EvidenceItem[] {
  return runs.map((run) => ({
    kind: 'tls-handshake',
    summary: `${run.label} (${run.negotiated.protocol} ${run.negotiated.cipher}): ${messageLine(run) || 'no capture'}`,
    data: { id: run.id, negotiated: run.negotiated, messages: run.messages },
  }));
}

export function ids(runs: readonly TlsRun[]): string {
  return runs.map((r) => r.id).join(', ') || 'none';
}
