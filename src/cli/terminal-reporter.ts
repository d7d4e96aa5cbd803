import type { RunReporter } from '../run/deploy-run.ts';
import type { ResourceEvent } from '../engine/terraform-events.ts';

/** Progress on stderr, one line per resource event with elapsed time; silent with --json. */
export function terminalReporter(quiet: boolean, stream: NodeJS.WritableStream = process.stderr): RunReporter & { log(line: string): void } {
  const t0 = Date.now();
  const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`;
  const write = (line: string) => {
    if (!quiet) stream.write(`${stamp()} ${line}\n`);
  };
  return {
    stage: write,
    log: write,
    warn: (line) => stream.write(`${stamp()} warning: ${line}\n`),
    resource: (stack: string, e: ResourceEvent) => write(`${stack.padEnd(8)} ${e.addr} ${describe(e)}`),
  };
}

function describe(e: ResourceEvent): string {
  const verb = e.action === 'delete' ? 'destroy' : e.action;
  if (e.kind === 'start') return `${verb}…`;
  if (e.kind === 'complete') return `${verb} done (${e.seconds}s)`;
  return `${verb} FAILED after ${e.seconds}s`;
}
