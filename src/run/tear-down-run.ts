import { destroyStacks } from '../engine/two-tier-deployment.ts';
import { deleteStateBucket } from '../engine/state-bucket.ts';
import { runTag, sweepRunLeftovers, type Leftover } from '../engine/sweep.ts';
import { deleteTaggedResources } from '../engine/delete-tagged.ts';
import { releaseTarget } from '../targets/activate-target.ts';
import { findEngine } from '../toolchain/engine.ts';
import { findProviderMirror } from '../toolchain/provider-mirror.ts';
import { EnvironmentError } from '../errors.ts';
import { isConnectionFailure } from '../aws/reachability.ts';
import { STACK_ORDER } from '../../stacks/target-context.ts';
import { isFinished, loadRunRecord, saveRunRecord, type RunClosure, type RunRecord } from './run-record.ts';
import { withRunLock } from './run-lock.ts';
import { assessRunTarget, type TargetState, type TargetStateKind } from './target-state.ts';
import { deploymentHandle, missingRunFiles } from './deployment-handle.ts';
import type { RunReporter } from './deploy-run.ts';

export interface TeardownReport {
  runId: string;
  /** destroyed: torn down and swept; closed: nothing of it could exist any more; already-finished: another process did it. */
  outcome: 'destroyed' | 'closed' | 'already-finished' | 'leftovers';
  /** What `lab down` found on the target before acting, and the observations that decided it. */
  targetState?: TargetStateKind;
  evidence: string[];
  destroyed: string[];
  /** Resources deleted by their run tag because Terraform's state could not drive the destroy. */
  deletedByTag: string[];
  leftovers: Leftover[];
  /** Why destroy was skipped, when it was (the emulator that held everything is gone or restarted empty). */
  skipped?: string;
  stopped?: string;
}

/**
 * `lab down` for one run, from its record alone, whatever became of its target: destroy through Terraform while
 * its state is usable, else delete by the run tag; close the record when the emulator is gone or came back
 * empty; keep it (and say what to retry) when live AWS cannot be asked. One process at a time per run.
 */
export async function tearDownRun(home: string, record: RunRecord, reporter: RunReporter): Promise<TeardownReport> {
  return withRunLock(home, record.runId, 'lab down', async () => {
    const onDisk = await loadRunRecord(home, record.runId).catch(() => undefined);
    if (onDisk) Object.assign(record, onDisk);
    const report: TeardownReport = { runId: record.runId, outcome: 'destroyed', evidence: [], destroyed: [], deletedByTag: [], leftovers: [] };
    if (isFinished(record.stage)) {
      report.outcome = 'already-finished';
      report.evidence.push(`the run was already ${record.stage} when this command got to it`);
      return report;
    }
    reporter.stage(`checking what is left of run ${record.runId} on ${record.target.endpoint ?? `AWS ${record.target.region}`}`);
    const state = await assessRunTarget(record);
    report.targetState = state.state;
    report.evidence.push(...state.evidence);
    if (state.state === 'aws-unreachable') throw awsUnreachable(record, state);
    if (isEmpty(state)) return closeRun(home, record, report, state);
    record.stage = 'destroying';
    await saveRunRecord(home, record);
    let useTags = state.stateLost;
    if (!useTags && record.stacksTouched.length > 0) {
      const missing = await missingRunFiles(home, record, record.stacksTouched);
      if (missing.length > 0) {
        report.evidence.push(`the run directory lacks ${missing.join(', ')}: terraform cannot run`);
        useTags = true;
      } else {
        const failure = await destroyThroughTerraform(home, record, reporter, report);
        if (failure) {
          const after = await assessRunTarget(record);
          report.evidence.push(`terraform destroy failed (${failure}); then: ${after.evidence.join('; ')}`);
          if (after.state === 'aws-unreachable') throw awsUnreachable(record, after);
          if (isEmpty(after)) return closeRun(home, record, report, after);
          useTags = true;
        }
      }
    }
    try {
      if (useTags) await deleteByTag(record, reporter, report);
      record.stacksTouched = [];
      await saveRunRecord(home, record);
      await deleteStateBucket(record.target, record.stateBucket);
      reporter.stage('sweeping the endpoint for anything tagged with the run id');
      report.leftovers = await sweepRunLeftovers(record.target, record.runId);
      if (report.leftovers.length > 0 && !useTags) {
        report.evidence.push(`${report.leftovers.length} tagged resource(s) survived terraform destroy`);
        await deleteByTag(record, reporter, report);
        report.leftovers = await sweepRunLeftovers(record.target, record.runId);
      }
    } catch (err) {
      // The emulator can die while the harness deletes or sweeps: look again instead of leaving the run half-done.
      if (!isConnectionFailure(err)) throw err;
      const after = await assessRunTarget(record);
      report.evidence.push(`the target stopped answering while the run was being deleted; then: ${after.evidence.join('; ')}`);
      if (after.state === 'aws-unreachable') throw awsUnreachable(record, after);
      if (isEmpty(after)) return closeRun(home, record, report, after);
      throw err;
    }
    report.stopped = await stopWhatTheRunStarted(record);
    report.outcome = report.leftovers.length === 0 ? 'destroyed' : 'leftovers';
    record.stage = report.leftovers.length === 0 ? 'destroyed' : 'failed';
    if (report.leftovers.length > 0) record.error = `leftovers after destroy: ${report.leftovers.map((l) => l.id).join(', ')}`;
    await saveRunRecord(home, record);
    return report;
  });
}

/** Nothing of the run is left: the emulator is gone, or answers without its state bucket and without tagged resources. */
function isEmpty(state: TargetState): boolean {
  return state.state === 'emulator-gone' || state.state === 'emulator-restarted' || state.state === 'nothing-left';
}

/** Returns the failure's message instead of throwing: what it means depends on what is left on the target. */
async function destroyThroughTerraform(home: string, record: RunRecord, reporter: RunReporter, report: TeardownReport): Promise<string | undefined> {
  const handle = await deploymentHandle(home, record, reporter, await findEngine(), await findProviderMirror());
  try {
    await destroyStacks(handle, record.stacksTouched);
    report.destroyed = STACK_ORDER.filter((s) => record.stacksTouched.includes(s)).reverse();
    record.stacksTouched = [];
    await saveRunRecord(home, record);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0] : String(err);
  }
}

async function deleteByTag(record: RunRecord, reporter: RunReporter, report: TeardownReport): Promise<void> {
  reporter.stage(`deleting what carries journal-lab:run=${record.runId}, dependents first (Terraform's state cannot do it)`);
  const result = await deleteTaggedResources(record.target, runTag(record.runId), (line) => reporter.stage(line));
  report.deletedByTag.push(...result.deleted);
  for (const failure of result.failures) reporter.warn(`could not delete ${failure}`);
}

async function closeRun(home: string, record: RunRecord, report: TeardownReport, state: TargetState): Promise<TeardownReport> {
  const reason = state.state as RunClosure['reason'];
  record.stage = 'closed';
  record.stacksTouched = [];
  record.closure = { reason, evidence: state.evidence, at: new Date().toISOString() };
  report.outcome = 'closed';
  report.skipped = state.state === 'emulator-gone'
    ? 'the emulator is gone, and everything it held went with it'
    : state.state === 'emulator-restarted'
      ? "the emulator restarted empty: the run's state bucket and resources are gone with the old instance"
      : 'neither the state bucket nor any tagged resource exists';
  report.stopped = await stopWhatTheRunStarted(record);
  await saveRunRecord(home, record);
  return report;
}

/** Stops the moto server or container the run started; one already gone is reported, not an error. */
async function stopWhatTheRunStarted(record: RunRecord): Promise<string | undefined> {
  const started = record.target.started;
  if (!started) return undefined;
  const what = started.kind === 'moto' ? `moto server (pid ${started.pid})` : `${started.emulator} container ${started.containerId.slice(0, 12)} (removed)`;
  // A container the engine cannot remove may still be running: that error keeps the run on record, with the fix.
  if (started.kind === 'container') {
    await releaseTarget(record.target);
    return what;
  }
  try {
    await releaseTarget(record.target);
    return what;
  } catch (err) {
    return `${what} was already gone (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
}

function awsUnreachable(record: RunRecord, state: TargetState): EnvironmentError {
  return new EnvironmentError(
    `Run ${record.runId} cannot be torn down now: ${state.evidence.join('; ')}.`,
    `Restore network access or credentials for region ${record.target.region} (\`aws sts get-caller-identity\` must work), then run \`lab down --run ${record.runId}\` again.`,
    `The run record is kept as it was (stage ${record.stage}); its resources, if any, are still tagged journal-lab:run=${record.runId}.`,
  );
}
