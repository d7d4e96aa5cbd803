import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import { FileTail } from './file-tail.ts';
import type { EngineInfo } from '../toolchain/engine.ts';
import { diagnosticOf, parseUiLine, resourceEventOf, type Diagnostic, type ResourceEvent } from './terraform-events.ts';

export interface TerraformInvocation {
  engine: EngineInfo;
  cliConfigPath: string;
  cwd: string;
  args: string[];
  logFile: string;
  signal?: AbortSignal;
  onResourceEvent?: (event: ResourceEvent) => void;
}

export interface TerraformResult {
  exitCode: number;
  diagnostics: Diagnostic[];
  /** Last lines of plain output, for errors that come without a diagnostic. */
  tail: string[];
  stdout: string;
}

/**
 * Runs one terraform/tofu command with the harness's own CLI config. Terraform writes straight into the run's log
 * file (see FileTail for why not a pipe); the `-json` lines are followed from there into resource events and
 * diagnostics. Never throws for a failed command: the caller decides what a failure means.
 */
export async function runTerraform(inv: TerraformInvocation): Promise<TerraformResult> {
  await appendFile(inv.logFile, `$ ${inv.engine.name} ${inv.args.join(' ')}\n`);
  const from = (await stat(inv.logFile)).size;
  const diagnostics: Diagnostic[] = [];
  const tail: string[] = [];
  const output: string[] = [];
  const tailer = new FileTail(inv.logFile, from, (line) => {
    output.push(line);
    const ui = parseUiLine(line);
    if (!ui) {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      return;
    }
    const event = resourceEventOf(ui);
    if (event) inv.onResourceEvent?.(event);
    const diagnostic = diagnosticOf(ui);
    if (diagnostic) diagnostics.push(diagnostic);
  });
  await tailer.start();
  const log = openSync(inv.logFile, 'a');
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      const child = spawn(inv.engine.path, inv.args, {
        cwd: inv.cwd,
        env: terraformEnv(inv.cliConfigPath),
        stdio: ['ignore', log, log],
        // Own process group: a terminal Ctrl-C reaches only the harness, which forwards exactly one SIGINT (a
        // second one would make terraform exit without saving state).
        detached: true,
      });
      // Terraform stops cleanly on SIGINT: it finishes in-flight calls and saves state.
      const abort = () => child.kill('SIGINT');
      inv.signal?.addEventListener('abort', abort, { once: true });
      child.on('error', reject);
      child.on('close', (code) => {
        inv.signal?.removeEventListener('abort', abort);
        resolve(code ?? 1);
      });
    });
    await tailer.stop();
    await appendFile(inv.logFile, `[exit ${exitCode}]\n`);
    return { exitCode, diagnostics, tail, stdout: output.join('\n') };
  } finally {
    closeSync(log);
    await tailer.stop();
  }
}

/** Only what terraform needs from the environment, plus the harness's CLI config; never the user's ~/.terraformrc. */
function terraformEnv(cliConfigPath: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfigPath,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
  };
}
