import { judgeOf } from '../claims/judge-statements.ts';
import { routesOf, scoreText, type RouteScore } from '../claims/route.ts';
import type { Lab, LabQuestion } from './lab.ts';

export interface LabMatch {
  lab: Lab;
  labQuestion: LabQuestion;
  key: string;
  score: number;
  /**
   * `question`: the journal question (or, when its text names no lab question, its answer) is about it; the
   * best of these also gets `missing` facts. `statement`: only some statements of the answer talk about it.
   */
  via: 'question' | 'answer' | 'statement';
}

/**
 * Maps a journal question to lab questions: by the concepts its text carries; when its text names none, by its
 * answer's; and, for single statements that assert something about another lab question, to that one too.
 */
export function matchQuestion(questionText: string, statements: readonly string[], labs: readonly Lab[]): LabMatch[] {
  const byQuestion = routesOf(questionText, labs);
  const matches: LabMatch[] = byQuestion.map((r) => toMatch(r, 'question'));
  if (matches.length === 0 && statements.length > 0) {
    const best = routesOf(statements.join('\n'), labs)[0];
    if (best) matches.push(toMatch(best, 'answer'));
  }
  // A statement is read for a lab question only when it carries at least one of that question's cue words.
  const cued = statements.map((s) => new Set(scoreText(s, labs).filter((r) => r.score > 0).map((r) => r.key)));
  for (const lab of labs) {
    for (const labQuestion of lab.questions) {
      const key = `${lab.id}/${labQuestion.id}`;
      if (matches.some((m) => m.key === key)) continue;
      const judge = judgeOf(lab);
      if (statements.some((s, i) => cued[i].has(key) && judge.assertions(s, [labQuestion.id]).length > 0)) {
        matches.push({ lab, labQuestion, key, score: 0, via: 'statement' });
      }
    }
  }
  return matches;
}

/** The lab question a text comes closest to, for telling a `no-lab` question what is missing. */
export function closestLabQuestion(text: string, labs: readonly Lab[]): RouteScore | undefined {
  return scoreText(text, labs)[0];
}

function toMatch(r: RouteScore, via: LabMatch['via']): LabMatch {
  return { lab: r.lab, labQuestion: r.labQuestion, key: r.key, score: r.score, via };
}
