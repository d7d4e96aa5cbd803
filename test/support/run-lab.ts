import { spawn } from 'node:child_process';
import path from 'node:path';

export interface LabRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The last stdout line parsed as JSON, when --json was given. */
  json?: any;
}

const bin = path.resolve('bin/lab.js');

/** Runs the CLI exactly as a user would (`node bin/lab.js ...`), bounded in time. */
export function runLab(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 600_000, onSpawn?: (pid: number) => void): Promise<LabRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn?.(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      let json;
      try {
        json = JSON.parse(last);
      } catch {
        json = undefined;
      }
      resolve({ code: code ?? 1, stdout, stderr, json });
    });
  });
}
