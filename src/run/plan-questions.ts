import type { Lab } from '../lab-api/lab.ts';
import { closestLabQuestion, matchQuestion, type LabMatch } from '../lab-api/match.ts';
import type { Question } from '../model/types.ts';
import { NO_MEMO, type Memo } from './judgement-memo.ts';

export interface PlannedQuestion {
  question: Question;
  /** Lab questions that cover it among the selected labs, best first; empty = no-lab. */
  matches: LabMatch[];
  /** Covered only by labs not selected for this run: left out of the results, its block left alone. */
  notInThisRun: boolean;
  key: string;
  /** For a question no lab covers: the closest lab question and how far it is from mapping. */
  closest?: { key: string; score: number; threshold: number };
}

/** Decides, before anything runs, which lab judges which question; pure. */
export function planQuestions(questions: readonly Question[], allLabs: readonly Lab[], selected: readonly Lab[], memo: Memo = NO_MEMO): PlannedQuestion[] {
  const selectedIds = new Set(selected.map((l) => l.id));
  const taken = new Map<string, number>();
  // Two questions about the same lab question (a journal asking about keepalive and the TCP handshake apart)
  // each need a block of their own: the second key gets a suffix, stable while the journal's order is.
  const unique = (key: string) => {
    const n = (taken.get(key) ?? 0) + 1;
    taken.set(key, n);
    return n === 1 ? key : `${key}.${n}`;
  };
  return questions.map((question, index) => {
    const text = `${question.section}\n${question.question}`;
    const statements = question.hasAnswer ? question.statements.map((s) => s.text) : [];
    const { all, closest } = question.question.trim() ? route(text, statements, allLabs, memo) : { all: [], closest: undefined };
    const matches = all.filter((m) => selectedIds.has(m.lab.id));
    const owner = all.find((m) => m.via !== 'statement');
    return {
      question,
      matches,
      // The lab the question is about is not in this run: a block from other labs' stray matches would be partial.
      notInThisRun: (all.length > 0 && matches.length === 0) || (owner !== undefined && !selectedIds.has(owner.lab.id)),
      key: unique(owner?.key ?? fallbackKey(question, index)),
      ...(closest ? { closest: { key: closest.key, score: closest.score, threshold: closest.threshold } } : {}),
    };
  });
}

/** Which lab questions a question's words route to (all labs), through the memo: labs travel as their ids. */
function route(text: string, statements: readonly string[], allLabs: readonly Lab[], memo: Memo): { all: LabMatch[]; closest?: { key: string; score: number; threshold: number } } {
  const routed = memo.get('route', [text, statements, allLabs.map((l) => l.id)], () => {
    const all = matchQuestion(text, statements, allLabs);
    const near = all.length === 0 ? closestLabQuestion(`${text}\n${statements.join('\n')}`, allLabs) : undefined;
    return {
      all: all.map((m) => ({ lab: m.lab.id, question: m.labQuestion.id, key: m.key, score: m.score, via: m.via })),
      ...(near ? { closest: { key: near.key, score: near.score, threshold: near.threshold } } : {}),
    };
  });
  const all = routed.all.map((m) => {
    const lab = allLabs.find((l) => l.id === m.lab)!;
    return { lab, labQuestion: lab.questions.find((q) => q.id === m.question)!, key: m.key, score: m.score, via: m.via };
  });
  return { all, ...(routed.closest ? { closest: routed.closest } : {}) };
}

/** Labs that have at least one question to judge: the only ones worth running. */
export function labsWithWork(plan: readonly PlannedQuestion[]): Lab[] {
  const labs = new Map<string, Lab>();
  for (const p of plan) if (p.question.hasAnswer) for (const m of p.matches) labs.set(m.lab.id, m.lab);
  return [...labs.values()];
}

function fallbackKey(question: Question, index: number): string {
  const slug = question.question.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `unmatched/${slug || `q${index + 1}`}`;
}
