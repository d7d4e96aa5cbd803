import type { Statement } from '../model/types.ts';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Sentences of text[start, end), each trimmed, with exact offsets into `text`. A learner's leading `#`/`##`
 * (headings typed as emphasis, `#Listeners:`) and a leading ordinal (`## 1. Create ...`) are not part of the claim.
 */
export function sentenceStatements(text: string, start: number, end: number): Statement[] {
  const out: Statement[] = [];
  for (const seg of sentences.segment(text.slice(start, end))) {
    const s = trimmedSpan(text, start + seg.index, start + seg.index + seg.segment.length);
    if (s) out.push(s);
  }
  return mergeOrdinalFragments(text, out);
}

/** One statement for a whole list item's content (its text after the marker). */
export function itemStatement(text: string, start: number, end: number): Statement[] {
  const s = trimmedSpan(text, start, end);
  return s ? [s] : [];
}

function trimmedSpan(text: string, start: number, end: number): Statement | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const lead = /^(?:#+\s*)?(?:\d{1,3}[.)]\s+)?/.exec(text.slice(start, end));
  if (lead && lead[0].length > 0 && lead[0].length < end - start) start += lead[0].length;
  if (start >= end) return null;
  const body = text.slice(start, end);
  if (/^[\p{P}\p{S}\s]*$/u.test(body)) return null;
  return { text: body, start, end };
}

/**
 * The segmenter may split an ordinal ("1.") from the sentence it numbers: the ordinal is dropped like a list
 * marker; any other fragment with no letters joins the next sentence.
 */
function mergeOrdinalFragments(text: string, list: Statement[]): Statement[] {
  const out: Statement[] = [];
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (/^\d{1,3}[.)]$/.test(s.text)) continue;
    if (!/\p{L}/u.test(s.text) && i + 1 < list.length) {
      const next = list[i + 1];
      list[i + 1] = { text: text.slice(s.start, next.end), start: s.start, end: next.end };
      continue;
    }
    out.push(s);
  }
  return out;
}
