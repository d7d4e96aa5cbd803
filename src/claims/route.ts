/**
 * Routing by meaning: how strongly a text talks about each lab question, from the cue words of the labs'
 * lexicons. Question text routes a journal question; a statement's own cues route it even inside another answer.
 */
import type { Lab, LabQuestion } from '../lab-api/lab.ts';
import { judgeOf } from './judge-statements.ts';

export interface RouteScore {
  lab: Lab;
  labQuestion: LabQuestion;
  key: string;
  score: number;
  threshold: number;
  /** The cue patterns found, for explaining a mapping (or the lack of one). */
  cues: string[];
}

/** Every lab question's score for the text, best first (ties keep the labs' order). */
export function scoreText(text: string, labs: readonly Lab[]): RouteScore[] {
  const scores: RouteScore[] = [];
  for (const lab of labs) {
    // The lab's own compiler: cue words and propositions share one set of concepts and compiled patterns.
    const compiler = judgeOf(lab).extractor.patterns;
    for (const labQuestion of lab.questions) {
      const routing = lab.claims.lexicon.routing[labQuestion.id];
      if (!routing) continue;
      const cues = Object.keys(routing.cues).filter((cue) => compiler.test(cue, text));
      const score = cues.reduce((sum, cue) => sum + routing.cues[cue], 0);
      scores.push({ lab, labQuestion, key: `${lab.id}/${labQuestion.id}`, score, threshold: routing.threshold, cues });
    }
  }
  return scores.sort((a, b) => b.score / b.threshold - a.score / a.threshold);
}

/** The lab questions the text is about: score at or above their threshold. */
export function routesOf(text: string, labs: readonly Lab[]): RouteScore[] {
  return scoreText(text, labs).filter((s) => s.score >= s.threshold);
}
