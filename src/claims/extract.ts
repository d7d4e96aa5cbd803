/**
 * Statement → assertions: for each proposition of a lexicon the statement talks about, what value it asserts,
 * with polarity, quantifiers and the words it came from. Deterministic; no verdicts here.
 */
import { analyzeStatement, clauseAround, numberOf, polarityOf, quantifiersIn, sentenceAround, toSeconds, type StatementAnalysis } from './analyze.ts';
import commonConcepts from './common-concepts.json' with { type: 'json' };
import { PatternCompiler } from './patterns.ts';
import type { Assertion, LabLexicon, PropositionSpec, Span } from './types.ts';

interface Hit {
  key: string;
  /** The pattern that matched: a negation it spells is its own, not a denial. */
  pattern: string;
  span: Span;
  groups?: Record<string, string | undefined>;
}

export class AssertionExtractor {
  readonly patterns: PatternCompiler;
  constructor(readonly lexicon: LabLexicon) {
    // Concepts every lab shares ({alb}, {client}, {only} …); a lab's own spelling list of the same name wins.
    this.patterns = new PatternCompiler({ ...commonConcepts, ...lexicon.concepts });
  }

  /** Assertions of one statement about the given propositions (default: all of the lexicon's). */
  extract(statement: string, propositions: readonly PropositionSpec[] = this.lexicon.propositions): Assertion[] {
    const analysis = analyzeStatement(statement);
    return propositions.flatMap((p) => (this.applies(p, statement) ? this.assertionsFor(p, analysis) : []));
  }

  /** Whether the statement is in the proposition's scope at all. */
  applies(p: PropositionSpec, statement: string): boolean {
    if (p.when && !p.when.some((w) => this.patterns.test(w, statement))) return false;
    if (p.unless?.some((u) => this.patterns.test(u, statement))) return false;
    return true;
  }

  private assertionsFor(p: PropositionSpec, a: StatementAnalysis): Assertion[] {
    switch (p.kind) {
      case 'enum':
        return this.enumAssertions(p, a);
      case 'number':
        return this.numberAssertions(p, a);
      case 'set':
      case 'sequence':
        return this.listAssertions(p, a);
    }
  }

  private enumAssertions(p: PropositionSpec, a: StatementAnalysis): Assertion[] {
    const hits = longestFirst(this.hits(p.values ?? {}, a.text));
    return hits.map((h) => this.assertion(p, a, h.key, h, clauseAround(a, h.span)));
  }

  private numberAssertions(p: PropositionSpec, a: StatementAnalysis): Assertion[] {
    const hits = longestFirst(this.hits({ n: p.patterns ?? [] }, a.text));
    const out: Assertion[] = [];
    for (const h of hits) {
      const n = numberOf(h.groups?.n ?? '');
      if (n === undefined) continue;
      const value = p.unit === 's' ? toSeconds(n, h.groups?.unit) : n;
      out.push(this.assertion(p, a, value, h, clauseAround(a, h.span)));
    }
    return out;
  }

  /**
   * Items are read, in the order written, from the sentence that carries the list's cue: with `listAfter`, from the
   * cue on to the end of that sentence (the first cue of a sentence opens its list); with only `when`, the whole
   * sentence.
   */
  private listAssertions(p: PropositionSpec, a: StatementAnalysis): Assertion[] {
    const cues = (p.listAfter ?? p.when ?? []).flatMap((c) => this.patterns.matchAll(c, a.text)).sort((x, y) => (x.index ?? 0) - (y.index ?? 0));
    const regions: { start: number; end: number; cue?: { start: number; end: number } }[] = [];
    for (const m of cues) {
      const cue = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
      const sentence = sentenceAround(a.text, cue);
      if (!p.listAfter) regions.push(sentence);
      else if (!regions.some((r) => r.start <= cue.start && cue.start < r.end)) regions.push({ start: cue.start, end: this.listEnd(p, a.text, cue.end, Math.max(sentence.end, cue.end)), cue });
    }
    // No cue, no list: with `listAfter` the items are read only after one (a bare mention of TCP is no step list).
    if (cues.length === 0 && !p.listAfter) regions.push({ start: 0, end: a.text.length });
    const out: Assertion[] = [];
    const seen = new Set<string>();
    for (const region of regions) {
      const key = `${region.start}:${region.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const regionText = a.text.slice(region.start, region.end);
      const items = longestFirst(this.hits(p.values ?? {}, regionText)).map((h) => ({ ...h, span: shift(h.span, region.start) }));
      if (items.length === 0) continue;
      items.sort((x, y) => x.span.start - y.span.start);
      const ids = p.kind === 'set' ? [...new Set(items.map((i) => i.key))] : items.map((i) => i.key).filter((k, i, all) => all.indexOf(k) === i);
      const span = { start: items[0].span.start, end: items[items.length - 1].span.end };
      const spanWithText = { ...span, text: a.text.slice(span.start, span.end) };
      // A negation inside the listed items ("HTTP, HTTPS, not TCP") is part of the list, not a denial of it; with a
      // cue, negations from the start of the cue's clause count, the cue's own words excepted ("has no X, Y").
      const polarity = region.cue
        ? polarityOf(a, { ...region.cue, text: '' }, { start: Math.min(clauseAround(a, region.cue).start, region.cue.start), end: span.start })
        : polarityOf(a, spanWithText, { start: region.start, end: span.start });
      out.push({ ...this.base(p, regionText), value: ids, polarity, span: spanWithText });
    }
    return out;
  }

  /** Where a list that starts at a cue ends: the sentence's end, or earlier where a `listUntil` pattern matches. */
  private listEnd(p: PropositionSpec, text: string, from: number, end: number): number {
    let cut = end;
    for (const u of p.listUntil ?? []) {
      for (const m of this.patterns.matchAll(u, text)) {
        const at = m.index ?? 0;
        if (at >= from && at < cut) cut = at;
      }
    }
    return cut;
  }

  /**
   * A negation the pattern spells is part of the value ("doesn't validate" / "validates"), and so is every other
   * negation inside its match (conditions like "clients that don't have the CA"); a pattern that spells none owns
   * none of them, so any negation in the clause flips it, also one a gap stepped over ("whose action does not
   * redirect").
   */
  private assertion(p: PropositionSpec, a: StatementAnalysis, value: Assertion['value'], hit: Hit, clause: { start: number; end: number }): Assertion {
    const polarity = polarityOf(a, hit.span, clause, this.patterns.spellsNegation(hit.pattern));
    return { ...this.base(p, a.text.slice(clause.start, clause.end)), value, polarity, span: hit.span };
  }

  private base(p: PropositionSpec, clauseText: string) {
    return { proposition: p.id, subject: p.subject, property: p.property, kind: p.kind, quantifiers: quantifiersIn(clauseText) };
  }

  private hits(table: Record<string, readonly string[]>, text: string): Hit[] {
    const hits: Hit[] = [];
    for (const [key, patterns] of Object.entries(table)) {
      for (const pattern of patterns) {
        for (const m of this.patterns.matchAll(pattern, text)) {
          const start = m.index ?? 0;
          hits.push({ key, span: { start, end: start + m[0].length, text: m[0] }, groups: m.groups, pattern });
        }
      }
    }
    return hits;
  }
}

/** Overlapping matches keep the longest ("ISN + 1" over "ISN"), so one stretch of words asserts one thing. */
function longestFirst(hits: Hit[]): Hit[] {
  const kept: Hit[] = [];
  for (const h of [...hits].sort((x, y) => y.span.end - y.span.start - (x.span.end - x.span.start) || x.span.start - y.span.start)) {
    if (kept.some((k) => k.span.start < h.span.end && h.span.start < k.span.end)) continue;
    kept.push(h);
  }
  return kept.sort((x, y) => x.span.start - y.span.start);
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by, text: span.text };
}
