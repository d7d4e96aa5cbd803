import { UsageError } from '../../errors.ts';
import { tearDownRun, type TeardownReport } from '../../run/deploy-run.ts';
import { labHome, loadRunRecord, openRuns, type RunRecord } from '../../run/run-record.ts';
import { terminalReporter } from '../terminal-reporter.ts';
import { StageError } from '../../errors.ts';

export interface DownOptions {
  run?: string;
  all: boolean;
  json: boolean;
}

/** `lab down`: destroy, sweep for leftovers (there must be none), stop what the harness started. */
export async function downCommand(opts: DownOptions, out: (s: string) => void): Promise<number> {
  const home = labHome();
  const reporter = terminalReporter(opts.json);
  const runs = await runsToTearDown(home, opts);
  if (runs.length === 0) {
    out(opts.json ? JSON.stringify({ runs: [] }) : 'nothing to tear down: no open run in ' + home);
    return 0;
  }
  const reports: TeardownReport[] = [];
  for (const run of runs) {
    reporter.stage(`tearing down run ${run.runId} on ${run.target.name}`);
    reports.push(await tearDownRun(home, run, reporter));
  }
  out(opts.json ? JSON.stringify({ runs: reports }) : reports.map(describeTeardown).join('\n'));
  const leftovers = reports.flatMap((r) => r.leftovers);
  if (leftovers.length > 0) {
    throw new StageError(
      `${leftovers.length} resource(s) tagged with the run id survived the destroy: ${leftovers.map((l) => l.id).join(', ')}`,
      'Run `lab down` again; if they stay, delete them by their tag journal-lab:run.',
    );
  }
  return 0;
}

async function runsToTearDown(home: string, opts: DownOptions): Promise<RunRecord[]> {
  if (opts.run) return [await loadRunRecord(home, opts.run)];
  const open = await openRuns(home);
  if (opts.all || open.length <= 1) return open;
  throw new UsageError(
    `${open.length} runs are open: ${open.map((r) => `${r.runId} (${r.stage}, ${r.target.name})`).join(', ')}.`,
    'Name one with `lab down --run ID`, or tear all of them down with `lab down --all`.',
  );
}

function describeTeardown(r: TeardownReport): string {
  const lines = [`run ${r.runId}:`];
  if (r.skipped) lines.push(`  destroy skipped: ${r.skipped}`);
  else lines.push(`  destroyed stacks: ${r.destroyed.join(', ') || '(none had been applied)'}`);
  if (!r.skipped) lines.push(`  leftovers tagged journal-lab:run=${r.runId}: ${r.leftovers.length === 0 ? 'none' : r.leftovers.map((l) => l.id).join(', ')}`);
  if (r.stopped) lines.push(`  stopped: ${r.stopped}`);
  return lines.join('\n');
}
