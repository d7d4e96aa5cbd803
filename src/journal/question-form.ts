/**
 * How the learner's journal tells a question from an answer. The template's questions are imperative prompts or
 * real questions; the learner's numbered answer lists (recipe steps, reasons) are neither, even when their
 * numbers collide with the next question's.
 */

const ASKING_WORDS = ['describe', 'explain', 'research', 'how', 'why', 'what', 'list', 'compare', 'discuss', 'outline'];
// Only imperative verbs may open a clause mid-sentence ("In terms of X, describe the following;"): a "how" or
// "what" after a comma is usually part of an answer's prose.
const IMPERATIVE_WORDS = ['describe', 'explain', 'research', 'list', 'compare', 'discuss', 'outline'];

// Not after a colon: answers are full of "Label: text" items ("Authentication: How ..." is still an answer).
const SENTENCE_START = new RegExp(`(?:^|[.?!;]\\s+)(?:${ASKING_WORDS.join('|')})\\b`, 'i');
const CLAUSE_START = new RegExp(`,\\s+(?:${IMPERATIVE_WORDS.join('|')})\\b`, 'i');

export function isQuestionForm(text: string): boolean {
  // Emphasis does not change what is asked: `**What is a VPC?**`.
  const t = text.replace(/[*_`]+/g, '').trim();
  if (t === '') return false;
  if (/\?(?:\s|\)|$)/.test(t)) return true;
  return SENTENCE_START.test(t) || CLAUSE_START.test(t);
}

/** Template placeholders and answers with nothing to judge. */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  if (/^(?:Y{3,}|X{3,})$/i.test(t)) return true;
  return /^[\p{N}\p{P}\p{S}\s]*$/u.test(t);
}

export function isUrlOnlyLine(line: string): boolean {
  return /^\s*<?https?:\/\/\S+>?\s*$/.test(line);
}

/** A line that finishes a question sentence; the lines after it may be URLs, sub-parts, or a lazy answer. */
export function endsQuestionSentence(line: string): boolean {
  // A trailing emoji or symbol ("... für Sicherheit? 🔒") does not keep the sentence open.
  return /[?;:.!)][\s\p{S}\p{Extended_Pictographic}\uFE0F\u200D*_]*$/u.test(line);
}

/** The question announces a list of parts to address, so short bullets right under it are part of it. */
export function invitesSubParts(question: string): boolean {
  const firstLines = question.split(/\r?\n/).filter((line) => !isUrlOnlyLine(line) && !/^\s*[*+-]\s/.test(line)).join(' ').replace(/[*_`]+/g, '');
  return /[:;]\s*$/.test(firstLines.trim()) || /\b(?:the following|below|these|each of|as follows)\b/i.test(firstLines);
}

/** A bullet sub-part of a question ("* Listeners"): one short phrase, not a sentence of an answer. */
export function isSubPartLine(line: string): boolean {
  const t = line.trim();
  if (t === '' || t.length > 80) return false;
  return !/[.!?]\s+\S/.test(t) && !/:\s+\S/.test(t);
}

/** `1`, `2.` alone on a line: an empty question slot the learner has not filled yet. */
export function bareNumber(text: string): number | null {
  const m = /^\s*(\d{1,4})[.)]?\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}
