import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRunLock } from '../../src/run/run-lock.ts';
import { EnvironmentError } from '../../src/errors.ts';

const lockFile = (home: string, runId: string) => path.join(home, 'runs', runId, 'teardown.lock');

function homeWithLock(holder: object | string): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'jl-lock-'));
  mkdirSync(path.join(home, 'runs', 'r1'), { recursive: true });
  writeFileSync(lockFile(home, 'r1'), typeof holder === 'string' ? holder : JSON.stringify(holder));
  return home;
}

describe('the per-run teardown lock', () => {
  it('runs the work under the lock and removes it afterwards, also when the work throws', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-lock-'));
    expect(await withRunLock(home, 'r1', 'test', async () => existsSync(lockFile(home, 'r1')))).toBe(true);
    expect(existsSync(lockFile(home, 'r1'))).toBe(false);
    await expect(withRunLock(home, 'r1', 'test', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(existsSync(lockFile(home, 'r1'))).toBe(false);
  });

  it('a second holder waits for the first instead of running at the same time', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-lock-'));
    const events: string[] = [];
    const slow = withRunLock(home, 'r1', 'first', async () => {
      events.push('first start');
      await new Promise((r) => setTimeout(r, 400));
      events.push('first end');
    });
    await new Promise((r) => setTimeout(r, 50));
    await withRunLock(home, 'r1', 'second', async () => void events.push('second'), { waitMs: 5000, pollMs: 50 });
    await slow;
    expect(events).toEqual(['first start', 'first end', 'second']);
  });

  it('takes over a lock whose process is gone', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const home = homeWithLock({ pid: Number(dead), purpose: 'lab down', since: '2026-01-01T00:00:00Z' });
    expect(await withRunLock(home, 'r1', 'test', async () => 'ran', { waitMs: 0 })).toBe('ran');
  });

  it('refuses, bounded, while a live process holds it, and says who and what to do', async () => {
    const home = homeWithLock({ pid: process.pid, purpose: 'lab down', since: '2026-01-01T00:00:00Z' });
    const started = Date.now();
    const err = await withRunLock(home, 'r1', 'test', async () => 'ran', { waitMs: 300, pollMs: 50 }).catch((e) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toMatch(new RegExp(`already being handled by another process \\(pid ${process.pid}, lab down`));
    expect(err.fix).toMatch(/lab down --run r1/);
    expect(existsSync(lockFile(home, 'r1'))).toBe(true); // someone else's lock is never removed
  });
});
