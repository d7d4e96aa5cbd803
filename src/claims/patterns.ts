/** Compiles lexicon patterns (`{concept}`, `…`, `{n}`, `{duration}`) into regular expressions, once per lexicon. */

/** The closed set of number words a pattern's `{n}` matches, with their values. */
export const NUMBER_WORD_VALUES: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90, 'a single': 1, a: 1, an: 1, single: 1, once: 1, twice: 2,
};
// Longest first, so "a single" is read before "a".
const NUMBER_WORDS = Object.keys(NUMBER_WORD_VALUES).sort((x, y) => y.length - x.length).join('|');
// Number words whole only (the "a" of "after" is no number); digits may run into a unit ("30s").
const NUMBER = `(?<![\\w.])(?<n>\\d+(?:\\.\\d+)?|(?:${NUMBER_WORDS})(?![\\w]))`;
const TIME_UNIT = '(?<unit>ms|milliseconds?|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?)';
/** A gap inside one sentence: a dot only when a word follows it directly (1.3, data.terraform_remote_state). */
const GAP = '(?:[^;!?\\n.]|\\.(?=\\w)){0,90}?';

export type ConceptTable = Readonly<Record<string, readonly string[]>>;

export class PatternCompiler {
  private readonly cache = new Map<string, RegExp>();
  private readonly negationSpelled = new Map<string, boolean>();
  constructor(readonly concepts: ConceptTable) {}

  compile(pattern: string): RegExp {
    let re = this.cache.get(pattern);
    if (!re) {
      const source = endAlternationTraces(hoistLeadingLookbehind(this.expand(pattern, 0)));
      re = new RegExp(`(?<![\\w])(?:${source})(?![\\w])`, 'gi');
      this.cache.set(pattern, re);
    }
    re.lastIndex = 0;
    return re;
  }

  /** Every match of the pattern in the text, with its offsets and named groups. */
  matchAll(pattern: string, text: string): RegExpMatchArray[] {
    return [...text.matchAll(this.compile(pattern))];
  }

  test(pattern: string, text: string): boolean {
    return this.compile(pattern).test(text);
  }

  /** Whether the pattern itself spells a negation ("does(?:n't| not) validate"); one it refuses to match does not count. */
  spellsNegation(pattern: string): boolean {
    let yes = this.negationSpelled.get(pattern);
    if (yes === undefined) {
      const source = withoutNegativeLookarounds(this.compile(pattern).source).replace(/nothing else|no other|none other/gi, '');
      yes = /\bnot\b|n'\\?\?t|n't|\bno\b|\bnever\b|\bwithout\b|\bcannot\b|\bnone\b|\bnothing\b|\bneither\b|\bnor\b|\b(?:do|does|is|are|ca|wo)n'?t\b/i.test(source);
      this.negationSpelled.set(pattern, yes);
    }
    return yes;
  }

  private expand(pattern: string, depth: number): string {
    if (depth > 8) throw new Error(`lexicon concepts nest too deep near "${pattern}"`);
    return pattern
      .replace(/…/g, GAP)
      .replace(/\{(\w[\w-]*)\}/g, (_, name: string) => {
        if (name === 'n') return NUMBER;
        if (name === 'duration') return `${NUMBER}[\\s-]*${TIME_UNIT}`;
        const spellings = this.concepts[name];
        if (!spellings) throw new Error(`lexicon pattern "${pattern}" names unknown concept {${name}}`);
        return `(?:${spellings.map((s) => this.expand(s, depth + 1)).join('|')})`;
      });
  }
}

/**
 * `(?<=long gap…)word` makes the engine scan the gap backwards at every position of the text; `(?=word)(?<=…)word`
 * first checks the word, which fails fast almost everywhere (60× faster on the labs' lexicons, same matches).
 */
export function hoistLeadingLookbehind(source: string): string {
  const end = leadingLookarounds(source);
  if (end <= 0) return source;
  const rest = source.slice(end);
  if (!rest || hasTopLevelAlternation(source) || !/\(\?<[=!]/.test(source.slice(0, end))) return source;
  // The copy in the lookahead must not declare the named groups a second time.
  return `(?=${rest.replace(/\(\?<([A-Za-z]\w*)>/g, '(?:')})${source.slice(0, end)}${rest}`;
}

/** Where the run of zero-width groups a pattern opens with ends (concepts wrap theirs in `(?:…)`); 0 if none. */
function leadingLookarounds(source: string): number {
  let i = 0;
  for (;;) {
    if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      const end = groupEnd(source, i);
      if (end < 0) return 0;
      i = end;
    } else if (source.startsWith('(?:', i)) {
      const end = groupEnd(source, i);
      const inner = source.slice(i + 3, end - 1);
      if (end < 0 || !inner || leadingLookarounds(inner) !== inner.length || hasTopLevelAlternation(inner)) return i;
      i = end;
    } else return i;
  }
}

/** A pattern's source without its `(?!…)`/`(?<!…)` groups: a negation it refuses to match is not one it spells. */
function withoutNegativeLookarounds(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('(?!', i) || source.startsWith('(?<!', i)) {
      const end = groupEnd(source, i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    out += source[i];
  }
  return out;
}

/** Index just past the group that opens at `start`, or -1. Skips escapes and character classes. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * Puts an empty look-ahead `(?=)` after each optional or alternation group that more pattern follows. It matches
 * nothing, so matches are unchanged; it only stops V8 from compiling the rest of the pattern once per way into
 * the group (up to 10 copies each, multiplied along a chain of concepts), which made compiling the lexicons, not
 * running them, most of the time a cold `lab judge` took (3-5x less with it).
 */
export function endAlternationTraces(source: string): string {
  let out = '';
  const stack: { look: boolean; alt: boolean }[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + source[++i];
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++;
      out += source.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(') {
      stack.push({ look: /^\(\?<?[=!]/.test(source.slice(i, i + 4)), alt: false });
      out += c;
      continue;
    }
    if (c === '|') {
      if (stack.length) stack[stack.length - 1].alt = true;
      out += c;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      const quantifier = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(i + 1))?.[0] ?? '';
      out += c + quantifier;
      i += quantifier.length;
      const next = source[i + 1];
      if (group && !group.look && (quantifier.startsWith('?') || (!quantifier && group.alt)) && next !== undefined && next !== ')' && next !== '|') out += '(?=)';
      continue;
    }
    out += c;
  }
  return out;
}
