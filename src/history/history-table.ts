import type { ClaimVerdict } from '../model/types.ts';
import { matchClaims } from './claim-identity.ts';
import type { HistoryEntry } from './history-entry.ts';

export type ClaimTrend = 'fixed' | 'newly contradicted' | 'still missing' | 'changed' | 'unchanged' | 'new' | 'gone';

/** A claim followed across runs: its newest wording and its verdict in each run (null where it was not judged). */
export interface ClaimThread {
  claim: string;
  aspect?: string;
  verdicts: (ClaimVerdict | null)[];
  trend: ClaimTrend;
}

/** What `lab history --json` prints. */
export interface JournalHistory {
  journal: string;
  runs: { at: string; target: string; runId: string | null }[];
  questions: { key: string; claims: ClaimThread[] }[];
}

/**
 * Follows each claim through the runs, oldest first: a claim continues the one of the run before it with the
 * same words, or an unambiguous rewording of them (see matchClaims); otherwise it starts a thread of its own.
 */
export function journalHistory(journal: string, entries: readonly HistoryEntry[]): JournalHistory {
  const runs = entries.map((e) => ({ at: e.at, target: e.target, runId: e.runId }));
  const keys = [...new Set(entries.flatMap((e) => e.questions.map((q) => q.key)))];
  const questions = keys.map((key) => {
    const threads: (Omit<ClaimThread, 'trend'> & { last?: number })[] = [];
    // The threads the previous run's claims belong to, in that run's order.
    let previous: { thread: number; claim: string; aspect?: string }[] = [];
    entries.forEach((entry, run) => {
      const claims = entry.questions.find((q) => q.key === key)?.claims ?? [];
      const matched = matchClaims(previous, claims);
      previous = claims.map((c, i) => {
        const p = matched.get(i);
        let thread = p === undefined ? -1 : previous[p].thread;
        if (thread < 0) {
          thread = threads.push({ claim: c.claim, ...(c.aspect !== undefined ? { aspect: c.aspect } : {}), verdicts: runs.map(() => null) }) - 1;
        }
        threads[thread].claim = c.claim;
        threads[thread].verdicts[run] = c.verdict;
        return { thread, claim: c.claim, aspect: c.aspect };
      });
    });
    return { key, claims: threads.map((t) => ({ claim: t.claim, ...(t.aspect !== undefined ? { aspect: t.aspect } : {}), verdicts: t.verdicts, trend: trendOf(t.verdicts) })) };
  });
  return { journal, runs, questions };
}

/** How the claim moved between the last two runs. */
function trendOf(verdicts: readonly (ClaimVerdict | null)[]): ClaimTrend {
  const now = verdicts.at(-1) ?? null;
  const before = verdicts.length > 1 ? verdicts.at(-2)! : null;
  // A fact reported missing that the answer now states is no longer reported: that is a fix, as in the block header.
  if (now === null) return before === 'missing' ? 'fixed' : 'gone';
  if (before === null) return verdicts.slice(0, -1).some((v) => v !== null) ? 'changed' : 'new';
  if (now === 'confirmed' && before !== 'confirmed' && before !== 'unverifiable' && before !== 'error') return 'fixed';
  if (now === 'contradicted' && before !== 'contradicted') return 'newly contradicted';
  if (now === 'missing' && before === 'missing') return 'still missing';
  return now === before ? 'unchanged' : 'changed';
}
