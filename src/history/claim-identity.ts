import type { ClaimRecord } from './history-entry.ts';

/** How alike two wordings must be to count as the same claim reworded, and how far ahead of the next best. */
export const REWORDING_THRESHOLD = 0.6;
export const REWORDING_MARGIN = 0.15;

type Claim = Pick<ClaimRecord, 'claim' | 'aspect'>;

/**
 * Which claim of the previous run each current claim continues: the same words (and aspect) first; then a
 * rewording, only where it is unambiguous — one previous claim clearly the most alike (above the threshold and
 * ahead of the next by the margin), and that claim in turn most alike to this one. Returns current index →
 * previous index; a claim with no clear predecessor starts a history of its own.
 */
export function matchClaims(previous: readonly Claim[], current: readonly Claim[]): Map<number, number> {
  const matched = new Map<number, number>();
  const usedPrevious = new Set<number>();
  current.forEach((c, i) => {
    const p = previous.findIndex((q, j) => !usedPrevious.has(j) && q.aspect === c.aspect && normalise(q.claim) === normalise(c.claim));
    if (p >= 0) {
      matched.set(i, p);
      usedPrevious.add(p);
    }
  });
  const openCurrent = current.map((_, i) => i).filter((i) => !matched.has(i));
  const openPrevious = previous.map((_, j) => j).filter((j) => !usedPrevious.has(j));
  const words = (c: Claim) => wordSet(c.claim);
  const sim = new Map<string, number>();
  for (const i of openCurrent) {
    for (const j of openPrevious) {
      if (current[i].aspect === previous[j].aspect) sim.set(`${i}:${j}`, dice(words(current[i]), words(previous[j])));
    }
  }
  for (const i of openCurrent) {
    const best = clearBest(openPrevious.map((j) => [j, sim.get(`${i}:${j}`) ?? 0] as const));
    if (best === undefined) continue;
    const back = clearBest(openCurrent.map((k) => [k, sim.get(`${k}:${best}`) ?? 0] as const));
    if (back === i) matched.set(i, best);
  }
  return matched;
}

/** The candidate clearly ahead of the rest, or none. */
function clearBest(scored: readonly (readonly [number, number])[]): number | undefined {
  const sorted = [...scored].sort((a, b) => b[1] - a[1]);
  const [first, second] = sorted;
  if (!first || first[1] < REWORDING_THRESHOLD) return undefined;
  if (second && first[1] - second[1] < REWORDING_MARGIN) return undefined;
  return first[0];
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

/** Dice coefficient of two word sets: 1 for the same words, 0 for none in common. */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}
