/**
 * One assertion against the truth (observed or documented) → a verdict and the reason in plain words. Pure.
 * Equal → confirmed; conflicting value or polarity → contradicted; a partial truth or an over-claiming quantifier
 * → imprecise.
 */
import type { ClaimVerdict } from '../model/types.ts';
import type { AssertedValue, Assertion, FactEntry } from './types.ts';

export interface Truth {
  value: AssertedValue;
  /** sequence: items that appear only under a condition. */
  conditional: Record<string, string>;
}

export interface Comparison {
  verdict: Exclude<ClaimVerdict, 'missing' | 'unverifiable' | 'error'>;
  /** What differs, in the learner's terms; empty when confirmed. */
  because: string;
  /** Per-item findings of a list (one handshake message each). */
  items?: { item: string; verdict: Comparison['verdict']; because: string }[];
}

export function compareAssertion(a: Assertion, truth: Truth, fact: FactEntry): Comparison {
  switch (a.kind) {
    case 'enum':
    case 'number':
      return compareScalar(a, truth, fact);
    case 'set':
      return compareSet(a, truth, fact);
    case 'sequence':
      return compareSequence(a, truth);
  }
}

const same = (x: AssertedValue, y: AssertedValue) => JSON.stringify(x) === JSON.stringify(y);

function compareScalar(a: Assertion, truth: Truth, fact: FactEntry): Comparison {
  const matches = same(a.value, truth.value);
  const shortcut = fact.imprecise?.values?.some((v) => same(v, a.value)) ?? false;
  if (a.polarity === -1) {
    return matches
      ? { verdict: 'contradicted', because: `it is ${show(a.value)}: you deny the right value` }
      : { verdict: 'confirmed', because: '' };
  }
  if (matches) return overclaim(a, fact) ?? { verdict: 'confirmed', because: '' };
  if (shortcut) return { verdict: 'imprecise', because: fact.imprecise!.why };
  return { verdict: 'contradicted', because: `it is ${show(truth.value)}, not ${show(a.value)}` };
}

function compareSet(a: Assertion, truth: Truth, fact: FactEntry): Comparison {
  const stated = a.value as string[];
  const right = truth.value as string[];
  const wrong = stated.filter((s) => !right.includes(s));
  const left = right.filter((r) => !stated.includes(r));
  if (a.polarity === -1) {
    const denied = stated.filter((s) => right.includes(s));
    return denied.length ? { verdict: 'contradicted', because: `you rule out ${denied.join(', ')}, which is part of it` } : { verdict: 'confirmed', because: '' };
  }
  if (wrong.length) return { verdict: 'contradicted', because: `${wrong.join(', ')} ${wrong.length > 1 ? 'are' : 'is'} not part of it (it is ${right.join(', ')})` };
  if (left.length === 0) return overclaim(a, fact) ?? { verdict: 'confirmed', because: '' };
  if (fact.exact) return { verdict: 'contradicted', because: `it is ${right.join(' + ')}, not ${stated.join(' + ')} alone` };
  if (a.quantifiers.includes('only')) return { verdict: 'imprecise', because: `not only ${stated.join(', ')}: ${left.join(', ')} too` };
  return { verdict: 'confirmed', because: '' };
}

function compareSequence(a: Assertion, truth: Truth): Comparison {
  const stated = a.value as string[];
  const order = truth.value as string[];
  if (a.polarity === -1) return compareDeniedItems(stated, truth);
  const items: NonNullable<Comparison['items']> = stated.map((item) => {
    const condition = truth.conditional[item];
    if (condition) return { item, verdict: 'imprecise', because: `${item} appears only ${condition}` };
    if (!order.includes(item)) return { item, verdict: 'contradicted', because: `${item} is not part of it` };
    return { item, verdict: 'confirmed', because: '' };
  });
  const known = stated.filter((s) => order.includes(s));
  const inOrder = known.every((s, i) => i === 0 || order.indexOf(known[i - 1]) < order.indexOf(s));
  const reasons = items.filter((i) => i.verdict !== 'confirmed').map((i) => i.because);
  if (!inOrder) return { verdict: 'contradicted', because: `the order is ${order.filter((o) => known.includes(o)).join(' → ')}, not ${known.join(' → ')}`, items };
  if (items.some((i) => i.verdict === 'contradicted')) return { verdict: 'contradicted', because: reasons.join('; '), items };
  if (items.some((i) => i.verdict === 'imprecise')) return { verdict: 'imprecise', because: reasons.join('; '), items };
  return { verdict: 'confirmed', because: '', items };
}

/**
 * "TLS 1.3 has no ServerKeyExchange or ClientKeyExchange": each denied item is judged on its own; denying an item
 * that is not part of it is right, denying one that is is wrong, denying a conditional one is half right.
 */
function compareDeniedItems(stated: string[], truth: Truth): Comparison {
  const order = truth.value as string[];
  const items: NonNullable<Comparison['items']> = stated.map((item) => {
    const condition = truth.conditional[item];
    if (condition) return { item, verdict: 'imprecise', because: `${item} is not always absent: it appears ${condition}` };
    if (order.includes(item)) return { item, verdict: 'contradicted', because: `you deny ${item}, which is part of it` };
    return { item, verdict: 'confirmed', because: '' };
  });
  const reasons = items.filter((i) => i.verdict !== 'confirmed').map((i) => i.because);
  for (const v of ['contradicted', 'imprecise'] as const) if (items.some((i) => i.verdict === v)) return { verdict: v, because: reasons.join('; '), items };
  return { verdict: 'confirmed', because: '', items };
}

function overclaim(a: Assertion, fact: FactEntry): Comparison | undefined {
  const q = fact.imprecise?.quantifiers?.find((x) => a.quantifiers.includes(x));
  return q ? { verdict: 'imprecise', because: fact.imprecise!.why } : undefined;
}

export function show(value: AssertedValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}
