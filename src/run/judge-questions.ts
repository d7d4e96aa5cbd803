import { deriveQuestionVerdict } from '../model/question-verdict.ts';
import type { ClaimResult, QuestionResult } from '../model/types.ts';
import { judgeOf } from '../claims/judge-statements.ts';
import { createHash } from 'node:crypto';
import { NO_MEMO, type Memo } from './judgement-memo.ts';
import type { PlannedQuestion } from './plan-questions.ts';

/** What collecting a lab's evidence gave: the snapshot, or why there is none. */
export type LabEvidence = { ok: true; evidence: unknown } | { ok: false; error: string };

/**
 * Judges every planned question from the collected evidence; pure. Through a memo, a question whose words,
 * routing, target and labs' evidence are unchanged gets its earlier result without being judged again.
 */
export function judgeQuestions(plan: readonly PlannedQuestion[], evidence: ReadonlyMap<string, LabEvidence>, target: string, memo: Memo = NO_MEMO): QuestionResult[] {
  const identities = new Map<string, string>();
  const identityOf = (lab: string) => {
    let id = identities.get(lab);
    if (id === undefined) identities.set(lab, (id = createHash('sha256').update(JSON.stringify(evidence.get(lab) ?? null)).digest('hex')));
    return id;
  };
  return plan
    .filter((p) => !p.notInThisRun)
    .map((p) => {
      const parts = [p.question.section, p.question.number, p.question.question, p.question.hasAnswer, p.question.statements.map((s) => s.text), p.matches.map((m) => [m.key, m.via, identityOf(m.lab.id)]), p.closest ?? null, target];
      // The key is the plan's (it depends on the questions before this one), never remembered.
      return { ...memo.get('verdict', parts, () => judgeOne(p, evidence, target)), key: p.key };
    });
}

function judgeOne(p: PlannedQuestion, evidence: ReadonlyMap<string, LabEvidence>, target: string): QuestionResult {
  const base = {
    key: p.key,
    section: p.question.section,
    number: p.question.number,
    question: p.question.question,
    labs: p.matches.map((m) => m.lab.id),
  };
  if (!p.question.hasAnswer) return { ...base, verdict: 'no-answer', claims: [], unjudged: [] };
  if (p.matches.length === 0) return { ...base, verdict: 'no-lab', claims: [], unjudged: [], ...(p.closest ? { closest: p.closest } : {}) };
  const statements = p.question.statements.map((s) => s.text);
  const claims: ClaimResult[] = [];
  const judgedBySomeLab = new Set<string>();
  // Only the lab question the journal question is mainly about reports what the answer leaves out.
  const owner = p.matches.find((m) => m.via !== 'statement');
  for (const match of p.matches) {
    const got = evidence.get(match.lab.id);
    if (!got || !got.ok) {
      claims.push(collectorBroke(match.lab.id, got && !got.ok ? got.error : 'the lab did not run'));
      continue;
    }
    const judgement = judgeOf(match.lab).judge(statements, got.evidence, target, [match.labQuestion.id], match === owner);
    claims.push(...judgement.claims);
    for (const s of statements) if (!judgement.unjudged.includes(s)) judgedBySomeLab.add(s);
  }
  // A statement counts as unjudged only when no lab covering the question judged it.
  const unjudged = statements.filter((s) => !judgedBySomeLab.has(s));
  return { ...base, verdict: deriveQuestionVerdict(claims), claims, unjudged };
}

function collectorBroke(labId: string, error: string): ClaimResult {
  return {
    claim: `(the whole answer, as checked by lab ${labId})`,
    verdict: 'error',
    explanation: `The ${labId} lab could not collect its evidence, so nothing it covers was judged: ${error}`,
    evidence: [{ kind: 'collector-error', summary: error }],
    sources: [],
  };
}
