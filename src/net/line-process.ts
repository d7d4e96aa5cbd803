/**
 * A helper process (e.g. a small node script inside a namespace) that talks in JSON lines on stdout and takes
 * commands on stdin. Killed on teardown; every wait on it has a deadline.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TeardownStack } from '../run/teardown.ts';

export interface JsonLineMessage {
  event: string;
  /** Arrival time in this process (ms, performance clock), for measuring durations across processes. */
  receivedAt: number;
  [key: string]: unknown;
}

export interface LineProcess {
  /** Resolves with the first message (already received or future) for which `match` is true. */
  /** Rejects at the deadline, when the process exits first, or when `signal` aborts (Ctrl-C). */
  waitFor(match: (m: JsonLineMessage) => boolean, timeoutMs: number, what: string, signal?: AbortSignal): Promise<JsonLineMessage>;
  send(line: string): void;
  messages: JsonLineMessage[];
  stderr(): string;
  stop(): Promise<void>;
}

export function spawnLineProcess(command: string, args: string[], teardown: TeardownStack, name: string): LineProcess {
  const child: ChildProcessWithoutNullStreams = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let alive = true;
  const closed = new Promise<void>((resolve) => child.once('close', () => ((alive = false), resolve())));
  child.once('error', () => (alive = false));
  const stop = async () => {
    if (!alive) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => alive && child.kill('SIGKILL'), 2000);
    await closed;
    clearTimeout(timer);
  };
  teardown.add(`stop ${name}`, stop);

  const messages: JsonLineMessage[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      messages.push({ ...(JSON.parse(line) as { event: string }), receivedAt: performance.now() });
    } catch {
      return; // not ours (a library warning); stderr keeps diagnostics
    }
    for (const w of waiters) w();
  });
  child.once('close', () => {
    for (const w of waiters) w();
  });

  return {
    messages,
    stderr: () => stderr,
    send: (line) => {
      if (alive) child.stdin.write(line + '\n');
    },
    stop,
    waitFor(match, timeoutMs, what, signal) {
      return new Promise((resolve, reject) => {
        const onAbort = () => finish(() => reject(new Error(`${name}: aborted while waiting for ${what}`)));
        const check = () => {
          const found = messages.find(match);
          if (found) return finish(() => resolve(found));
          if (!alive) finish(() => reject(new Error(`${name} exited before ${what}: ${stderr.trim().slice(-500)}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`${name}: no ${what} within ${timeoutMs} ms`))), timeoutMs);
        const finish = (f: () => void) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          waiters.delete(check);
          f();
        };
        waiters.add(check);
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        check();
      });
    },
  };
}
