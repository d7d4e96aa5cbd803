import { bucketExists, readObjectText } from '../aws/s3.ts';
import { isConnectionFailure, isCredentialFailure } from '../aws/reachability.ts';
import { sweepRunLeftovers, type Leftover } from '../engine/sweep.ts';
import { probeEndpoint } from '../targets/probe-endpoint.ts';
import { isAlive } from '../targets/moto-server.ts';
import { containerRunning } from '../targets/container-emulator.ts';
import { stateKey } from '../../stacks/target-context.ts';
import type { RunRecord } from './run-record.ts';

/**
 * What is left of a run on its target, decided from the run record alone (endpoint URL, credentials, run id), so
 * it works the same for a moto the harness started, an attached endpoint, a container or live AWS:
 * - `up`: the state bucket, every applied stack's state and tagged resources are there;
 * - `emulator-gone`: nothing answers at the endpoint (or the emulator the run started is dead): nothing of the
 *   run can exist any more;
 * - `emulator-restarted`: the endpoint answers, but neither the state bucket nor any tagged resource is there;
 * - `partly-there`: something is left (tagged resources, or the state bucket alone), but not all of it;
 * - `aws-unreachable`: live AWS did not answer or refused the credentials; nothing can be concluded;
 * - `nothing-left`: live AWS answers and holds neither the state bucket nor any tagged resource.
 */
export type TargetStateKind = 'up' | 'emulator-gone' | 'emulator-restarted' | 'partly-there' | 'aws-unreachable' | 'nothing-left';

export type StateObjectStatus = 'ok' | 'missing' | 'damaged';

export interface TargetState {
  state: TargetStateKind;
  /** The observations that decided it, each a short sentence ("connection refused at …", "0 tagged resources"). */
  evidence: string[];
  stateBucket: 'present' | 'missing' | 'unknown';
  /** Per applied stack: whether Terraform's state object is there and readable. */
  stateObjects: Record<string, StateObjectStatus>;
  /** Terraform's state cannot drive a destroy any more (bucket gone, or an applied stack's object missing/damaged). */
  stateLost: boolean;
  /** Resources tagged with the run id (the state bucket not counted). */
  tagged: Leftover[];
}

export async function assessRunTarget(record: RunRecord, probeTimeoutMs = 3000): Promise<TargetState> {
  const target = record.target;
  const base = { stateBucket: 'unknown' as const, stateObjects: {}, stateLost: false, tagged: [] };
  const started = target.started;
  if (started?.kind === 'container') {
    // No endpoint on record: the run stopped while its container was starting, before anything was deployed.
    if (!target.endpoint) return { ...base, state: 'emulator-gone', evidence: [`the run stopped while its ${started.emulator} container was starting; nothing was deployed`] };
    if (!(await containerRunning(started.containerId))) {
      return { ...base, state: 'emulator-gone', evidence: [`the ${started.emulator} container this run started (${started.containerId.slice(0, 12)}) is not running`] };
    }
  }
  if (target.endpoint) {
    if (started?.kind === 'moto' && !isAlive(started.pid)) {
      return { ...base, state: 'emulator-gone', evidence: [`the moto server this run started (pid ${started.pid}) is not running`] };
    }
    const probe = await probeEndpoint(target.endpoint, probeTimeoutMs);
    if (!probe.reachable) {
      return { ...base, state: 'emulator-gone', evidence: [`${target.endpoint} does not answer (${probe.error ?? 'no answer'})`] };
    }
  }
  try {
    return await inspectReachableTarget(record);
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    if (!target.endpoint && (isConnectionFailure(err) || isCredentialFailure(err))) {
      return { ...base, state: 'aws-unreachable', evidence: [`AWS ${target.region} could not be asked (${reason})`] };
    }
    if (target.endpoint && isConnectionFailure(err)) {
      return { ...base, state: 'emulator-gone', evidence: [`${target.endpoint} stopped answering while being inspected (${reason})`] };
    }
    throw err;
  }
}

async function inspectReachableTarget(record: RunRecord): Promise<TargetState> {
  const target = record.target;
  const where = target.endpoint ?? `AWS ${target.region}`;
  const [hasBucket, leftovers] = await Promise.all([bucketExists(target, record.stateBucket), sweepRunLeftovers(target, record.runId)]);
  const bucketArn = `arn:aws:s3:::${record.stateBucket}`;
  const tagged = leftovers.filter((l) => l.id !== bucketArn && l.id !== record.stateBucket);
  const stateObjects: Record<string, StateObjectStatus> = {};
  if (hasBucket) {
    for (const stack of record.stacksTouched) stateObjects[stack] = await stateObjectStatus(record, stack);
  }
  const brokenObjects = Object.entries(stateObjects).filter(([, s]) => s !== 'ok');
  const stateLost = !hasBucket || brokenObjects.length > 0;
  const evidence = [
    `${where} answers`,
    hasBucket ? `state bucket ${record.stateBucket} present` : `no state bucket ${record.stateBucket}`,
    ...brokenObjects.map(([stack, s]) => `state of stack ${stack} ${s}`),
    `${tagged.length} resource(s) tagged journal-lab:run=${record.runId}`,
  ];
  const common = { evidence, stateBucket: hasBucket ? ('present' as const) : ('missing' as const), stateObjects, stateLost, tagged };
  if (!hasBucket && tagged.length === 0) return { ...common, state: target.endpoint ? 'emulator-restarted' : 'nothing-left' };
  if (!stateLost && tagged.length > 0 && record.stacksTouched.length > 0) return { ...common, state: 'up' };
  return { ...common, state: 'partly-there' };
}

/** Terraform's state file is JSON with a `resources` array; anything else cannot drive a destroy. */
async function stateObjectStatus(record: RunRecord, stack: string): Promise<StateObjectStatus> {
  const text = await readObjectText(record.target, record.stateBucket, stateKey(record.runId, stack));
  if (text === undefined) return 'missing';
  try {
    const parsed = JSON.parse(text) as { resources?: unknown };
    return Array.isArray(parsed.resources) ? 'ok' : 'damaged';
  } catch {
    return 'damaged';
  }
}

/** One line a person reads in `lab status`. */
export function describeTargetState(s: TargetState): string {
  const headline: Record<TargetStateKind, string> = {
    up: 'up',
    'emulator-gone': 'emulator gone: nothing of this run can exist any more',
    'emulator-restarted': "emulator restarted: it answers, but the run's state and resources are gone",
    'partly-there': `partly there: ${s.tagged.length} tagged resource(s) left${s.stateLost ? ", Terraform's state lost" : ''}`,
    'aws-unreachable': 'live AWS unreachable (network or credentials): nothing can be concluded',
    'nothing-left': 'nothing left on AWS: no state bucket, no tagged resource',
  };
  return `${headline[s.state]} (${s.evidence.join('; ')})`;
}
