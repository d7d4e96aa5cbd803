import { open, readFile, rm, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError } from '../errors.ts';
import { isAlive } from '../targets/moto-server.ts';
import { runDirOf } from './run-record.ts';

export interface RunLockHolder {
  pid: number;
  purpose: string;
  since: string;
}

/**
 * One teardown per run at a time: an exclusive lock file (`wx`) in the run directory. A lock whose process is
 * gone (crash, kill -9) is stale and taken over. Another live holder is waited for, bounded, then refused.
 */
export async function withRunLock<T>(
  home: string,
  runId: string,
  purpose: string,
  fn: () => Promise<T>,
  { waitMs = 10_000, pollMs = 250 }: { waitMs?: number; pollMs?: number } = {},
): Promise<T> {
  const file = path.join(runDirOf(home, runId), 'teardown.lock');
  await mkdir(path.dirname(file), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const holder = await tryAcquire(file, purpose);
    if (!holder) break;
    if (holder.pid === 0 ? holder.stale : !isAlive(holder.pid)) {
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline || attempt > 10_000) {
      throw new EnvironmentError(
        `Run ${runId} is already being handled by another process (pid ${holder.pid}, ${holder.purpose}, since ${holder.since}); waited ${Math.round(waitMs / 1000)} s.`,
        `Wait for it to finish, then check with \`lab status\`; if pid ${holder.pid} is stuck, stop it and run \`lab down --run ${runId}\` again.`,
        'The run record was not touched by this command.',
      );
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  try {
    return await fn();
  } finally {
    await rm(file, { force: true });
  }
}

/** Undefined when acquired; the current holder when the lock is taken (pid 0: unreadable lock file). */
async function tryAcquire(file: string, purpose: string): Promise<(RunLockHolder & { stale?: boolean }) | undefined> {
  const mine: RunLockHolder = { pid: process.pid, purpose, since: new Date().toISOString() };
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(JSON.stringify(mine));
    } finally {
      await handle.close();
    }
    return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RunLockHolder;
  } catch {
    // Just created and not yet written by its owner, or left unreadable by a crash: only age tells them apart.
    const age = Date.now() - (await stat(file).then((s) => s.mtimeMs, () => 0));
    return { pid: 0, purpose: 'unknown (unreadable lock file)', since: '?', stale: age > 5000 };
  }
}
