import type { ClaimVerdict } from '../model/types.ts';
import { matchClaims } from './claim-identity.ts';
import type { ClaimRecord, HistoryEntry } from './history-entry.ts';

const NOT_RIGHT: readonly ClaimVerdict[] = ['contradicted', 'imprecise', 'missing'];

export interface QuestionChanges {
  fixed: number;
  newlyContradicted: number;
  stillMissing: number;
  /** Any other verdict that moved (confirmed → imprecise, contradicted → missing …). */
  otherChanges: number;
}

/**
 * What moved in one question since the previous run. A claim is fixed when it was contradicted, imprecise or
 * missing and is now confirmed; a fact reported missing that no longer is has been written in, so it is fixed too.
 */
export function changesOf(previous: readonly ClaimRecord[], current: readonly ClaimRecord[]): QuestionChanges {
  const matched = matchClaims(previous, current);
  const out: QuestionChanges = { fixed: 0, newlyContradicted: 0, stillMissing: 0, otherChanges: 0 };
  current.forEach((c, i) => {
    const p = matched.get(i);
    const before = p === undefined ? undefined : previous[p].verdict;
    if (c.verdict === 'confirmed' && before !== undefined && NOT_RIGHT.includes(before)) out.fixed++;
    else if (c.verdict === 'contradicted' && before !== 'contradicted') out.newlyContradicted++;
    else if (c.verdict === 'missing' && before === 'missing') out.stillMissing++;
    else if (before !== undefined && before !== c.verdict) out.otherChanges++;
  });
  const continued = new Set(matched.values());
  out.fixed += previous.filter((p, j) => p.verdict === 'missing' && !continued.has(j)).length;
  return out;
}

/**
 * "2 claims fixed, 1 newly contradicted, 1 still missing since 2026-11-21": one phrase for the block header, or
 * undefined when nothing moved. A question that did not change gets no phrase, so re-judging leaves its block byte
 * for byte as it was (what is still missing is said only beside a change; `lab history` shows it always).
 */
export function describeChanges(c: QuestionChanges, since: string): string | undefined {
  if (c.fixed + c.newlyContradicted + c.otherChanges === 0) return undefined;
  const parts = [
    c.fixed > 0 ? `${c.fixed} claim${c.fixed === 1 ? '' : 's'} fixed` : '',
    c.newlyContradicted > 0 ? `${c.newlyContradicted} newly contradicted` : '',
    c.otherChanges > 0 ? `${c.otherChanges} other change${c.otherChanges === 1 ? '' : 's'}` : '',
    c.stillMissing > 0 ? `${c.stillMissing} still missing` : '',
  ].filter(Boolean);
  return `${parts.join(', ')} since ${since}`;
}

/**
 * Per question key that moved, the header phrase comparing this run with the latest earlier run that differs from it
 * (history oldest first). Comparing with the last run that differs, not merely the last run, keeps the phrase stable:
 * checking again with nothing changed writes the same blocks. New or unchanged questions get none.
 */
export function sinceLastRun(history: readonly HistoryEntry[], current: readonly { key: string; claims: readonly ClaimRecord[] }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of current) {
    if (q.claims.length === 0) continue;
    for (let i = history.length - 1; i >= 0; i--) {
      const prev = history[i]!.questions.find((p) => p.key === q.key)?.claims;
      if (!prev) break;
      // Most earlier runs judged the same claims the same way: skip them without matching claim by claim.
      if (sameClaims(prev, q.claims)) continue;
      const phrase = describeChanges(changesOf(prev, q.claims), history[i]!.at.slice(0, 10));
      if (phrase) {
        out.set(q.key, phrase);
        break;
      }
    }
  }
  return out;
}

function sameClaims(a: readonly ClaimRecord[], b: readonly ClaimRecord[]): boolean {
  return a.length === b.length && a.every((c, i) => c.claim === b[i]!.claim && c.aspect === b[i]!.aspect && c.verdict === b[i]!.verdict);
}
