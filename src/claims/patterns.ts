/** Compiles lexicon patterns (`{concept}`, `…`, `{n}`, `{duration}`) into regular expressions, once per lexicon. */

const NUMBER_WORDS =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety|a single|a|an|single|once|twice';
const NUMBER = `(?<n>\\d+(?:\\.\\d+)?|${NUMBER_WORDS})`;
const TIME_UNIT = '(?<unit>ms|milliseconds?|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?)';
/** A gap inside one sentence: a dot only when a word follows it directly (1.3, data.terraform_remote_state). */
const GAP = '(?:[^;!?\\n.]|\\.(?=\\w)){0,90}?';

export type ConceptTable = Readonly<Record<string, readonly string[]>>;

export class PatternCompiler {
  private readonly cache = new Map<string, RegExp>();
  constructor(private readonly concepts: ConceptTable) {}

  compile(pattern: string): RegExp {
    let re = this.cache.get(pattern);
    if (!re) {
      const source = this.expand(pattern, 0);
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
