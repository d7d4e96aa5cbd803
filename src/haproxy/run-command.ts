import { execFile } from 'node:child_process';

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** A tool run with a hard time limit and the lab's abort signal, so no step can hang a run. */
export function runCommand(
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number; signal?: AbortSignal; allowFailure?: boolean } = {},
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: options.timeoutMs ?? 10_000, signal: options.signal, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      if (err && !options.allowFailure) {
        reject(new Error(`${[file, ...args].join(' ')} failed: ${String(stderr).trim() || err.message}`, { cause: err }));
        return;
      }
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
