import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Heading, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';

/**
 * The journal's top-level blocks in reading order, with list items pulled out of their lists: in the learner's
 * markdown one CommonMark list often mixes questions and answer steps (`3. How does ...` continues the list of
 * recipe steps 2..8), so the question/answer boundary runs between items, not between lists.
 */
export type JournalBlock =
  | { kind: 'heading'; node: Heading; start: number; end: number }
  | { kind: 'item'; node: ListItem; ordered: boolean; number: number | null; start: number; end: number }
  | { kind: 'paragraph'; node: Paragraph; start: number; end: number }
  | { kind: 'table'; node: Table; start: number; end: number }
  | { kind: 'other'; node: RootContent; start: number; end: number };

export function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}

export function journalBlocks(text: string, tree: Root): JournalBlock[] {
  const out: JournalBlock[] = [];
  for (const node of tree.children) {
    const [start, end] = span(node);
    switch (node.type) {
      case 'heading':
        out.push({ kind: 'heading', node, start, end });
        break;
      case 'paragraph':
        out.push({ kind: 'paragraph', node, start, end });
        break;
      case 'table':
        out.push({ kind: 'table', node, start, end });
        break;
      case 'list':
        for (const item of node.children) {
          const [s, e] = itemSpan(text, item);
          const number = node.ordered ? writtenNumber(text, s) : null;
          out.push({ kind: 'item', node: item, ordered: Boolean(node.ordered), number, start: s, end: e });
        }
        break;
      default:
        out.push({ kind: 'other', node, start, end });
    }
  }
  return out;
}

export function span(node: Nodes): [number, number] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) throw new Error(`markdown node ${node.type} has no position`);
  return [start, end];
}

/**
 * An empty item's parser span runs on over the following blank lines and items; an empty slot is just its
 * marker line.
 */
function itemSpan(text: string, item: ListItem): [number, number] {
  const [start, end] = span(item);
  if (item.children.length > 0) return [start, span(item.children[item.children.length - 1])[1]];
  const lineEnd = text.slice(start, end).search(/\r?\n/);
  const markerLine = lineEnd === -1 ? text.slice(start, end) : text.slice(start, start + lineEnd);
  return [start, start + markerLine.trimEnd().length];
}

function writtenNumber(text: string, itemStart: number): number | null {
  const m = /^\s*(\d{1,9})[.)]/.exec(text.slice(itemStart, itemStart + 12));
  return m ? Number(m[1]) : null;
}

/** The item's text after its marker (`1. `, `* `), or where it would be when the item is empty. */
export function itemContentStart(text: string, item: JournalBlock & { kind: 'item' }): number {
  if (item.node.children.length > 0) return span(item.node.children[0])[0];
  return item.end;
}

/** The heading's text after its `#`s, as written. */
export function headingContent(heading: Heading): [number, number] | null {
  if (heading.children.length === 0) return null;
  return [span(heading.children[0])[0], span(heading.children[heading.children.length - 1])[1]];
}

/** Lines of text[start, end) with offsets; line ends excluded. */
export function linesOf(text: string, start: number, end: number): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let at = start;
  while (at <= end) {
    let nl = text.indexOf('\n', at);
    if (nl === -1 || nl > end) nl = end;
    const lineEnd = nl > at && text[nl - 1] === '\r' ? nl - 1 : nl;
    out.push({ start: at, end: lineEnd, text: text.slice(at, lineEnd) });
    if (nl >= end) break;
    at = nl + 1;
  }
  return out;
}
