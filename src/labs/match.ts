import type { Lab, LabQuestion } from './lab.ts';

export interface LabMatch {
  lab: Lab;
  labQuestion: LabQuestion<unknown>;
  key: string;
}

/**
 * Maps a journal question to the lab question whose content signature it carries. Every signature group must
 * match; among full matches the one with the most matching patterns wins, so a more specific lab beats a broad one.
 */
export function matchQuestion(questionText: string, labs: readonly Lab[]): LabMatch | undefined {
  let best: { match: LabMatch; score: number } | undefined;
  for (const lab of labs) {
    for (const labQuestion of lab.questions) {
      const score = signatureScore(questionText, labQuestion.signature);
      if (score > 0 && (!best || score > best.score)) {
        best = { match: { lab, labQuestion, key: `${lab.id}/${labQuestion.id}` }, score };
      }
    }
  }
  return best?.match;
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
