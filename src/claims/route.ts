/**
 * Routing by meaning: how strongly a text talks about each lab question, from the cue words of the labs'
 * lexicons. Question text routes a journal question; a statement's own cues route it even inside another answer.
 */
import type { Lab, LabQuestion } from '../labs/lab.ts';
import commonConcepts from './common-concepts.json' with { type: 'json' };
import { PatternCompiler } from './patterns.ts';

export interface RouteScore {
  lab: Lab;
  labQuestion: LabQuestion;
  key: string;
  score: number;
  threshold: number;
  /** The cue patterns found, for explaining a mapping (or the lack of one). */
  cues: string[];
}

const compilers = new WeakMap<Lab, PatternCompiler>();
export function compilerOf(lab: Lab): PatternCompiler {
  let c = compilers.get(lab);
  if (!c) compilers.set(lab, (c = new PatternCompiler({ ...commonConcepts, ...lab.claims.lexicon.concepts })));
  return c;
}

/** Every lab question's score for the text, best first (ties keep the labs' order). */
export function scoreText(text: string, labs: readonly Lab[]): RouteScore[] {
  const scores: RouteScore[] = [];
  for (const lab of labs) {
    const compiler = compilerOf(lab);
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
