/**
 * A journal file in a fresh temp directory, made before each test (or once for the file) and removed after:
 * the set-up every writer and watcher test needs, so a test holds only what it checks.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export interface TempJournalOptions {
  prefix: string;
  name: string;
  content: string;
  mode?: number;
  /** `each` (default): a new directory per test; `all`: one for the whole describe. */
  scope?: 'each' | 'all';
}

export function tempJournal(options: TempJournalOptions, ready: (dir: string, file: string) => void | Promise<void>): void {
  let dir: string | undefined;
  const [before, after] = options.scope === 'all' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), options.prefix));
    const file = path.join(dir, options.name);
    await writeFile(file, options.content);
    if (options.mode !== undefined) await chmod(file, options.mode);
    await ready(dir, file);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
}
