import { execFile } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a tool with a hard time limit and the lab's abort signal, so no experiment can hang a run.
 * Rejects with the tool's stderr when it exits non-zero (unless `allowFailure`).
 */
export function runCommand(
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number; signal?: AbortSignal; allowFailure?: boolean; maxBuffer?: number } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { timeout: options.timeoutMs ?? 10_000, signal: options.signal, maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
        if (err && !options.allowFailure) {
          reject(new Error(`${[file, ...args].join(' ')} failed: ${stderr.trim() || err.message}`, { cause: err }));
          return;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}
