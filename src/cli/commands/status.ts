import { labHome, openRuns, type RunRecord } from '../../run/run-record.ts';
import { assessRunTarget, describeTargetState, type TargetState } from '../../run/target-state.ts';
import { describeDeployment } from './describe-deployment.ts';

/** `lab status`: the runs that may still hold resources or processes, each with what is left of it on its target. */
export async function statusCommand(opts: { json: boolean }, out: (s: string) => void): Promise<number> {
  const runs = await openRuns(labHome());
  const states = await Promise.all(runs.map((r) => assessOrExplain(r)));
  if (opts.json) {
    out(JSON.stringify({ runs: runs.map((r, i) => ({ ...describeDeployment(r), targetState: states[i] })) }));
    return 0;
  }
  if (runs.length === 0) {
    out('no open runs (nothing deployed, nothing running)');
    return 0;
  }
  out(runs.map((r, i) => `${describeDeployment(r, 'text')}\n  on the target       ${describeTargetState(states[i])}${hint(r, states[i])}`).join('\n\n'));
  return 0;
}

/** A status that breaks on one run still lists the others; the failure is shown in place of that run's state. */
async function assessOrExplain(r: RunRecord): Promise<TargetState> {
  try {
    return await assessRunTarget(r);
  } catch (err) {
    return {
      state: 'partly-there', stateBucket: 'unknown', stateObjects: {}, stateLost: false, tagged: [],
      evidence: [`could not be inspected: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`],
    };
  }
}

function hint(r: RunRecord, s: TargetState): string {
  if (s.state === 'up') return '';
  if (s.state === 'aws-unreachable') return `\n  fix                 restore network/credentials, then \`lab down --run ${r.runId}\``;
  return `\n  fix                 \`lab down --run ${r.runId}\` ${s.state === 'partly-there' ? 'deletes what is left' : 'closes the record'}`;
}
