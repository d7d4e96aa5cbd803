/**
 * Judges statements one by one, each as the sole statement of an answer: to a named lab question, or to the one
 * its words route to. What `lab judge` and the development-set test run. Pure.
 */
import type { Lab } from '../lab-api/lab.ts';
import { judgeOf } from './judge-statements.ts';
import type { ClaimResult } from '../model/types.ts';
import { scoreText, type RouteScore } from './route.ts';

export interface StatementJudgement {
  statement: string;
  /** The lab question it was judged as an answer to; undefined when no lab question fits. */
  question?: string;
  claims: ClaimResult[];
  /** The statement itself when nothing it asserts could be checked. */
  unjudged: string[];
}

/** Judges one statement; `questionKey` pins the question, else it is routed by its assertions and cue words. */
export function judgeAlone(statement: string, labs: readonly Lab[], evidence: ReadonlyMap<string, unknown>, target: (lab: string) => string, questionKey?: string): StatementJudgement {
  const key = questionKey ?? routeStatement(statement, labs);
  if (!key) return { statement, claims: [], unjudged: [statement] };
  const [labId, questionId] = key.split('/');
  const lab = labs.find((l) => l.id === labId && l.questions.some((q) => q.id === questionId));
  if (!lab) throw new Error(`no lab question ${key}`);
  const judged = judgeOf(lab).judge([statement], evidence.get(lab.id), target(lab.id), [questionId], false);
  return { statement, question: key, claims: judged.claims, unjudged: judged.unjudged };
}

/** The lab question whose propositions the statement asserts most about; ties go to the stronger cue words. */
export function routeStatement(statement: string, labs: readonly Lab[]): string | undefined {
  const scores = scoreText(statement, labs);
  // Lab questions whose cue words the statement carries are read first; the others only when none of those
  // finds an assertion (reading a statement against every lexicon is what costs time).
  const cued = scores.filter((s) => s.score > 0);
  const best = bestByAssertions(statement, cued) ?? bestByAssertions(statement, scores.filter((s) => s.score <= 0));
  return best ?? (scores[0] && scores[0].score >= scores[0].threshold ? scores[0].key : undefined);
}

function bestByAssertions(statement: string, candidates: readonly RouteScore[]): string | undefined {
  let best: { key: string; assertions: number; cue: number } | undefined;
  for (const s of candidates) {
    const assertions = judgeOf(s.lab).assertions(statement, [s.labQuestion.id]).length;
    const cue = s.score / s.threshold;
    if (assertions === 0) continue;
    if (!best || assertions > best.assertions || (assertions === best.assertions && cue > best.cue)) best = { key: s.key, assertions, cue };
  }
  return best?.key;
}

/** A statement's overall verdict as a reviewer reads it: any contradicted part wins, then any imprecise one. */
export function statementVerdict(claims: readonly ClaimResult[]): 'confirmed' | 'contradicted' | 'imprecise' | 'unjudged' | 'unverifiable' | 'error' {
  const own = claims.filter((c) => c.verdict !== 'missing');
  for (const v of ['error', 'contradicted', 'imprecise', 'confirmed', 'unverifiable'] as const) if (own.some((c) => c.verdict === v)) return v;
  return 'unjudged';
}
