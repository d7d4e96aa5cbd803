import { randomBytes } from 'node:crypto';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StageError, UsageError } from '../errors.ts';
import type { JournalDocument } from './parse-journal.ts';
import { sha256 } from './read-journal.ts';
import { beginMarker, endMarker, RESULT_KEY } from './result-markers.ts';
import { FileChangedMeanwhile, replaceIfUnchanged } from './replace-if-unchanged.ts';

export interface BlockToWrite {
  key: string;
  /** Where a new block goes: the question's `answerEnd`. Ignored when the key already has a block. */
  anchor: number;
  /** Rendered markdown with '\n' line ends; written with the journal's own line ends. */
  body: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  order: number;
}

/**
 * The journal text with these result blocks written: an existing block of the same key is replaced where it
 * stands, a new one is inserted after its answer behind a blank line. Every other byte stays as it was, so
 * removing the blocks gives back the original, and writing the same blocks twice changes nothing.
 */
export function applyResultBlocks(doc: JournalDocument, blocks: readonly BlockToWrite[]): string {
  const { text, eol } = doc;
  const existing = new Map(doc.blocks.map((b) => [b.key, b]));
  const seen = new Set<string>();
  const edits: Edit[] = [];
  blocks.forEach((block, order) => {
    if (!RESULT_KEY.test(block.key)) throw new Error(`result block key ${JSON.stringify(block.key)} is not a valid key`);
    if (seen.has(block.key)) throw new Error(`result block ${block.key} is written twice in one run`);
    seen.add(block.key);
    const rendered = renderBlock(block, eol);
    const current = existing.get(block.key);
    if (current) {
      edits.push({ start: current.start, end: current.end, text: rendered, order });
      return;
    }
    if (!Number.isInteger(block.anchor) || block.anchor < 0 || block.anchor > text.length) {
      throw new Error(`result block ${block.key}: anchor ${block.anchor} is outside the journal (0..${text.length})`);
    }
    const inside = doc.blocks.find((b) => block.anchor > b.start && block.anchor < b.end);
    if (inside) throw new Error(`result block ${block.key}: anchor ${block.anchor} is inside block ${inside.key}`);
    edits.push({ start: block.anchor, end: block.anchor, text: eol + eol + rendered, order });
  });

  // Apply from the end so earlier offsets stay valid; blocks sharing an anchor keep the caller's order.
  edits.sort((a, b) => b.start - a.start || b.order - a.order);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function renderBlock(block: BlockToWrite, eol: string): string {
  // A marker-like comment inside the body would make the block unreadable on the next run.
  const body = block.body.replace(/\r\n?/g, '\n').replace(/<!--/g, '&lt;!--').replace(/\n+$/, '');
  return [beginMarker(block.key), ...body.split('\n'), endMarker(block.key)].join(eol);
}

/**
 * Writes the blocks into the journal file: refuses when the file changed since it was read, writes nothing when
 * nothing changes, otherwise keeps `<file>.bak` and replaces the file atomically (temp file, fsync, rename) with
 * its mode kept.
 */
/** The journal was saved after it was read: nothing was written, the save is intact; read it again and retry. */
export class JournalChangedError extends UsageError {
  constructor(shown: string) {
    super(
      `The journal ${shown} changed on disk while the lab ran; nothing was written.`,
      'Re-run the command: it reads your latest version and writes the results under it.',
      'Your edits are untouched.',
    );
  }
}

export async function writeJournalResults(
  doc: JournalDocument,
  blocks: readonly BlockToWrite[],
): Promise<{ changed: boolean; backupPath?: string; /** sha256 of the journal as it now is on disk */ hash?: string }> {
  const file = path.resolve(doc.path);
  let onDisk: Buffer;
  try {
    onDisk = await readFile(file);
  } catch (err) {
    throw new UsageError(
      `The journal ${doc.path} could not be read back before writing results (${(err as NodeJS.ErrnoException).code ?? String(err)}); nothing was written.`,
      'Put the journal back in place and re-run the command.',
      'Your results are in the run output (--json) but not in the journal.',
      { cause: err },
    );
  }
  if (sha256(onDisk) !== doc.hash) throw new JournalChangedError(doc.path);
  const next = applyResultBlocks(doc, blocks);
  if (next === doc.text) return { changed: false, hash: doc.hash };
  await refuseReadOnly(file, doc.path);

  const backupPath = `${file}.bak`;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const { mode } = await stat(file);
    await writeFile(backupPath, onDisk, { mode });
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(next, 'utf8');
      await handle.chmod(mode); // the umask may have narrowed the mode given to open()
      await handle.sync();
    } finally {
      await handle.close();
    }
    await replaceIfUnchanged(file, temp, doc.hash);
  } catch (err) {
    await rm(temp, { force: true });
    if (err instanceof FileChangedMeanwhile) throw new JournalChangedError(doc.path);
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new StageError(
      `Could not write the results into ${doc.path} (${code}).`,
      `Make ${path.dirname(file)} writable (or free some disk space) and re-run the command.`,
      'The journal itself was not modified (results are written to a temp file and renamed over it only when complete).',
      { cause: err },
    );
  }
  await syncDirectory(path.dirname(file));
  return { changed: true, backupPath, hash: sha256(next) };
}

/**
 * A rename would replace even a read-only file (and root may write anything): a journal without any write bit was
 * made read-only on purpose, so it is left alone.
 */
async function refuseReadOnly(file: string, shown: string): Promise<void> {
  const { mode } = await stat(file);
  if ((mode & 0o222) !== 0) return;
  throw new UsageError(
    `The journal ${shown} is read-only (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); nothing was written.`,
    `Make it writable ("chmod u+w ${shown}") and re-run, or run with --no-write to only print the results.`,
    'The journal was not modified.',
  );
}

/** Makes the rename durable; some filesystems refuse to open a directory for sync, which only costs durability. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
