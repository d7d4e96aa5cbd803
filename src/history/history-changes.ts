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

/** "2 claims fixed, 1 newly contradicted since 2026-11-21", or "no change since …": one phrase for the block header. */
export function describeChanges(c: QuestionChanges, since: string): string {
  const parts = [
    c.fixed > 0 ? `${c.fixed} claim${c.fixed === 1 ? '' : 's'} fixed` : '',
    c.newlyContradicted > 0 ? `${c.newlyContradicted} newly contradicted` : '',
    c.otherChanges > 0 ? `${c.otherChanges} other change${c.otherChanges === 1 ? '' : 's'}` : '',
    c.stillMissing > 0 ? `${c.stillMissing} still missing` : '',
  ].filter(Boolean);
  return `${parts.length > 0 ? parts.join(', ') : 'no change'} since ${since}`;
}

/** Per question key, the header phrase comparing this run with the previous one; questions new to this run get none. */
export function sinceLastRun(previous: HistoryEntry | undefined, current: readonly { key: string; claims: readonly ClaimRecord[] }[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!previous) return out;
  const since = previous.at.slice(0, 10);
  const before = new Map(previous.questions.map((q) => [q.key, q.claims]));
  for (const q of current) {
    const prev = before.get(q.key);
    if (!prev || q.claims.length === 0) continue;
    out.set(q.key, describeChanges(changesOf(prev, q.claims), since));
  }
  return out;
}
