import type { ClaimResult, ClaimVerdict, EvidenceItem, Failure, Source } from './types.ts';

/** What a rule decides about one statement; the harness adds the learner's words. */
export interface RuleOutcome {
  aspect?: string;
  verdict: ClaimVerdict;
  explanation: string;
  evidence: EvidenceItem[];
  sources: Source[];
  failures?: Failure[];
}

/**
 * Judges statements that talk about one thing. `about` picks the statements; `judge` is pure and may return
 * several outcomes for one statement (one per aspect, e.g. each handshake message the learner lists).
 */
export interface StatementRule<E> {
  id: string;
  about: RegExp;
  judge(statement: string, evidence: E): RuleOutcome | RuleOutcome[];
}

/** A fact that matters for the question: reported as `missing` when no statement mentions it. */
export interface ExpectedFact<E> {
  id: string;
  fact: string;
  mentionedBy: RegExp;
  /** Evidence and sources that back the fact; it is pure like a rule. */
  explain(evidence: E): Omit<RuleOutcome, 'verdict' | 'aspect'>;
}

export interface AnswerJudgement {
  claims: ClaimResult[];
  unjudged: string[];
}

/**
 * Applies rules to the learner's statements and reports expected facts the answer leaves out.
 * A rule that throws becomes an `error` verdict naming the rule: a broken judge never looks like a failed claim.
 */
export function judgeAnswer<E>(
  statements: readonly string[],
  evidence: E,
  rules: readonly StatementRule<E>[],
  facts: readonly ExpectedFact<E>[] = [],
): AnswerJudgement {
  const claims: ClaimResult[] = [];
  const unjudged: string[] = [];
  for (const statement of statements) {
    const matching = rules.filter((rule) => rule.about.test(statement));
    if (matching.length === 0) {
      unjudged.push(statement);
      continue;
    }
    for (const rule of matching) {
      for (const outcome of runRule(rule, statement, evidence)) claims.push({ claim: statement, ...outcome });
    }
  }
  const answer = statements.join('\n');
  for (const fact of facts) {
    if (fact.mentionedBy.test(answer)) continue;
    try {
      claims.push({ claim: fact.fact, verdict: 'missing', ...fact.explain(evidence) });
    } catch (err) {
      claims.push({ claim: fact.fact, ...brokenJudge(`fact ${fact.id}`, err) });
    }
  }
  return { claims, unjudged };
}

function runRule<E>(rule: StatementRule<E>, statement: string, evidence: E): RuleOutcome[] {
  try {
    const out = rule.judge(statement, evidence);
    return Array.isArray(out) ? out : [out];
  } catch (err) {
    return [brokenJudge(`rule ${rule.id}`, err)];
  }
}

function brokenJudge(what: string, err: unknown): RuleOutcome {
  const message = err instanceof Error ? err.message : String(err);
  return {
    verdict: 'error',
    explanation: `The harness could not judge this (${what} failed: ${message}). This is a bug or missing evidence, not a verdict on your answer.`,
    evidence: [],
    sources: [],
    failures: [{ path: what, message }],
  };
}
