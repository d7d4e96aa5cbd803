import type { ClaimVerdict, RunResult } from '../model/types.ts';

/** One claim's verdict as a run left it: enough to follow it across runs, nothing of the evidence. */
export interface ClaimRecord {
  claim: string;
  aspect?: string;
  verdict: ClaimVerdict;
}

/** One line of a journal's history file: the verdicts of one run. */
export interface HistoryEntry {
  v: 1;
  /** When the run judged (ISO timestamp). */
  at: string;
  journal: string;
  target: string;
  runId: string | null;
  questions: { key: string; claims: ClaimRecord[] }[];
}

/** The verdicts of a run as a history line; questions that were not judged (no answer, no lab) leave no trace. */
export function historyEntryOf(run: RunResult, at: string, runId: string | null): HistoryEntry {
  return {
    v: 1,
    at,
    journal: run.journal,
    target: run.target,
    runId,
    questions: run.questions
      .filter((q) => q.claims.length > 0)
      .map((q) => ({ key: q.key, claims: q.claims.map((c) => ({ claim: c.claim, ...(c.aspect !== undefined ? { aspect: c.aspect } : {}), verdict: c.verdict })) })),
  };
}
