import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
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
 * Runs one terraform/tofu command with the harness's own CLI config, streaming `-json` output into resource
 * events and diagnostics; the raw output goes to the run's log file. Never throws for a failed command: the
 * caller decides what a failure means.
 */
export function runTerraform(inv: TerraformInvocation): Promise<TerraformResult> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(inv.logFile, { flags: 'a' });
    log.write(`$ ${inv.engine.name} ${inv.args.join(' ')}\n`);
    const child = spawn(inv.engine.path, inv.args, {
      cwd: inv.cwd,
      env: terraformEnv(inv.cliConfigPath),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: a terminal Ctrl-C reaches only the harness, which forwards exactly one SIGINT (a second
      // one would make terraform exit without saving state).
      detached: true,
    });
    const diagnostics: Diagnostic[] = [];
    const tail: string[] = [];
    const stdoutChunks: string[] = [];
    const remember = (line: string) => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
    };
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.write(line + '\n');
      stdoutChunks.push(line);
      const ui = parseUiLine(line);
      if (!ui) return remember(line);
      const event = resourceEventOf(ui);
      if (event) inv.onResourceEvent?.(event);
      const diagnostic = diagnosticOf(ui);
      if (diagnostic) diagnostics.push(diagnostic);
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      log.write(`[stderr] ${line}\n`);
      remember(line);
    });
    // Terraform stops cleanly on SIGINT (it finishes in-flight calls and saves state); a second one is forceful.
    const abort = () => child.kill('SIGINT');
    inv.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (err) => {
      log.end();
      reject(err);
    });
    child.on('close', (code) => {
      inv.signal?.removeEventListener('abort', abort);
      log.end(`[exit ${code}]\n`);
      resolve({ exitCode: code ?? 1, diagnostics, tail, stdout: stdoutChunks.join('\n') });
    });
  });
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
