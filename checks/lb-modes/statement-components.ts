/**
 * Which component (proxy LB, pass-through LB, reverse proxy) each sentence of the answer talks about. Sentences
 * like "This type of load balancer is useful ..." name none, so they inherit the last component named; this works
 * whether the journal reader hands over sentences, paragraphs or the whole answer as one statement.
 */
export type Component = 'proxy' | 'passThrough' | 'reverseProxy';

const MENTIONS: { component: Component; re: RegExp }[] = [
  { component: 'reverseProxy', re: /reverse[\s-]?prox/i },
  { component: 'passThrough', re: /pass[\s-]?thr(?:u|ough)\b[^.]*?load[\s-]?balanc|pass[\s-]?thr(?:u|ough)[\s-]+(?:lb|load)/i },
  { component: 'proxy', re: /(?<!reverse[\s-]?)proxy[\s-]+load[\s-]?balanc/i },
];

export interface AttributedSentence {
  statementIndex: number;
  sentence: string;
  component: Component | null;
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9*#(])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The component a sentence names first, if any. */
export function namedComponent(sentence: string): Component | null {
  let best: { component: Component; at: number } | null = null;
  for (const m of MENTIONS) {
    const at = sentence.search(m.re);
    if (at >= 0 && (!best || at < best.at)) best = { component: m.component, at };
  }
  return best?.component ?? null;
}

export function attributeSentences(statements: readonly string[]): AttributedSentence[] {
  const out: AttributedSentence[] = [];
  let current: Component | null = null;
  statements.forEach((statement, statementIndex) => {
    for (const sentence of splitSentences(statement)) {
      current = namedComponent(sentence) ?? current;
      out.push({ statementIndex, sentence, component: current });
    }
  });
  return out;
}
