/**
 * Remembers routing and verdicts per question across runs (under LAB_HOME), keyed by everything they depend on:
 * the question's words, the evidence judged on, the target and the code. Judging is pure, so a question whose key
 * is unchanged gets exactly the verdicts it got before, and re-judging after an edit only pays for what changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactDeep } from '../report/redact.ts';
import { codeIdentity } from './code-identity.ts';

export interface Memo {
  /** `compute()`'s value for these parts, from memory when the same parts were computed before; JSON values only. */
  get<T>(kind: string, parts: unknown, compute: () => T): T;
}

/** No memory: computes every time (tests and tools that judge once). */
export const NO_MEMO: Memo = { get: (_kind, _parts, compute) => compute() };

const MAX_ENTRIES = 400;
const FILE = 'judgements.json';

interface Stored {
  code: string;
  entries: Record<string, { at: number; value: unknown }>;
}

export class DiskMemo implements Memo {
  private dirty = false;
  private constructor(
    private readonly file: string,
    private readonly code: string,
    private readonly entries: Map<string, { at: number; value: unknown }>,
  ) {}

  static async open(home: string): Promise<DiskMemo> {
    const file = path.join(home, FILE);
    const code = codeIdentity();
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as Stored;
      if (stored.code === code) return new DiskMemo(file, code, new Map(Object.entries(stored.entries)));
    } catch {
      // none yet, or unreadable: start empty
    }
    return new DiskMemo(file, code, new Map());
  }

  get<T>(kind: string, parts: unknown, compute: () => T): T {
    const key = `${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
    const hit = this.entries.get(key);
    if (hit) {
      hit.at = Date.now();
      return structuredClone(hit.value) as T;
    }
    const value = compute();
    // Stored redacted like every other result; what is returned is what the judges made.
    this.entries.set(key, { at: Date.now(), value: redactDeep(value) });
    this.dirty = true;
    return value;
  }

  /** Writes what was learnt (atomically), keeping the newest entries. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const kept = [...this.entries].sort(([, a], [, b]) => b.at - a.at).slice(0, MAX_ENTRIES);
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ code: this.code, entries: Object.fromEntries(kept) } satisfies Stored), { mode: 0o600 });
    await rename(temp, this.file);
    this.dirty = false;
  }
}
