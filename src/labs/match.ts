import type { Lab, LabQuestion } from './lab.ts';

export interface LabMatch {
  lab: Lab;
  labQuestion: LabQuestion<unknown>;
  key: string;
  score: number;
}

/**
 * Maps a journal question to the lab questions whose content signature it carries: at most one per lab, best
 * first. Every signature group must match; more matching patterns rank higher. The best match names the
 * question's key, so the key survives reordering and renumbering.
 */
export function matchQuestion(questionText: string, labs: readonly Lab[]): LabMatch[] {
  const matches: LabMatch[] = [];
  for (const lab of labs) {
    let best: LabMatch | undefined;
    for (const labQuestion of lab.questions) {
      const score = signatureScore(questionText, labQuestion.signature);
      if (score > 0 && (!best || score > best.score)) {
        best = { lab, labQuestion: labQuestion as LabQuestion<unknown>, key: `${lab.id}/${labQuestion.id}`, score };
      }
    }
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => b.score - a.score);
}

/** 0 unless every group matches; otherwise the number of patterns that matched. */
export function signatureScore(text: string, signature: readonly RegExp[][]): number {
  let score = 0;
  for (const group of signature) {
    const hits = group.filter((re) => re.test(text)).length;
    if (hits === 0) return 0;
    score += hits;
  }
  return score;
}
