import { describe, expect, it } from 'vitest';
import { analyzeStatement, clauseAround, numberOf, polarityOf, quantifiersIn, toSeconds } from '../../src/claims/analyze.ts';
import { compareAssertion } from '../../src/claims/compare.ts';
import { AssertionExtractor } from '../../src/claims/extract.ts';
import { ClaimJudge } from '../../src/claims/judge-statements.ts';
import { PatternCompiler, endAlternationTraces, hoistLeadingLookbehind } from '../../src/claims/patterns.ts';
import type { Assertion, FactEntry, LabLexicon } from '../../src/claims/types.ts';

const source = { title: 'a doc', url: 'https://example.org/doc' };

/** A made-up lexicon (a door and its colour), so these tests pin the engine, not any lab's data. */
const lexicon: LabLexicon = {
  concepts: { door: ['doors?', 'gates?'], paint: ['painted', 'coloured', 'colored'] },
  routing: { door: { threshold: 2, cues: { '{door}': 1, 'colou?r|paint': 1 } } },
  propositions: [
    { id: 'door.colour', question: 'door', subject: 'the door', property: 'colour', kind: 'enum', when: ['{door}'], values: { red: ['{paint} red', 'is red'], blue: ['{paint} blue', 'is blue'] } },
    { id: 'door.hinges', question: 'door', subject: 'the door', property: 'hinges', kind: 'number', when: ['{door}'], patterns: ['{n} hinges'] },
    { id: 'door.open-after', question: 'door', subject: 'the door', property: 'closes after', kind: 'number', unit: 's', when: ['{door}'], patterns: ['closes after {duration}'] },
    { id: 'door.parts', question: 'door', subject: 'the door', property: 'parts', kind: 'set', listAfter: ['made of'], values: { wood: ['wood(?:en)?'], glass: ['glass'], steel: ['steel'] } },
    { id: 'door.steps', question: 'door', subject: 'opening the door', property: 'steps', kind: 'sequence', listAfter: ['to open'], values: { unlock: ['unlock'], turn: ['turn'], push: ['push'], knock: ['knock'] } },
  ],
};
const facts: Record<string, FactEntry> = {
  'door.colour': { value: 'red', fact: 'The door is red.', source, imprecise: { quantifiers: ['always'], why: 'it was blue until 2020' } },
  'door.hinges': { value: 3, fact: 'The door has three hinges.', source, expected: 'How many hinges the door has.' },
  'door.open-after': { value: 120, fact: 'The door closes after two minutes.', source },
  'door.parts': { value: ['wood', 'glass'], fact: 'The door is wood and glass.', source },
  'door.steps': { value: ['unlock', 'turn', 'push'], fact: 'Unlock, turn, push.', source, conditional: { knock: 'when someone is inside' } },
};
const extractor = new AssertionExtractor(lexicon);
const judge = new ClaimJudge({ lexicon, facts });
const only = (statement: string) => judge.judge([statement], undefined, 'local', ['door'], false).claims.map((c) => c.verdict);

describe('analysis (compromise underneath)', () => {
  it('finds negations, contractions and learner spellings included', () => {
    for (const s of ["The door isn't red", 'The door is not red', 'The door doesnt look red', 'A door without paint', 'The door is never red', 'There is no red door']) {
      expect(analyzeStatement(s).negations.length, s).toBe(1);
    }
    expect(analyzeStatement('The door is red').negations).toEqual([]);
    expect(analyzeStatement('Doors and nothing else').negations).toEqual([]);
  });

  it('keeps a negation inside its clause', () => {
    const text = "The gate won't open, because the door is red";
    const a = analyzeStatement(text);
    const at = text.indexOf('is red');
    const span = { start: at, end: at + 6, text: 'is red' };
    expect(polarityOf(a, span, clauseAround(a, span))).toBe(1);
    const text2 = 'The door is red, not blue';
    const b = analyzeStatement(text2);
    const blue = text2.indexOf('blue');
    const s2 = { start: blue, end: blue + 4, text: 'blue' };
    expect(polarityOf(b, s2, clauseAround(b, s2))).toBe(-1);
  });

  it('reads numbers written as digits or words and converts durations', () => {
    expect(numberOf('75')).toBe(75);
    expect(numberOf('two')).toBe(2);
    expect(numberOf('five')).toBe(5);
    expect(numberOf('a single')).toBe(1);
    expect(toSeconds(2, 'hours')).toBe(7200);
    expect(toSeconds(30, 's')).toBe(30);
  });

  it('names quantifiers', () => {
    expect(quantifiersIn('it is always red')).toContain('always');
    expect(quantifiersIn('only red')).toContain('only');
    expect(quantifiersIn('as soon as it fails')).toContain('immediately');
    expect(quantifiersIn('by default it is red')).toContain('default');
  });
});

describe('patterns', () => {
  it('expands concepts, gaps and numbers, at word boundaries', () => {
    const c = new PatternCompiler(lexicon.concepts);
    expect(c.test('{door}…red', 'the gate of the barn is red')).toBe(true);
    expect(c.test('{door}…red', 'the gate. It is red')).toBe(false);
    expect(c.test('{door}', 'outdoors')).toBe(false);
    expect(c.matchAll('{n} hinges', 'it has three hinges')[0].groups?.n).toBe('three');
    expect(() => c.compile('{nope}')).toThrow(/unknown concept \{nope\}/);
  });
});

describe('compile-time rewrites change no match', () => {
  const sources = [
    String.raw`(?<=(?:doors?|gates?)(?:[^.]{0,40}?))(?:is|are) (?:painted )?(?<colour>red|blue)`,
    String.raw`(?:the )?(?:door|gate)s?(?: of the \w+)? (?:is|was) (?:not )?(?:red|blue)(?: today)?`,
    String.raw`(?<!no )(?:a|the) (?:wooden|glass) door(?:, (?:red|blue))?`,
    String.raw`[(|)] (?:x|y)[?] (?:z)`,
  ];
  const texts = ['The door is painted red today.', 'the gate of the barn was not blue', 'no wooden door, red', 'a glass door, blue and the gate is red', '( x? z', 'doors are red'];
  const all = (re: RegExp, t: string) => [...t.matchAll(new RegExp(re.source, 'gi'))].map((m) => [m.index, m[0], m.groups]);
  it.each(sources)('%s', (source) => {
    const rewritten = new RegExp(endAlternationTraces(hoistLeadingLookbehind(source)), 'gi');
    for (const t of texts) expect(all(rewritten, t), t).toEqual(all(new RegExp(source, 'gi'), t));
  });
});

describe('extraction', () => {
  it('extracts value, polarity, quantifiers and the span', () => {
    const [a] = extractor.extract('The door is always painted red.');
    expect(a).toMatchObject({ proposition: 'door.colour', value: 'red', polarity: 1, quantifiers: ['always'] });
    expect(a.span.text).toBe('painted red');
    expect(extractor.extract('The door is not painted blue.')[0]).toMatchObject({ value: 'blue', polarity: -1 });
  });

  it('reads numbers with units and lists in the order written', () => {
    expect(extractor.extract('The door closes after 2 minutes.')[0]).toMatchObject({ value: 120 });
    expect(extractor.extract('The door is made of steel, glass and wood.')[0]).toMatchObject({ kind: 'set', value: ['steel', 'glass', 'wood'] });
    expect(extractor.extract('To open the door: push, unlock, turn.')[0]).toMatchObject({ kind: 'sequence', value: ['push', 'unlock', 'turn'] });
  });

  it('extracts nothing from a sentence on the topic that asserts nothing', () => {
    expect(extractor.extract('Doors are an interesting subject.')).toEqual([]);
  });
});

describe('verdicts from assertions', () => {
  it('minimal pairs: a value swapped or a negation added flips the verdict', () => {
    expect(only('The door is painted red.')).toEqual(['confirmed']);
    expect(only('The door is painted blue.')).toEqual(['contradicted']);
    expect(only('The door is not painted red.')).toEqual(['contradicted']);
    expect(only('The door is not painted blue.')).toEqual(['confirmed']);
    expect(only('The door has 3 hinges.')).toEqual(['confirmed']);
    expect(only('The door has four hinges.')).toEqual(['contradicted']);
  });

  it('an over-claiming quantifier makes a right value imprecise', () => {
    expect(only('The door is always painted red.')).toEqual(['imprecise']);
  });

  it('sets: a wrong item contradicts, a subset sold as "only" is imprecise', () => {
    expect(only('The door is made of wood and glass.')).toEqual(['confirmed']);
    expect(only('The door is made of wood.')).toEqual(['confirmed']);
    expect(only('The door is made of only wood.')).toEqual(['imprecise']);
    expect(only('The door is made of wood and steel.')).toEqual(['contradicted']);
  });

  it('sequences are judged per item and by order', () => {
    expect(only('To open the door: unlock, turn, push.')).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(only('To open the door: knock, unlock, push.')).toEqual(['imprecise', 'confirmed', 'confirmed']);
    expect(only('To open the door: push, unlock.')).toEqual(['confirmed', 'confirmed', 'contradicted']);
  });

  it('explains from both sides and cites the source', () => {
    const [claim] = judge.judge(['The door is painted blue.'], undefined, 'local', ['door'], false).claims;
    expect(claim.explanation).toMatch(/You say the door — colour: blue/);
    expect(claim.explanation).toMatch(/Documented: The door is red\./);
    expect(claim.sources).toEqual([source]);
  });

  it('reports an expected fact as missing only when no statement asserts it', () => {
    const missing = (s: string) => judge.judge([s], undefined, 'local', ['door']).claims.filter((c) => c.verdict === 'missing').length;
    expect(missing('The door is painted red.')).toBe(1);
    expect(missing('The door has 3 hinges.')).toBe(0);
    expect(missing('The door has 7 hinges.')).toBe(0);
  });

  it('prefers what the lab observed, and says so; falls back to the documented fact when it could not observe', () => {
    const observing = new ClaimJudge<{ colour?: string }>({
      lexicon,
      facts,
      observers: { 'door.colour': (e) => (e.colour ? { status: 'observed', value: e.colour, summary: `the camera saw a ${e.colour} door` } : { status: 'unverifiable', reason: 'no camera here' }) },
    });
    const [seen] = observing.judge(['The door is painted red.'], { colour: 'blue' }, 'local', ['door'], false).claims;
    expect(seen.verdict).toBe('contradicted');
    expect(seen.explanation).toMatch(/The lab observed: the camera saw a blue door/);
    const [fallback] = observing.judge(['The door is painted red.'], {}, 'local', ['door'], false).claims;
    expect(fallback.verdict).toBe('confirmed');
    expect(fallback.explanation).toMatch(/could not observe this here: no camera here/);
  });

  it('a broken observer is an error, never a verdict on the answer', () => {
    const broken = new ClaimJudge<object>({ lexicon, facts, observers: { 'door.colour': () => { throw new Error('boom'); } } });
    expect(broken.judge(['The door is painted red.'], {}, 'local', ['door'], false).claims[0].verdict).toBe('error');
  });

  it('refuses a lexicon whose proposition has no fact', () => {
    expect(() => new ClaimJudge({ lexicon, facts: {} })).toThrow(/door.colour has no entry in the fact sheet/);
  });

  it('compares numbers exactly and denies by polarity', () => {
    const a: Assertion = { proposition: 'door.hinges', subject: 's', property: 'p', kind: 'number', value: 3, polarity: -1, quantifiers: [], span: { start: 0, end: 1, text: 'x' } };
    expect(compareAssertion(a, { value: 3, conditional: {} }, facts['door.hinges']).verdict).toBe('contradicted');
    expect(compareAssertion({ ...a, value: 4 }, { value: 3, conditional: {} }, facts['door.hinges']).verdict).toBe('confirmed');
  });
});
