/**
 * What the NLP library tells about a statement: where its clauses are, which words negate, which quantifiers each
 * clause carries, and what number a number word stands for. compromise expands contractions ("doesn't" → does
 * not) and tags negatives; a few learner spellings it does not know ("doesnt", "without") are added here.
 */
import nlp from 'compromise';
import { BoundedCache } from './bounded-cache.ts';
import { NUMBER_WORD_VALUES } from './patterns.ts';
import type { Quantifier, Span } from './types.ts';

export interface Clause {
  start: number;
  end: number;
}

export interface StatementAnalysis {
  text: string;
  clauses: Clause[];
  /** Offsets of the words that negate ("not", "never", "no", "without" …). */
  negations: number[];
}

/** Words that end one clause and start another; a negation or quantifier does not reach across them. */
const CLAUSE_BREAK =
  /[.!?](?=\s|$)|[;,:()]|\s[–—-]\s|\b(?:because|since|so that|so|but|whereas|while|although|though|even though|unless|until|then|instead|otherwise|where|which|and then|or else|if|when|whenever|as long as|so long as|provided that)\b/gi;
/** Spellings compromise does not tag as negative, and phrases it does that are quantifiers, not negations. */
const EXTRA_NEGATION = /\b(?:without|doesnt|dont|didnt|cant|cannot|wont|isnt|arent|wasnt|werent|shouldnt|couldnt|neither|no longer|no|nothing|nobody|none)\b/gi;
const NOT_A_NEGATION = /\b(?:nothing else|no other|none other|no matter|not only|no more than|no less than|no later than)\b/gi;

type Terms = Array<{ terms: Array<{ text: string; pre?: string; post?: string; tags: string[]; offset: { start: number } }> }>;

/** A journal's statements are analysed once per process, however many lab questions look at them. */
const analysed = new BoundedCache<string, StatementAnalysis>(5000);

export function analyzeStatement(text: string): StatementAnalysis {
  return analysed.get(text, () => {
    const terms = nlp(text).json({ offset: true, terms: { offset: true } }) as Terms;
    return { text, clauses: clausesOf(text, terms), negations: negationOffsets(text, terms) };
  });
}

/**
 * "and"/"or" joining two predicates ("it has no conditions and catches the rest") starts a new clause, so the first
 * predicate's negation does not reach the second; joining nouns ("HTTP and HTTPS") it does not. "that"/"who" after a
 * noun opens a relative clause, whose negation ("fails on clients that don't trust it") is not the main verb's.
 */
function predicateJoins(terms: Terms): RegExpMatchArray[] {
  const joins: RegExpMatchArray[] = [];
  for (const sentence of terms) {
    const ts = sentence.terms;
    const isVerb = (t: Terms[number]['terms'][number] | undefined) => !!t && t.tags.includes('Verb') && !t.tags.includes('Gerund');
    const stops = (t: Terms[number]['terms'][number]) => /[,;:]/.test(t.post ?? '');
    ts.forEach((term, i) => {
      const next = ts[i + 1];
      const prev = ts[i - 1];
      // A relative clause after a noun ("clients that don't trust it") is a clause of its own too.
      const relative = /^(?:that|who)$/i.test(term.text) && prev?.tags.includes('Noun') && !prev.tags.includes('Pronoun');
      let joinsPredicate = false;
      if (/^(?:and|or)$/i.test(term.text)) {
        let j = i + 1;
        while (ts[j]?.tags.includes('Adverb')) j++;
        // "… and (always) comes last": a second predicate of the same subject.
        const predicate = isVerb(ts[j]);
        // "the lowest number goes first and the default rule is evaluated last": a second subject with its own verb,
        // after a clause that already had one ("HTTP and HTTPS are allowed" has none before the "and": one clause).
        let verbBefore = false;
        for (let k = i - 1; k >= 0 && !stops(ts[k]); k--) if (isVerb(ts[k])) { verbBefore = true; break; }
        let verbAfter = false;
        for (let k = i + 1; k < Math.min(ts.length, i + 6) && !/^(?:and|or)$/i.test(ts[k].text); k++) {
          if (isVerb(ts[k])) { verbAfter = true; break; }
          if (stops(ts[k])) break;
        }
        joinsPredicate = predicate || (verbBefore && verbAfter);
      }
      // A subject pronoun opening a second predicate with no comma ("since it never parses HTTP it cannot add headers"):
      // after a noun or adverb that closed a clause with a verb of its own, and before a verb, it starts a new clause.
      let pronounSubject = false;
      if (/^(?:it|they|we|you|he|she)$/i.test(term.text) && prev && !stops(prev) && (prev.tags.includes('Noun') || prev.tags.includes('Adverb') || prev.tags.includes('Adjective')) && !prev.tags.includes('Pronoun')) {
        let j = i + 1;
        while (ts[j]?.tags.includes('Adverb')) j++;
        let verbBefore = false;
        for (let k = i - 1; k >= 0 && !stops(ts[k]); k--) if (isVerb(ts[k])) { verbBefore = true; break; }
        pronounSubject = verbBefore && (isVerb(ts[j]) || !!ts[j]?.tags.includes('Modal'));
      }
      if (!next || !(relative || joinsPredicate || pronounSubject)) return;
      const m = Object.assign([term.text], { index: term.offset.start }) as RegExpMatchArray;
      joins.push(m);
    });
  }
  return joins;
}

function clausesOf(text: string, terms: Terms): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  const breaks = [...text.matchAll(CLAUSE_BREAK), ...predicateJoins(terms)].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  for (const m of breaks) {
    const at = m.index ?? 0;
    if (at < start) continue;
    // A break word starts the next clause ("… because the ALB does not …": the "not" belongs to the second).
    if (at > start) clauses.push({ start, end: at });
    start = /^\w/.test(m[0]) ? at : at + m[0].length;
  }
  if (start < text.length) clauses.push({ start, end: text.length });
  return clauses.length ? clauses : [{ start: 0, end: text.length }];
}

function negationOffsets(text: string, terms: Terms): number[] {
  const excluded = [...text.matchAll(NOT_A_NEGATION)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const inExcluded = (at: number) => excluded.some(([s, e]) => at >= s && at < e);
  const offsets = new Set<number>();
  const extra = [...text.matchAll(EXTRA_NEGATION)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  for (const sentence of terms) {
    for (const term of sentence.terms) {
      // compromise reads "dont", "cannot" as two words and tags the implied "not" (at the word's end): counted once.
      if (term.tags.includes('Negative') && !extra.some(([s, e]) => term.offset.start > s && term.offset.start <= e)) offsets.add(term.offset.start);
    }
  }
  for (const [s] of extra) offsets.add(s);
  // compromise puts the "not" of a contraction at the word's end ("won't|"): every offset names its word's start.
  return [...new Set([...offsets].map((at) => wordStart(text, at)))].filter((at) => !inExcluded(at)).sort((a, b) => a - b);
}

function wordStart(text: string, at: number): number {
  let i = at;
  if (i >= text.length || !/[\w'’]/.test(text[i])) i--;
  while (i > 0 && /[\w'’]/.test(text[i - 1])) i--;
  return Math.max(0, i);
}

/** The clauses a span touches, as one range. */
export function clauseAround(a: StatementAnalysis, span: { start: number; end: number }): Clause {
  const touched = a.clauses.filter((c) => c.end > span.start && c.start < span.end);
  if (touched.length === 0) return { start: span.start, end: span.end };
  return { start: touched[0].start, end: touched[touched.length - 1].end };
}

/** The sentence (up to `;` or a full stop) around a span: where a list the learner writes runs. */
export function sentenceAround(text: string, span: { start: number; end: number }): Clause {
  const before = text.slice(0, span.start);
  const startCut = Math.max(before.lastIndexOf(';'), ...[...before.matchAll(/[.!?](?=\s)/g)].map((m) => m.index ?? -1));
  const after = text.slice(span.end);
  const endMatch = after.match(/;|[.!?](?=\s|$)/);
  return { start: startCut + 1, end: endMatch?.index !== undefined ? span.end + endMatch.index : text.length };
}

/**
 * -1 when an odd number of negations stand in the clause. Those inside `span` do not count when the words matched
 * there own them (`spanOwnsNegations`: a pattern that spells "doesn't validate"). A contrastive negation ("the
 * genuine site and not an impostor", "session keys, not the certificate") denies what follows it, never what came
 * before: it counts only for words after it.
 */
export function polarityOf(a: StatementAnalysis, span: Span, clause: Clause, spanOwnsNegations = true): 1 | -1 {
  const count = a.negations.filter((at) => {
    if (at < clause.start || at >= clause.end) return false;
    if (spanOwnsNegations && at >= span.start && at < span.end) return false;
    return !(at >= span.start && isContrastive(a.text, at));
  }).length;
  return count % 2 === 1 ? -1 : 1;
}

function isContrastive(text: string, at: number): boolean {
  // "without" negates what follows it ("works without warnings" still works), like a contrastive "not".
  if (/^without\b/i.test(text.slice(at))) return true;
  return /(?:,|\b(?:and|but|or|yet))\s*$/i.test(text.slice(Math.max(0, at - 8), at));
}

const QUANTIFIERS: [Quantifier, RegExp][] = [
  ['only', /\b(?:only|just|solely|exclusively|nothing else|no other|none other)\b/i],
  ['always', /\b(?:always|every|all|each|whenever|any time)\b/i],
  ['never', /\bnever\b/i],
  ['can', /\b(?:can|could|may|might|able to)\b/i],
  ['default', /\b(?:by default|defaults?|out of the box|automatically|unless)\b/i],
  ['immediately', /\b(?:as soon as|immediately|right away|straight away|instantly|at once|the moment|on the first|a single)\b/i],
];

export function quantifiersIn(text: string): Quantifier[] {
  return QUANTIFIERS.filter(([, re]) => re.test(text)).map(([q]) => q);
}

/** "two" → 2, "75" → 75: digits, or one of the number words `{n}` matches (a lookup, no general parsing). */
export function numberOf(word: string): number | undefined {
  const w = word.toLowerCase().trim().replace(/\s+/g, ' ');
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w);
  return NUMBER_WORD_VALUES[w];
}

const SECONDS: [RegExp, number][] = [
  [/^(?:ms|milliseconds?)$/i, 0.001],
  [/^(?:s|secs?|seconds?)$/i, 1],
  [/^(?:min|mins|minutes?)$/i, 60],
  [/^(?:h|hrs?|hours?)$/i, 3600],
];

export function toSeconds(value: number, unit: string | undefined): number {
  if (!unit) return value;
  const factor = SECONDS.find(([re]) => re.test(unit))?.[1];
  return factor === undefined ? value : value * factor;
}
