import { StageError, EnvironmentError } from '../errors.ts';
import { isFinished, loadRunRecord, saveRunRecord } from './run-record.ts';
import { withRunLock } from './run-lock.ts';
import { assessRunTarget, type TargetState } from './target-state.ts';

/**
 * `lab down --forget RUN`: the last resort, closing a run record without destroying anything. It refuses while
 * anything of the run (a tagged resource, the state bucket) can still be found, or while that cannot be checked,
 * so forgetting never hides something that costs money or leaks.
 */
export async function forgetRun(home: string, runId: string): Promise<{ state?: TargetState; alreadyFinished?: string }> {
  return withRunLock(home, runId, 'lab down --forget', async () => {
    const record = await loadRunRecord(home, runId);
    if (isFinished(record.stage)) return { alreadyFinished: record.stage };
    const state = await assessRunTarget(record);
    if (state.state === 'aws-unreachable') {
      throw new EnvironmentError(
        `Run ${runId} cannot be forgotten: whether anything of it is left cannot be checked (${state.evidence.join('; ')}).`,
        `Restore network access or credentials for region ${record.target.region}, then run \`lab down --run ${runId}\`.`,
        'The run record is kept as it was.',
      );
    }
    if (state.tagged.length > 0 || state.stateBucket === 'present') {
      const found = [...state.tagged.map((t) => t.id), ...(state.stateBucket === 'present' ? [`state bucket ${record.stateBucket}`] : [])];
      throw new StageError(
        `Run ${runId} cannot be forgotten: ${found.length} thing(s) of it still exist: ${found.slice(0, 10).join(', ')}${found.length > 10 ? ', …' : ''}.`,
        `Tear it down with \`lab down --run ${runId}\` (it deletes by tag when Terraform's state is lost).`,
        'The run record is kept as it was.',
      );
    }
    record.stage = 'closed';
    record.stacksTouched = [];
    record.closure = { reason: 'forgotten', evidence: state.evidence, at: new Date().toISOString() };
    await saveRunRecord(home, record);
    return { state };
  });
}
