/**
 * Statement → assertions → verdicts. An assertion is what one statement says about one property of one subject
 * (a value, a set, a number with its unit, an ordered list), with its polarity and quantifiers and the words it
 * came from; the judge compares it with observed evidence or a documented fact. Plain, serialisable.
 */
import type { Source } from '../model/types.ts';
import type { Observed } from '../model/observed.ts';

export type Quantifier = 'always' | 'only' | 'can' | 'never' | 'default' | 'immediately';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** enum → the value's id; number → the number in the proposition's unit; set/sequence → item ids. */
export type AssertedValue = string | number | string[];

export interface Assertion {
  proposition: string;
  subject: string;
  property: string;
  kind: PropositionKind;
  value: AssertedValue;
  /** -1 when the statement denies the value ("does not", "never", "no"). */
  polarity: 1 | -1;
  quantifiers: Quantifier[];
  span: Span;
}

export type PropositionKind = 'enum' | 'number' | 'set' | 'sequence';

/**
 * One property a learner can assert something about, as a lexicon declares it. Patterns are regular expressions
 * (case-insensitive) in which `{concept}` expands to the lexicon's spellings, `…` is a gap inside one sentence,
 * `{n}` a number (digits or words) and `{duration}` a number with a time unit.
 */
export interface PropositionSpec {
  id: string;
  /** The lab question (its id inside the lab) this proposition answers. */
  question: string;
  subject: string;
  property: string;
  kind: PropositionKind;
  /** The statement must match one of these somewhere, or the proposition is not what it talks about. */
  when?: string[];
  /** The proposition is skipped when the statement matches any of these (another scope: NLB vs ALB, TLS 1.3 vs 1.2). */
  unless?: string[];
  /** enum: value id → patterns that assert it; set/sequence: item id → patterns that name it. */
  values?: Record<string, string[]>;
  /** number: patterns with one `{n}` or `{duration}`. */
  patterns?: string[];
  /** number: the unit values are compared in ('s' converts durations to seconds). */
  unit?: string;
  /** set/sequence: where the list starts; items are read from there to the end of that sentence. */
  listAfter?: string[];
  /** set/sequence with `listAfter`: the list also ends where one of these matches after the cue ("then", the other peer). */
  listUntil?: string[];
}

export interface LabLexicon {
  /** Spellings and synonyms, referenced from patterns as `{name}`. */
  concepts: Record<string, string[]>;
  /** Per lab question: cue pattern → weight; a text whose cues add up to `threshold` talks about that question. */
  routing: Record<string, { threshold: number; cues: Record<string, number> }>;
  propositions: PropositionSpec[];
}

/** A documented fact, with its source and what it applies to (ALB vs NLB, TLS 1.2 vs 1.3). */
export interface FactEntry {
  /** The right value, in the proposition's terms (enum id, number, item ids). */
  value: AssertedValue;
  /** The fact in one plain sentence. */
  fact: string;
  source: Source;
  scope?: string;
  /** Values that are partly right (a confusing shortcut), and why. */
  imprecise?: { values?: AssertedValue[]; quantifiers?: Quantifier[]; why: string };
  /** set: compare as an exact set (flags of a segment) rather than "these are among the allowed ones". */
  exact?: boolean;
  /** sequence: items that appear only under a condition (item → the condition). */
  conditional?: Record<string, string>;
  /** Reported as `missing` when no statement of the answer asserts this fact correctly. */
  expected?: string;
}

export type FactSheet = Record<string, FactEntry>;

/** What the lab observed for a proposition; `value` in the same terms as FactEntry.value. */
export type Observation = Observed<{ value: AssertedValue; summary: string; data?: unknown; conditional?: Record<string, string> }>;

/** Pure: the lab's evidence → what it shows for one proposition. */
export type Observer<E> = (evidence: E, target: string) => Observation;

/** One lab's lexicon from several files (one per question group): concepts and routing merge, propositions add up. */
export function mergeLexicons(...parts: LabLexicon[]): LabLexicon {
  return {
    concepts: Object.assign({}, ...parts.map((p) => p.concepts)),
    routing: Object.assign({}, ...parts.map((p) => p.routing)),
    propositions: parts.flatMap((p) => p.propositions),
  };
}
