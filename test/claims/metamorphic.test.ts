/**
 * Metamorphic tests on every lab: a statement the judges confirm, negated by the NLP library (compromise's
 * toNegative on the verb that carries the assertion), must come out contradicted; the same statement must keep
 * its verdict when it is numbered, bulleted or wrapped in learner filler. Seeds are the development set's
 * confirmed single-claim statements, so every lab with confirmed statements takes part.
 */
import nlp from 'compromise';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeStatement, clauseAround } from '../../src/claims/analyze.ts';
import { judgeAlone, statementVerdict } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { loadLabs } from '../../src/lab-api/registry.ts';
import { judgeOf } from '../../src/claims/judge-statements.ts';

interface Entry { id: string; question: string; statement: string; expect: string }
const entries = readFileSync('test/fixtures/claims/claims-devset.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry);
const labs = await loadLabs();
const recorded = loadReferenceEvidence();
const evidence = new Map([...recorded].map(([k, v]) => [k, v.evidence]));
const judge = (statement: string, question: string) => judgeAlone(statement, labs, evidence, (lab) => recorded.get(lab)?.target ?? 'local', question);

/** Confirmed statements with exactly one enum/number assertion: the ones a single negation must flip. */
const seeds = entries.flatMap((e) => {
  const r = judge(e.statement, e.question);
  if (statementVerdict(r.claims) !== 'confirmed') return [];
  const [labId, questionId] = e.question.split('/');
  const assertions = judgeOf(labs.find((l) => l.id === labId)!).assertions(e.statement, [questionId]);
  if (assertions.length !== 1 || !['enum', 'number'].includes(assertions[0].kind)) return [];
  return [{ e, assertion: assertions[0] }];
});

/**
 * Negates, with compromise, a verb among the asserted words; undefined when there is none or the library leaves
 * the text unchanged.
 */
function negateClause(statement: string, span: { start: number; end: number }): string | undefined {
  const clause = clauseAround(analyzeStatement(statement), span);
  const text = statement.slice(clause.start, clause.end);
  const doc = nlp(text);
  const verbs = doc.verbs();
  const offsets = (verbs.json({ offset: true }) as Array<{ offset: { start: number } }>).map((v) => v.offset.start);
  if (offsets.length === 0) return undefined;
  // Only a verb among the asserted words: negating another one ("the name you connect to") says something else.
  const from = span.start - clause.start;
  const to = span.end - clause.start;
  // compromise types eq() as a plain View, though it returns its verbs view. Not a verb of a condition or relative clause ("if the name you connect to …", "unless you add it"): the
  // first verb of the asserted words whose stretch since the last comma opens with none of those words.
  const main = (at: number) => !/\b(?:if|unless|when|until|once|that|which|who|whose)\b[^,]*$/i.test(text.slice(0, at));
  const inside = offsets.map((at, i) => ({ at, i })).find(({ at }) => at >= from && at < to && main(at))?.i;
  if (inside === undefined) return undefined;
  (verbs.eq(inside) as unknown as { toNegative(): void }).toNegative();
  const negated = doc.text();
  if (negated === text || analyzeStatement(negated).negations.length === analyzeStatement(text).negations.length) return undefined;
  return statement.slice(0, clause.start) + negated + statement.slice(clause.end);
}

describe('metamorphic: negation flips confirmed to contradicted', () => {
  const cases = seeds.flatMap(({ e, assertion }) => {
    const negated = negateClause(e.statement, assertion.span);
    return negated ? [{ id: e.id, question: e.question, negated }] : [];
  });

  it('has seeds from most labs', () => {
    expect(new Set(cases.map((c) => c.question.split('/')[0])).size).toBeGreaterThanOrEqual(4);
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('$id negated is never confirmed', ({ question, negated }) => {
    expect(statementVerdict(judge(negated, question).claims), negated).not.toBe('confirmed');
  });

  it('at least 80 % of the negated statements come out contradicted (the rest: not judged, never confirmed)', () => {
    const flipped = cases.filter((c) => statementVerdict(judge(c.negated, c.question).claims) === 'contradicted');
    const rest = cases.filter((c) => !flipped.includes(c)).map((c) => c.negated);
    expect(flipped.length / cases.length, rest.join('\n')).toBeGreaterThanOrEqual(0.8);
  });
});

describe('metamorphic: form does not change the verdict', () => {
  const forms = (s: string) => [`3. ${s}`, `- ${s}`, `**Note:** ${s}`, `${s.replace(/[.!]?\s*$/, '')} (I think).`];
  it.each(seeds.map(({ e }) => e))('$id in other forms', (e) => {
    const base = statementVerdict(judge(e.statement, e.question).claims);
    for (const f of forms(e.statement)) expect(statementVerdict(judge(f, e.question).claims), f).toBe(base);
  });
});
