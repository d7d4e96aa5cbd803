/**
 * A lab question's judge, built from its lexicon (what statements can assert), its fact sheet (documented values
 * with sources) and its observers (what the lab's evidence shows). Pure: statements and evidence in, claims out.
 */
import type { Lab } from '../lab-api/lab.ts';
import type { ClaimResult, EvidenceItem } from '../model/types.ts';
import { isNotObserved, notObserved, type NotObserved } from '../model/observed.ts';
import { BoundedCache } from './bounded-cache.ts';
import { compareAssertion, show, type Truth } from './compare.ts';
import { AssertionExtractor } from './extract.ts';
import type { Assertion, FactEntry, FactSheet, LabLexicon, Observation, Observer, PropositionSpec } from './types.ts';

/** A lab question's verdicts on an answer, and the statements nothing could be checked in. */
export interface AnswerJudgement {
  claims: ClaimResult[];
  unjudged: string[];
}

export interface ClaimBook<E> {
  lexicon: LabLexicon;
  facts: FactSheet;
  observers?: Partial<Record<string, Observer<E>>>;
}

interface ResolvedTruth extends Truth {
  basis: string;
  evidence: EvidenceItem[];
}

/** The judging side of a lab: extraction is shared by every question of the lab. */
export class ClaimJudge<E> {
  readonly extractor: AssertionExtractor;
  constructor(readonly book: ClaimBook<E>) {
    this.extractor = new AssertionExtractor(book.lexicon);
    for (const p of book.lexicon.propositions) {
      if (!book.facts[p.id]) throw new Error(`proposition ${p.id} has no entry in the fact sheet`);
    }
  }

  propositionsOf(questionIds: readonly string[]): PropositionSpec[] {
    return this.book.lexicon.propositions.filter((p) => questionIds.includes(p.question));
  }

  /** Assertions a statement makes about this lab's questions. */
  assertions(statement: string, questionIds: readonly string[]): Assertion[] {
    // Routing asks first, judging asks again: the same statement is read once per lab question.
    const key = `${questionIds.join(',')}\u0000${statement}`;
    return this.extracted.get(key, () => dedupe(this.extractor.extract(statement, this.propositionsOf(questionIds))));
  }
  private readonly extracted = new BoundedCache<string, Assertion[]>(5000);

  /**
   * Judges each statement by what it asserts; `reportMissing` adds the expected facts no statement asserts (only
   * for the questions the journal question is about, not for stray statements routed here).
   */
  judge(statements: readonly string[], evidence: E | NotObserved | undefined, target: string, questionIds: readonly string[], reportMissing = true): AnswerJudgement {
    const claims: ClaimResult[] = [];
    const unjudged: string[] = [];
    const asserted = new Set<string>();
    for (const statement of statements) {
      const assertions = this.assertions(statement, questionIds);
      if (assertions.length === 0) unjudged.push(statement);
      for (const a of assertions) {
        asserted.add(a.proposition);
        claims.push(...this.judgeAssertion(statement, a, evidence, target));
      }
    }
    if (reportMissing) {
      for (const p of this.propositionsOf(questionIds)) {
        const fact = this.book.facts[p.id];
        if (!fact.expected || asserted.has(p.id)) continue;
        claims.push({
          claim: fact.expected,
          aspect: `${p.subject} · ${p.property}`,
          verdict: 'missing',
          explanation: `Your answer does not say this. ${fact.fact}`,
          evidence: [{ kind: 'documented', summary: fact.fact }],
          sources: [fact.source],
        });
      }
    }
    return { claims, unjudged };
  }

  judgeAssertion(statement: string, a: Assertion, evidence: E | NotObserved | undefined, target: string): ClaimResult[] {
    const fact = this.book.facts[a.proposition];
    const aspect = `${a.subject} · ${a.property}`;
    const truth = this.truth(a.proposition, fact, evidence, target);
    if ('unavailable' in truth) {
      return [{ claim: statement, aspect, verdict: truth.status, explanation: `You say ${describe(a)}. ${truth.unavailable}`, evidence: [{ kind: 'not-observed', summary: truth.unavailable }], sources: [fact.source] }];
    }
    const result = compareAssertion(a, truth, fact);
    const base = { claim: statement, evidence: truth.evidence, sources: [fact.source] };
    if (a.kind === 'sequence' && result.items && result.items.length > 1) {
      const perItem: ClaimResult[] = result.items.map((i) => ({
        ...base,
        aspect: `${a.subject} · ${i.item}`,
        verdict: i.verdict,
        explanation: `You ${a.polarity === -1 ? 'rule out' : 'list'} ${i.item} in ${a.subject}. ${truth.basis}${i.because ? ` So ${i.because}.` : ''}`,
      }));
      const orderWrong = result.verdict === 'contradicted' && result.items.every((i) => i.verdict !== 'contradicted');
      if (orderWrong) perItem.push({ ...base, aspect: `${aspect} (order)`, verdict: 'contradicted', explanation: `You list ${show(a.value)}. ${truth.basis} So ${result.because}.` });
      return perItem;
    }
    return [{
      ...base,
      aspect,
      verdict: result.verdict,
      explanation: `You say ${describe(a)}. ${truth.basis}${result.because ? ` So ${result.because}.` : ''}`,
      ...(result.verdict === 'confirmed' ? {} : { failures: [{ path: a.proposition, message: result.because }] }),
    }];
  }

  private truth(id: string, fact: FactEntry, evidence: E | NotObserved | undefined, target: string): ResolvedTruth | { unavailable: string; status: 'unverifiable' | 'error' } {
    const observer = this.book.observers?.[id];
    const documented: ResolvedTruth = {
      value: fact.value,
      conditional: fact.conditional ?? {},
      basis: `Documented${fact.scope ? ` (${fact.scope})` : ''}: ${fact.fact}`,
      evidence: [{ kind: 'documented', summary: `${fact.fact} (${fact.source.title})` }],
    };
    if (!observer || evidence === undefined) return documented;
    let seen: Observation;
    // A lab whose evidence could not be collected here at all says so once, for every proposition.
    if (isNotObserved(evidence)) seen = evidence;
    else {
      try {
        seen = observer(evidence, target);
      } catch (err) {
        seen = notObserved(`the observer for ${id} failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
      }
    }
    if (seen.status === 'observed') {
      return {
        value: seen.value,
        conditional: seen.conditional ?? fact.conditional ?? {},
        basis: `The lab observed: ${seen.summary}`,
        evidence: [{ kind: 'observed', summary: seen.summary, ...(seen.data === undefined ? {} : { data: seen.data }) }],
      };
    }
    if (seen.status === 'error') return { unavailable: `The harness broke while reading the evidence (${seen.reason}); this is not a verdict on your answer.`, status: 'error' };
    return { ...documented, basis: `${documented.basis} (the lab could not observe this here: ${seen.reason})`, evidence: [...documented.evidence, { kind: 'not-observed', summary: seen.reason }] };
  }
}

const judges = new WeakMap<Lab, ClaimJudge<unknown>>();
/** One judge per lab, built on first use from its claim book; routing and judging share it (and its compiled patterns). */
export function judgeOf(lab: Lab): ClaimJudge<unknown> {
  let j = judges.get(lab);
  if (!j) judges.set(lab, (j = new ClaimJudge(lab.claims)));
  return j;
}

/** "the ALB — listener protocols: HTTP, HTTPS" in the learner's terms. */
export function describe(a: Assertion): string {
  const q = a.quantifiers.filter((x) => x === 'only' || x === 'always' || x === 'immediately');
  return `${a.subject} — ${a.property}: ${a.polarity === -1 ? 'not ' : ''}${q.length ? `${q.join(', ')} ` : ''}${show(a.value)} ("${a.span.text.trim()}")`;
}

function dedupe(assertions: Assertion[]): Assertion[] {
  const seen = new Set<string>();
  return assertions.filter((a) => {
    const key = `${a.proposition}|${JSON.stringify(a.value)}|${a.polarity}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
