/**
 * What every lab's claim-book test needs: the lab judged on its shipped reference evidence, one statement at a time,
 * and expectations that fail readably — the statement, the verdict wanted, the verdict given and the judge's own
 * explanation (aws-cdk's expectPass/expectFailure, for statements).
 */
import { expect } from 'vitest';
import { judgeAlone, statementVerdict, type StatementJudgement } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import type { Lab } from '../../src/lab-api/lab.ts';

export type Expect = 'confirmed' | 'contradicted' | 'imprecise' | 'unjudged';

export interface LabClaims<E> {
  /** The lab as the registry holds it (evidence typed unknown). */
  lab: Lab;
  reference: E;
  judge(statement: string, evidence?: E, question?: string): StatementJudgement;
  verdict(statement: string, evidence?: E, question?: string): Expect;
  /** For `it.each(rows)('%s → %s', expectVerdict)`. */
  expectVerdict(statement: string, expected: Expect): void;
  /** For `it.each(pairs)('%s (%s) / %s (%s)', expectPair)`: a right and a wrong wording, one value or "not" apart. */
  expectPair(right: string, rightVerdict: Expect, wrong: string, wrongVerdict: Expect): void;
}

/** The judge's side of a failed expectation: each claim's verdict and explanation, or why nothing was judged. */
export function explain(judged: StatementJudgement): string {
  if (judged.claims.length === 0) return `"${judged.statement}": nothing judged${judged.question ? ` as ${judged.question}` : ' (no lab question fits)'}`;
  return [`"${judged.statement}" as ${judged.question}:`, ...judged.claims.map((c) => `  ${c.verdict}${c.aspect ? ` [${c.aspect}]` : ''}: ${c.explanation}`)].join('\n');
}

/** `question`: the lab question statements are judged as answers to (undefined: routed by their own words). */
export function labClaims<E>(labDefinition: Lab<E>, options: { question?: string; target?: string } = {}): LabClaims<E> {
  const lab = labDefinition as unknown as Lab;
  const recorded = loadReferenceEvidence().get(lab.id);
  if (!recorded) throw new Error(`checks/reference-evidence.json lists no reference evidence for ${lab.id}`);
  const reference = recorded.evidence as E;
  const target = options.target ?? (lab.kind === 'local' ? 'local' : 'moto');
  const judge = (statement: string, evidence: E = reference, question = options.question) => judgeAlone(statement, [lab], new Map([[lab.id, evidence]]), () => target, question);
  const verdict = (statement: string, evidence?: E, question?: string) => statementVerdict(judge(statement, evidence, question).claims) as Expect;
  const expectVerdict = (statement: string, expected: Expect) => {
    const judged = judge(statement);
    expect(statementVerdict(judged.claims), explain(judged)).toBe(expected);
  };
  return {
    lab,
    reference,
    judge,
    verdict,
    expectVerdict,
    expectPair(right, rightVerdict, wrong, wrongVerdict) {
      expectVerdict(right, rightVerdict);
      expectVerdict(wrong, wrongVerdict);
    },
  };
}

/** A table of statements kept as data beside its test (`<test>.statements.json`), grouped by what they are about. */
export function rowsOf<Row>(groups: readonly { about?: string; rows: readonly unknown[] }[]): Row[] {
  return groups.flatMap((g) => g.rows as Row[]);
}
