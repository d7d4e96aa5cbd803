import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.ts';
import { parseJournal, type JournalDocument } from './parse-journal.ts';

/** Reads and parses a journal file; every way it can fail is a UsageError that says how to fix it. */
export async function readJournal(file: string): Promise<JournalDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory, not a markdown file' : code === 'EACCES' ? 'is not readable (permission denied)' : `cannot be read (${code ?? String(err)})`;
    throw new UsageError(
      `Journal ${file} ${what}.`,
      `Pass the path of your journal markdown file, e.g. "lab run all --journal journals/journal-week.md", or fix its permissions.`,
      '',
      { cause: err },
    );
  }
  const text = decodeUtf8(bytes, file);
  const doc = parseJournal(text, file);
  return { ...doc, hash: sha256(bytes) };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    // ignoreBOM keeps a byte-order mark in the text, so writing the text back gives the same bytes.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (err) {
    throw new UsageError(
      `Journal ${file} is not valid UTF-8 text.`,
      `Re-save it as UTF-8 (e.g. "iconv -f WINDOWS-1252 -t UTF-8 ${file} > fixed.md", check it, then move fixed.md over it) and re-run.`,
      'The journal was not modified.',
      { cause: err },
    );
  }
}
