import { createHash } from 'node:crypto';
import type { Heading, ListItem, Nodes } from 'mdast';
import type { Question, Statement } from '../model/types.ts';
import {
  headingContent,
  itemContentStart,
  journalBlocks,
  linesOf,
  parseMarkdown,
  span,
  type JournalBlock,
} from './blocks.ts';
import {
  bareNumber,
  endsQuestionSentence,
  invitesSubParts,
  isPlaceholder,
  isQuestionForm,
  isSubPartLine,
  isUrlOnlyLine,
} from './question-form.ts';
import { findResultBlocks, lineLocator, maskResultBlocks, type ResultBlock } from './result-markers.ts';
import { itemStatement, sentenceStatements } from './statements.ts';
import { numberColumn, tableQuestions } from './table-questions.ts';

export interface JournalDocument {
  path: string;
  text: string;
  /** sha256 of the file's bytes as read (hex): the writer refuses to write when the file no longer has it. */
  hash: string;
  eol: '\n' | '\r\n';
  questions: Question[];
  blocks: ResultBlock[];
}

/**
 * Reads the learner's journal: sections are headings, questions are numbered items (or table rows with a Number
 * column), answers run to the next question or section. Pure; throws UsageError on malformed result markers.
 * All offsets are into `text` as given, result blocks included.
 */
export function parseJournal(text: string, path = 'journal.md'): JournalDocument {
  const blocks = findResultBlocks(text, path);
  const masked = maskResultBlocks(text, blocks);
  const reader = new QuestionReader(text, blocks);
  reader.read(journalBlocks(masked, parseMarkdown(masked)));
  return {
    path,
    text,
    hash: createHash('sha256').update(text, 'utf8').digest('hex'),
    eol: detectEol(text),
    questions: reader.questions,
    blocks,
  };
}

export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

interface OpenQuestion {
  section: string;
  number: number | null;
  start: number;
  questionStart: number;
  questionEnd: number;
  /** Sub-parts and URL lines still belong to the question until the first answer content. */
  phase: 'question' | 'answer';
  answerStart: number | null;
  answerEnd: number | null;
  statements: Statement[];
}

/** How an item's text splits into its question part and a lazily continued answer. */
interface ItemSplit {
  questionEnd: number;
  /** Where answer lines inside the item's first paragraph start, if any. */
  answerFrom: number | null;
  paragraphEnd: number;
}

class QuestionReader {
  readonly questions: Question[] = [];
  private section = '';
  private open: OpenQuestion | null = null;
  private blocks: JournalBlock[] = [];
  private readonly lineOf: (offset: number) => number;

  constructor(
    private readonly text: string,
    private readonly resultBlocks: readonly ResultBlock[],
  ) {
    this.lineOf = lineLocator(text);
  }

  read(blocks: JournalBlock[]): void {
    this.blocks = blocks;
    blocks.forEach((block, i) => this.readBlock(block, i));
    this.finish();
  }

  private readBlock(block: JournalBlock, i: number): void {
    switch (block.kind) {
      case 'heading': {
        if (this.isSectionHeading(i)) {
          this.finish();
          const content = headingContent(block.node);
          this.section = content ? this.text.slice(content[0], content[1]).trim() : '';
        } else {
          const content = headingContent(block.node);
          this.addAnswer(block.start, block.end, content ? sentenceStatements(this.text, content[0], content[1]) : []);
        }
        return;
      }
      case 'table':
        if (numberColumn(block.node, this.text) !== -1) {
          this.finish();
          this.questions.push(...tableQuestions(this.text, block.node, this.section, this.lineOf));
        } else if (this.open) {
          this.addAnswer(block.start, block.end, []);
        }
        return;
      case 'paragraph': {
        const slot = bareNumber(this.text.slice(block.start, block.end));
        if (slot !== null) {
          this.startQuestion({ number: slot, start: block.start, questionStart: block.end, questionEnd: block.end });
        } else if (this.open?.phase === 'question' && this.isUrlOnly(block.start, block.end)) {
          this.open.questionEnd = block.end;
        } else if (this.open) {
          this.addAnswer(block.start, block.end, sentenceStatements(this.text, block.start, block.end));
        }
        return;
      }
      case 'item':
        if (block.ordered) this.readOrderedItem(block);
        else this.readBulletItem(block.node, block.start, block.end);
        return;
      default:
        if (this.open) this.addAnswerNode(block.node);
    }
  }

  /** A question (or empty slot) when it asks something or opens a section; otherwise a step of an answer. */
  private readOrderedItem(block: JournalBlock & { kind: 'item' }): void {
    const contentStart = itemContentStart(this.text, block);
    if (block.node.children.length === 0) {
      this.startQuestion({ number: block.number, start: block.start, questionStart: contentStart, questionEnd: block.end });
      return;
    }
    const split = this.splitItem(block.node);
    if (this.open && !this.asks(block)) {
      this.addAnswer(block.start, block.end, itemStatement(this.text, contentStart, block.end));
      return;
    }
    const questionEnd = split?.questionEnd ?? contentStart;
    this.startQuestion({ number: block.number, start: block.start, questionStart: contentStart, questionEnd });
    if (split?.answerFrom != null) {
      this.addAnswer(split.answerFrom, split.paragraphEnd, sentenceStatements(this.text, split.answerFrom, split.paragraphEnd));
    }
    const rest = split ? block.node.children.slice(1) : block.node.children;
    for (const child of rest) this.readQuestionItemChild(child);
  }

  private readQuestionItemChild(child: Nodes): void {
    const open = this.open!;
    if (open.phase === 'question' && child.type === 'list' && !child.ordered && child.children.every((it) => this.isSubPart(it))) {
      for (const item of child.children) this.readBulletItem(item, ...span(item));
      return;
    }
    const [start, end] = span(child);
    if (open.phase === 'question' && child.type === 'paragraph' && this.isUrlOnly(start, end)) {
      open.questionEnd = end;
      return;
    }
    this.addAnswerNode(child);
  }

  /** A question's short bullet sub-part, or an item of an answer. */
  private readBulletItem(item: ListItem, start: number, end: number): void {
    const open = this.open;
    if (!open) return;
    if (open.phase === 'question' && this.isSubPart(item)) {
      const [pStart, pEnd] = span(item.children[0]);
      const lines = linesOf(this.text, pStart, pEnd);
      open.questionEnd = lines[0].end;
      // `* Health Checks` followed by `#Listeners: ...` on the next line: a lazy continuation that starts the answer.
      if (lines.length > 1) this.addAnswer(lines[1].start, pEnd, sentenceStatements(this.text, lines[1].start, pEnd));
      for (const child of item.children.slice(1)) this.addAnswerNode(child);
      return;
    }
    const contentStart = item.children.length > 0 ? span(item.children[0])[0] : end;
    this.addAnswer(start, end, itemStatement(this.text, contentStart, end));
  }

  /** Only a question that announces parts ("the following;", "given below", "these ...") has bullet sub-parts. */
  private isSubPart(item: ListItem): boolean {
    const open = this.open;
    if (!open || !invitesSubParts(this.text.slice(open.questionStart, open.questionEnd))) return false;
    const first = item.children[0];
    if (!first || first.type !== 'paragraph') return false;
    const [pStart, pEnd] = span(first);
    return isSubPartLine(linesOf(this.text, pStart, pEnd)[0].text);
  }

  /**
   * The question is the item's first line, plus wrapped lines until its sentence ends, plus URL lines; any other
   * line the learner typed straight under it (no blank line, so CommonMark folds it in) is the answer.
   */
  private splitItem(item: ListItem): ItemSplit | null {
    const first = item.children[0];
    if (!first || first.type !== 'paragraph') return null;
    const [pStart, pEnd] = span(first);
    const lines = linesOf(this.text, pStart, pEnd);
    let questionEnd = lines[0].end;
    let complete = endsQuestionSentence(lines[0].text);
    let i = 1;
    for (; i < lines.length; i++) {
      const line = lines[i];
      if (isUrlOnlyLine(line.text) || !complete) {
        questionEnd = line.end;
        complete = complete || endsQuestionSentence(line.text);
        continue;
      }
      break;
    }
    return { questionEnd, answerFrom: i < lines.length ? lines[i].start : null, paragraphEnd: pEnd };
  }

  /**
   * A heading closes the current question when it is followed by what sections hold (a question, an empty slot,
   * a table, or another section heading); otherwise the learner typed it as part of the answer.
   */
  private isSectionHeading(i: number): boolean {
    if (!this.open) return true;
    const heading = this.blocks[i];
    const next = this.blocks[i + 1];
    if (!next || heading.kind !== 'heading') return false;
    switch (next.kind) {
      case 'table':
        return true;
      case 'paragraph':
        if (bareNumber(this.text.slice(next.start, next.end)) !== null) return true;
        return this.opensNumberingAgain(i);
      case 'item': {
        if (!next.ordered) return false;
        if (next.node.children.length === 0) return true;
        // `## Targets are probed on a schedule ...` right before `4. Describe ...`: a sentence the
        // learner typed as a heading, not a section title.
        return this.asks(next) && !this.readsAsProse(heading.node);
      }
      case 'heading':
        return next.node.depth <= heading.node.depth && this.isSectionHeading(i + 1);
      default:
        return this.opensNumberingAgain(i);
    }
  }

  /**
   * A title-like heading with an intro before its questions: a section when the first numbered item before the
   * next heading is a question (or slot) numbered 1, i.e. the numbering starts again.
   */
  private opensNumberingAgain(i: number): boolean {
    const heading = this.blocks[i];
    if (heading.kind !== 'heading' || this.readsAsProse(heading.node)) return false;
    for (const next of this.blocks.slice(i + 1)) {
      if (next.kind === 'heading' || next.kind === 'table') return false;
      if (next.kind !== 'item' || !next.ordered) continue;
      if (next.number !== 1 && next.number !== null) return false;
      return next.node.children.length === 0 || this.asks(next);
    }
    return false;
  }

  /** The item's question part (its first line or lines, without a lazy answer) asks something. */
  private asks(item: JournalBlock & { kind: 'item' }): boolean {
    const split = this.splitItem(item.node);
    return split !== null && isQuestionForm(this.text.slice(itemContentStart(this.text, item), split.questionEnd));
  }

  private readsAsProse(heading: Heading): boolean {
    const content = headingContent(heading);
    if (!content) return false;
    const words = this.text.slice(content[0], content[1]).trim();
    return /[.!]$/.test(words) || words.split(/\s+/).length > 15;
  }

  private startQuestion(q: { number: number | null; start: number; questionStart: number; questionEnd: number }): void {
    this.finish();
    this.open = { section: this.section, ...q, phase: 'question', answerStart: null, answerEnd: null, statements: [] };
  }

  private addAnswer(start: number, end: number, statements: Statement[]): void {
    const open = this.open;
    if (!open) return;
    open.phase = 'answer';
    open.answerStart ??= start;
    open.answerEnd = Math.max(open.answerEnd ?? end, end);
    open.statements.push(...statements);
  }

  private addAnswerNode(node: Nodes): void {
    const [start, end] = span(node);
    this.addAnswer(start, end, this.statementsOf(node));
  }

  private statementsOf(node: Nodes): Statement[] {
    switch (node.type) {
      case 'paragraph':
        return sentenceStatements(this.text, ...span(node));
      case 'heading': {
        const content = headingContent(node);
        return content ? sentenceStatements(this.text, content[0], content[1]) : [];
      }
      case 'list':
        return node.children.flatMap((item) => this.statementsOf(item));
      case 'listItem': {
        if (isEmptyItem(node)) return [];
        const [, end] = span(node);
        return itemStatement(this.text, span(node.children[0])[0], end);
      }
      case 'blockquote':
        return node.children.flatMap((child) => this.statementsOf(child));
      default:
        return [];
    }
  }

  private isUrlOnly(start: number, end: number): boolean {
    return linesOf(this.text, start, end).every((line) => isUrlOnlyLine(line.text));
  }

  private finish(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    const answer = open.answerStart === null ? '' : this.withoutResultBlocks(open.answerStart, open.answerEnd!).trim();
    const hasAnswer = !isPlaceholder(answer);
    this.questions.push({
      section: open.section,
      number: open.number,
      question: this.withoutResultBlocks(open.questionStart, open.questionEnd).trim(),
      answer: hasAnswer ? answer : '',
      statements: hasAnswer ? open.statements : [],
      hasAnswer,
      start: open.start,
      answerEnd: open.answerEnd ?? open.questionEnd,
      line: this.lineOf(open.start),
    });
  }

  private withoutResultBlocks(start: number, end: number): string {
    let out = '';
    let at = start;
    for (const block of this.resultBlocks) {
      if (block.end <= at || block.start >= end) continue;
      out += this.text.slice(at, Math.max(at, block.start));
      at = Math.min(end, block.end);
    }
    return out + this.text.slice(at, end);
  }
}

function isEmptyItem(item: ListItem): boolean {
  return item.children.length === 0;
}
