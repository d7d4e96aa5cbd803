import { execFile } from 'node:child_process';

export interface BoundedResult {
  /** True when the process started and exited with code 0 inside the time limit. */
  ok: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why it did not succeed: spawn error, timeout, or non-zero exit; undefined when ok. */
  failure?: string;
}

/**
 * Runs a short probe (a version flag, `docker info`) with a hard time limit; never throws, because a probe that
 * breaks is an answer ("not usable"), not a crash of the doctor.
 */
export function runBounded(
  command: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {},
): Promise<BoundedResult> {
  const timeoutMs = opts.timeoutMs ?? 4000;
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { env: opts.env ?? process.env, cwd: opts.cwd, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20, windowsHide: true },
      (err, stdout, stderr) => {
        const out = String(stdout);
        const errText = String(stderr);
        if (!err) return resolve({ ok: true, code: 0, stdout: out, stderr: errText });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string; signal?: string };
        const failure = e.killed
          ? `timed out after ${timeoutMs} ms`
          : typeof e.code === 'string'
            ? `could not start: ${e.code}`
            : `exit code ${e.code ?? e.signal}`;
        resolve({ ok: false, code: typeof e.code === 'number' ? e.code : null, stdout: out, stderr: errText, failure });
      },
    );
  });
}
