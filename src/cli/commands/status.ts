import { labHome, openRuns } from '../../run/run-record.ts';
import { describeDeployment } from './describe-deployment.ts';
import { isAlive } from '../../targets/moto-server.ts';

/** `lab status`: the runs that may still hold resources or processes. */
export async function statusCommand(opts: { json: boolean }, out: (s: string) => void): Promise<number> {
  const runs = await openRuns(labHome());
  if (opts.json) {
    out(JSON.stringify({ runs: runs.map((r) => ({ ...describeDeployment(r), emulatorAlive: emulatorAlive(r) })) }));
    return 0;
  }
  if (runs.length === 0) {
    out('no open runs (nothing deployed, nothing running)');
    return 0;
  }
  out(runs.map((r) => describeDeployment(r, 'text') + (emulatorAlive(r) === false ? '\n  note: the emulator this run started is gone; `lab down` cleans up its record' : '')).join('\n\n'));
  return 0;
}

function emulatorAlive(r: Parameters<typeof describeDeployment>[0]): boolean | undefined {
  return r.target.started?.kind === 'moto' ? isAlive(r.target.started.pid) : undefined;
}
