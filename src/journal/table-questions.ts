import type { Table, TableCell } from 'mdast';
import type { Question } from '../model/types.ts';
import { span } from './blocks.ts';
import { bareNumber, isPlaceholder } from './question-form.ts';
import { sentenceStatements } from './statements.ts';

/** The template's tables (Key learnings, New commands, Glossary) have a Number column; others are answer text. */
export function numberColumn(table: Table, text: string): number {
  const header = table.children[0];
  if (!header) return -1;
  return header.children.findIndex((cell) => {
    const range = cellContent(cell);
    return range !== null && /^(?:number|no\.?|#|nr\.?)$/i.test(text.slice(range[0], range[1]).trim());
  });
}

/**
 * One question slot per row: the cell after the Number column is the question (Subject, Commands, Word), the last
 * cell the answer. A block cannot go inside a table, so every row's results go after the table.
 */
export function tableQuestions(text: string, table: Table, section: string, lineOf: (offset: number) => number): Question[] {
  const numberAt = numberColumn(table, text);
  const [, tableEnd] = span(table);
  return table.children.slice(1).map((row): Question => {
    const cells = row.children;
    const questionCell = numberAt + 1 < cells.length - 1 ? cells[numberAt + 1] : undefined;
    const answerCell = cells.length > numberAt + 1 ? cells[cells.length - 1] : undefined;
    const answerRange = answerCell ? cellContent(answerCell) : null;
    const answer = answerRange ? text.slice(answerRange[0], answerRange[1]).trim() : '';
    const hasAnswer = !isPlaceholder(answer);
    const [rowStart] = span(row);
    return {
      section,
      number: bareNumber(cells[numberAt] ? cellText(text, cells[numberAt]) : ''),
      question: questionCell ? cellText(text, questionCell) : '',
      answer: hasAnswer ? answer : '',
      statements: hasAnswer && answerRange ? sentenceStatements(text, answerRange[0], answerRange[1]) : [],
      hasAnswer,
      start: rowStart,
      answerEnd: tableEnd,
      line: lineOf(rowStart),
    };
  });
}

function cellText(text: string, cell: TableCell): string {
  const range = cellContent(cell);
  return range ? text.slice(range[0], range[1]).trim() : '';
}

function cellContent(cell: TableCell): [number, number] | null {
  if (cell.children.length === 0) return null;
  return [span(cell.children[0])[0], span(cell.children[cell.children.length - 1])[1]];
}
