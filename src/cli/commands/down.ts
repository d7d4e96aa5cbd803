import { StageError, UsageError } from '../../errors.ts';
import { tearDownRun, type TeardownReport } from '../../run/deploy-run.ts';
import { forgetRun } from '../../run/forget-run.ts';
import { labHome, loadRunRecord, openRuns, type RunRecord } from '../../run/run-record.ts';
import { describeTargetState } from '../../run/target-state.ts';
import { terminalReporter } from '../terminal-reporter.ts';

export interface DownOptions {
  run?: string;
  all: boolean;
  json: boolean;
  forget?: string;
}

/**
 * `lab down`: destroy, sweep for leftovers (there must be none), stop what the harness started. A run whose
 * emulator is gone or came back empty is closed with the evidence; one whose state is lost is deleted by tag.
 */
export async function downCommand(opts: DownOptions, out: (s: string) => void): Promise<number> {
  const home = labHome();
  if (opts.forget) {
    if (opts.run || opts.all) throw new UsageError('--forget names its run itself and goes alone.', `Run \`lab down --forget ${opts.forget}\` without --run/--all.`);
    const { state, alreadyFinished } = await forgetRun(home, opts.forget);
    if (opts.json) out(JSON.stringify({ forgotten: opts.forget, alreadyFinished, targetState: state?.state, evidence: state?.evidence ?? [] }));
    else out(state ? `run ${opts.forget} forgotten: ${describeTargetState(state)}` : `run ${opts.forget} was already ${alreadyFinished}: nothing to forget`);
    return 0;
  }
  const reporter = terminalReporter(opts.json);
  const runs = await runsToTearDown(home, opts);
  if (runs.length === 0) {
    out(opts.json ? JSON.stringify({ runs: [] }) : 'nothing to tear down: no open run in ' + home);
    return 0;
  }
  const reports: TeardownReport[] = [];
  const failures: unknown[] = [];
  for (const run of runs) {
    reporter.stage(`tearing down run ${run.runId} on ${run.target.name}`);
    // One run that cannot be torn down now (live AWS unreachable) must not keep `--all` from the others.
    try {
      reports.push(await tearDownRun(home, run, reporter));
    } catch (err) {
      if (runs.length === 1) throw err;
      failures.push(err);
      reporter.warn(`run ${run.runId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  out(opts.json ? JSON.stringify({ runs: reports }) : reports.map(describeTeardown).join('\n'));
  if (failures.length > 0) throw failures[0];
  const leftovers = reports.flatMap((r) => r.leftovers);
  if (leftovers.length > 0) {
    throw new StageError(
      `${leftovers.length} resource(s) tagged with the run id survived the destroy and the deletion by tag: ${leftovers.map((l) => l.id).join(', ')}`,
      'Run `lab down` again; if they stay, delete them by their tag journal-lab:run (the log above says why each failed).',
      'The run record is kept (stage failed) so `lab status` keeps showing it.',
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
  const lines = [`run ${r.runId}: ${r.outcome}`];
  if (r.evidence.length > 0) lines.push(`  found: ${r.evidence.join('; ')}`);
  if (r.skipped) lines.push(`  destroy skipped: ${r.skipped}`);
  else if (r.outcome !== 'already-finished') {
    lines.push(`  destroyed stacks: ${r.destroyed.join(', ') || '(none through terraform)'}`);
    if (r.deletedByTag.length > 0) lines.push(`  deleted by tag: ${r.deletedByTag.length} (${r.deletedByTag.join(', ')})`);
    lines.push(`  leftovers tagged journal-lab:run=${r.runId}: ${r.leftovers.length === 0 ? 'none' : r.leftovers.map((l) => l.id).join(', ')}`);
  }
  if (r.stopped) lines.push(`  stopped: ${r.stopped}`);
  return lines.join('\n');
}
