/**
 * What every lab's claim-book test needs: the lab judged on its shipped reference evidence, one statement at a time,
 * and expectations that fail readably — the statement, the verdict wanted, the verdict given and the judge's own
 * explanation (aws-cdk's expectPass/expectFailure, for statements).
 */
import { describe, expect, it } from 'vitest';
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
  /**
   * One `describe` per table of a `<test>.statements.json` (title: the table's name in words): a row of two is
   * [statement, verdict], a row of four a minimal pair [right, its verdict, wrong, its verdict].
   */
  describeTables(title: string, tables: Record<string, StatementGroups>): void;
}

/** A table of statements as kept beside its test, grouped by what they are about. */
export type StatementGroups = readonly { about?: string; rows: readonly unknown[] }[];

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
  const expectPair = (right: string, rightVerdict: Expect, wrong: string, wrongVerdict: Expect) => {
    expectVerdict(right, rightVerdict);
    expectVerdict(wrong, wrongVerdict);
  };
  return {
    lab,
    reference,
    judge,
    verdict,
    expectVerdict,
    expectPair,
    describeTables(title, tables) {
      for (const [name, groups] of Object.entries(tables)) {
        const rows = rowsOf<unknown[]>(groups);
        describe(`${title}: ${inWords(name)}`, () => {
          const single = rows.filter((r) => r.length === 2) as [string, Expect][];
          const pairs = rows.filter((r) => r.length === 4) as [string, Expect, string, Expect][];
          if (single.length + pairs.length !== rows.length) throw new Error(`table ${name} has rows that are neither [statement, verdict] nor a minimal pair`);
          if (single.length) it.each(single)('%s → %s', expectVerdict);
          if (pairs.length) it.each(pairs)('%s (%s) / %s (%s)', expectPair);
        });
      }
    },
  };
}

/** "minimalPairs" → "minimal pairs". */
function inWords(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
}

/** A table of statements kept as data beside its test (`<test>.statements.json`), grouped by what they are about. */
export function rowsOf<Row>(groups: StatementGroups): Row[] {
  return groups.flatMap((g) => g.rows as Row[]);
}
