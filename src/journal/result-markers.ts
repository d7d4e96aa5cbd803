import { UsageError } from '../errors.ts';

/** A harness-owned block: offsets in the text read, from its begin marker's start to its end marker's end. */
export interface ResultBlock {
  key: string;
  start: number;
  end: number;
  /** 1-based line of the begin marker. */
  line: number;
}

/** Keys are lab question keys like `tls-e2e/alb-e2e`: no spaces, nothing that could close the comment. */
export const RESULT_KEY = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

export function beginMarker(key: string): string {
  return `<!-- journal-lab:begin ${key} -->`;
}

export function endMarker(key: string): string {
  return `<!-- journal-lab:end ${key} -->`;
}

// A regex is fine here: these comments are the harness's own syntax, not the learner's markdown.
const MARKER = /<!--\s*journal-lab:(begin|end)(?:\s+(\S+?))?\s*-->/g;

interface Marker {
  kind: 'begin' | 'end';
  key: string;
  start: number;
  end: number;
  line: number;
}

/**
 * Finds the harness's result blocks and refuses anything it could not later rewrite safely: a begin without
 * an end, an end without a begin, nesting, a key used twice, or an end naming another key.
 */
export function findResultBlocks(text: string, file = 'the journal'): ResultBlock[] {
  const lineOf = lineLocator(text);
  const markers: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const start = m.index;
    markers.push({ kind: m[1] as 'begin' | 'end', key: m[2] ?? '', start, end: start + m[0].length, line: lineOf(start) });
  }

  const blocks: ResultBlock[] = [];
  const firstLineOfKey = new Map<string, number>();
  let open: Marker | undefined;
  for (const marker of markers) {
    if (!marker.key) {
      throw refuse(file, `line ${marker.line}: a journal-lab ${marker.kind} marker has no key`, marker.line);
    }
    if (marker.kind === 'begin') {
      if (open) {
        throw refuse(
          file,
          `line ${marker.line}: result block "${marker.key}" starts inside block "${open.key}" (begun on line ${open.line}); blocks cannot nest`,
          open.line,
        );
      }
      const seen = firstLineOfKey.get(marker.key);
      if (seen !== undefined) {
        throw refuse(file, `line ${marker.line}: result block "${marker.key}" appears twice (also on line ${seen})`, marker.line);
      }
      firstLineOfKey.set(marker.key, marker.line);
      open = marker;
      continue;
    }
    if (!open) {
      throw refuse(file, `line ${marker.line}: end marker for "${marker.key}" has no begin marker before it`, marker.line);
    }
    if (open.key !== marker.key) {
      throw refuse(
        file,
        `line ${marker.line}: end marker for "${marker.key}" closes block "${open.key}" begun on line ${open.line}; the keys must match`,
        open.line,
      );
    }
    blocks.push({ key: open.key, start: open.start, end: marker.end, line: open.line });
    open = undefined;
  }
  if (open) {
    throw refuse(file, `line ${open.line}: result block "${open.key}" has no end marker`, open.line);
  }
  return blocks;
}

function refuse(file: string, what: string, line: number): UsageError {
  return new UsageError(
    `${file}: malformed journal-lab result markers — ${what}.`,
    `Open ${file} at line ${line} and either delete the whole result block (from "<!-- journal-lab:begin KEY -->" ` +
      `to its "<!-- journal-lab:end KEY -->") or restore the missing marker, then re-run; the lab writes a fresh block.`,
    'The journal was not modified.',
  );
}

/**
 * The text with every block's characters turned into spaces (line ends kept), so the markdown parser sees blank
 * lines there: offsets and line numbers stay those of the real text, and the harness's own tables never become
 * part of an answer.
 */
export function maskResultBlocks(text: string, blocks: readonly ResultBlock[]): string {
  if (blocks.length === 0) return text;
  let out = '';
  let at = 0;
  for (const block of blocks) {
    out += text.slice(at, block.start) + text.slice(block.start, block.end).replace(/[^\r\n]/g, ' ');
    at = block.end;
  }
  return out + text.slice(at);
}

/** 1-based line of an offset; binary search over line starts. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
