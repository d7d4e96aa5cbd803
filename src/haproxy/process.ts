import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TeardownStack } from '../run/teardown.ts';
import { runCommand } from '../net/run-command.ts';

export interface ConfigCheck {
  valid: boolean;
  /** HAProxy's own words (`haproxy -c`): warnings and alerts, evidence of what a mode can and cannot do. */
  messages: string[];
}

/** `haproxy -c -f FILE`: validates without starting, and reports the warnings HAProxy has about the config. */
export async function checkHaproxyConfig(bin: string, configFile: string, signal?: AbortSignal): Promise<ConfigCheck> {
  const out = await runCommand(bin, ['-c', '-f', configFile], { timeoutMs: 10_000, signal, allowFailure: true });
  const messages = `${out.stdout}\n${out.stderr}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\[(WARNING|ALERT)\]/.test(l) || /Configuration file is valid/.test(l))
    // The pid in "[WARNING]  (9102) :" changes every run; without it recorded snapshots stay comparable.
    .map((l) => l.replace(/^\[(\w+)\]\s+\(\d+\)\s*:\s*/, '[$1] '));
  return { valid: out.code === 0, messages };
}

/** A short-path private dir for unix sockets (sun_path is limited to 108 bytes; lab work dirs can be longer). */
export async function socketDir(teardown: TeardownStack): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jl-hap-'));
  teardown.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

export interface RunningHaproxy {
  pid: number;
  configFile: string;
  /** Lines HAProxy logged so far (stdout and stderr). */
  logLines(): string[];
  stop(): Promise<void>;
}

export interface StartHaproxyOptions {
  bin: string;
  config: string;
  workDir: string;
  name: string;
  teardown: TeardownStack;
  /** TCP ports on 127.0.0.1 that must accept connections before HAProxy counts as started. */
  waitForPorts: number[];
  signal?: AbortSignal;
  startTimeoutMs?: number;
}

/**
 * Writes the config, validates it, starts HAProxy in the foreground (`-db`) and waits for its listeners.
 * The stop is registered on the teardown before waiting, so a failed start still leaves nothing running.
 */
export async function startHaproxy(options: StartHaproxyOptions): Promise<RunningHaproxy & { check: ConfigCheck }> {
  const configFile = path.join(options.workDir, `${options.name}.cfg`);
  await writeFile(configFile, options.config);
  const check = await checkHaproxyConfig(options.bin, configFile, options.signal);
  if (!check.valid) throw new Error(`haproxy rejected ${configFile}: ${check.messages.join(' | ')}`);
  const child = spawn(options.bin, ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => stopChild(child, exited);
  options.teardown.add(`stop haproxy ${options.name} (pid ${child.pid})`, stop);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  await waitForPorts(options.waitForPorts, options.startTimeoutMs ?? 5_000, child, lines);
  return { pid: child.pid!, configFile, check, logLines: () => [...lines], stop };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(timer);
}

async function waitForPorts(ports: number[], timeoutMs: number, child: ChildProcess, lines: string[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const port of ports) {
    while (!(await canConnect(port))) {
      if (child.exitCode !== null) throw new Error(`haproxy exited with code ${child.exitCode}: ${lines.slice(-5).join(' | ')}`);
      if (Date.now() > deadline) throw new Error(`haproxy did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}
