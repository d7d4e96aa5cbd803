import type { RuleOutcome } from '../../src/model/judge-answer.ts';
import type { ClaimVerdict, EvidenceItem, Source } from '../../src/model/types.ts';

/** Small builder so each judge reads as: verdict, why, what shows it, where it is documented. */
export function outcome(verdict: ClaimVerdict, explanation: string, evidence: EvidenceItem[], sources: Source[], aspect?: string): RuleOutcome {
  return { verdict, explanation, evidence, sources, ...(aspect ? { aspect } : {}) };
}

export function ev(kind: string, summary: string, data?: unknown): EvidenceItem {
  return data === undefined ? { kind, summary } : { kind, summary, data };
}

/** The emulator stores configuration but moves no traffic: say so, and name the targets that can show it. */
export function emulatorNote(target: string): string {
  return target === 'aws'
    ? ''
    : ` The ${target} target stores configuration but carries no traffic; a deployment with --target aws (or the local data-plane labs health-twin and lb-modes) can show the behaviour itself.`;
}
