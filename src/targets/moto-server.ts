import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { findMotoServer } from '../toolchain/moto.ts';
import { EnvironmentError } from '../errors.ts';
import { freeLoopbackPort, portInUse } from './free-port.ts';
import { waitUntilAnswering } from './probe-endpoint.ts';

export interface StartedMoto {
  pid: number;
  port: number;
  endpoint: string;
  logFile: string;
}

/**
 * Starts moto_server on 127.0.0.1 (never another interface) on a free port, detached so a deployment made by
 * `lab up` outlives the command; `lab down` stops it by pid. LAB_MOTO_PORT pins the port.
 */
export async function startMotoServer(logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<StartedMoto> {
  const moto = await findMotoServer(env);
  if (!moto) {
    throw new EnvironmentError(
      'moto server is not installed, and the default target (moto) needs it.',
      "Install it with: pip install 'moto[server]'  (or run npm run setup), or attach to a running emulator with --endpoint URL.",
    );
  }
  const pinned = env.LAB_MOTO_PORT ? Number(env.LAB_MOTO_PORT) : undefined;
  if (pinned !== undefined && (await portInUse(pinned))) {
    throw new EnvironmentError(
      `Port ${pinned} (LAB_MOTO_PORT) is already in use on 127.0.0.1.`,
      `Stop what listens there (ss -ltnp 'sport = :${pinned}'), pick another LAB_MOTO_PORT, or unset it to use a free port.`,
      'Nothing was started or deployed.',
    );
  }
  const port = pinned ?? (await freeLoopbackPort());
  const out = openSync(logFile, 'a');
  const child = spawn(moto.command, [...moto.args, '-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...env, MOTO_ALLOW_NONEXISTENT_REGION: 'false' },
  });
  closeSync(out);
  let exited = false;
  child.once('exit', () => (exited = true));
  child.unref();
  const endpoint = `http://127.0.0.1:${port}`;
  const answering = await waitUntilAnswering(endpoint, { timeoutMs: 30_000, isAlive: () => !exited });
  if (!answering) {
    if (!exited) stopProcessGroup(child.pid!);
    const log = safeTail(logFile);
    const inUse = /address already in use/i.test(log);
    throw new EnvironmentError(
      inUse ? `moto server could not bind 127.0.0.1:${port}: the port is in use.` : `moto server did not start answering on ${endpoint} within 30 s.`,
      inUse ? 'Retry (a free port is chosen each time) or unset LAB_MOTO_PORT.' : `See ${logFile}; check that "${moto.command} ${moto.args.join(' ')} --help" runs.`,
      'Nothing was deployed; the server process was stopped.',
    );
  }
  return { pid: child.pid!, port, endpoint, logFile };
}

/** SIGTERM to the server's process group, then SIGKILL if it has not gone within the grace time. */
export async function stopMotoServer(pid: number, graceMs = 5000): Promise<void> {
  if (!isAlive(pid)) return;
  stopProcessGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && isAlive(pid)) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) stopProcessGroup(pid, 'SIGKILL');
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function stopProcessGroup(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function safeTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}
