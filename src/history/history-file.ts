/**
 * The history of one journal: an append-only JSON-lines file under LAB_HOME, beside the run records, one line per
 * run. Each run adds its line with one O_APPEND write; a line torn by a crash is skipped when read, and the next
 * append starts on a line of its own. Reading is bounded: only the file's tail, only the newest runs.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { redactDeep } from '../report/redact.ts';
import type { HistoryEntry } from './history-entry.ts';

export const MAX_HISTORY_BYTES = 4 * 1024 * 1024;
export const MAX_HISTORY_RUNS = 100;

/** One file per journal, named by a hash of its absolute path (the path itself is inside each line). */
export function historyFileOf(home: string, journal: string): string {
  const id = createHash('sha256').update(path.resolve(journal)).digest('hex').slice(0, 16);
  return path.join(home, 'history', `${id}.jsonl`);
}

export async function appendHistory(home: string, entry: HistoryEntry): Promise<void> {
  const file = historyFileOf(home, entry.journal);
  await mkdir(path.dirname(file), { recursive: true });
  const line = JSON.stringify(redactDeep(entry)) + '\n';
  await appendFile(file, (await endsMidLine(file)) ? `\n${line}` : line, { mode: 0o600 });
}

/** The newest runs of a journal, oldest first; lines that do not parse (torn, foreign) are skipped. */
export async function readHistory(home: string, journal: string): Promise<HistoryEntry[]> {
  const file = historyFileOf(home, journal);
  let text: string;
  try {
    text = await readTail(file, MAX_HISTORY_BYTES);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const wanted = path.resolve(journal);
  const entries: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as HistoryEntry;
      if (e.v === 1 && e.journal === wanted && Array.isArray(e.questions)) entries.push(e);
    } catch {
      // A torn line from a crash: the runs around it still count.
    }
  }
  return entries.slice(-MAX_HISTORY_RUNS);
}

async function endsMidLine(file: string): Promise<boolean> {
  try {
    const tail = await readTail(file, 1);
    return tail.length > 0 && !tail.endsWith('\n');
  } catch {
    return false;
  }
}

/** The last `max` bytes of a file; when cut, the first (partial) line is dropped. */
async function readTail(file: string, max: number): Promise<string> {
  const size = (await stat(file)).size;
  const start = Math.max(0, size - max);
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    return start > 0 && max > 1 ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    await handle.close();
  }
}
