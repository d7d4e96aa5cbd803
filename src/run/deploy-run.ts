import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { generateAlbCertificate } from '../certs/alb-certificate.ts';
import { synthesizeTwoTier } from '../engine/synth.ts';
import { STACK_ORDER } from '../../stacks/target-context.ts';
import { applyStacks, destroyStacks, initStacks, type DeploymentHandle } from '../engine/two-tier-deployment.ts';
import { createStateBucket, deleteStateBucket } from '../engine/state-bucket.ts';
import { sweepRunLeftovers, type Leftover } from '../engine/sweep.ts';
import type { ResourceEvent } from '../engine/terraform-events.ts';
import { activateTarget, releaseTarget, type TargetRequest } from '../targets/activate-target.ts';
import { isAlive } from '../targets/moto-server.ts';
import { containerRunning } from '../targets/container-emulator.ts';
import type { ActiveTarget } from '../targets/active-target.ts';
import { findEngine } from '../toolchain/engine.ts';
import { findProviderMirror, mirrorHasProvider } from '../toolchain/provider-mirror.ts';
import { requiredAwsProvider } from '../toolchain/required-provider.ts';
import { writeCliConfig } from '../toolchain/cli-config.ts';
import { EnvironmentError } from '../errors.ts';
import { newRunId, runDirOf, saveRunRecord, type RunRecord } from './run-record.ts';

export interface RunReporter {
  stage(line: string): void;
  resource(stack: string, event: ResourceEvent): void;
  warn(line: string): void;
}

export interface DeployOptions extends TargetRequest {
  home: string;
  keep: boolean;
  signal: AbortSignal;
  reporter: RunReporter;
}

export interface TeardownReport {
  runId: string;
  destroyed: string[];
  leftovers: Leftover[];
  /** Why destroy was skipped, when it was (the emulator that held everything is gone). */
  skipped?: string;
  stopped?: string;
}

/**
 * `lab up`: toolchain → target → certificate → synth → state bucket → init → apply. The run record is written
 * before anything is created, so a crash at any point can be torn down later by `lab down`. On failure or Ctrl-C
 * the deployment is torn down here unless `keep`.
 */
export async function deployRun(opts: DeployOptions): Promise<RunRecord> {
  const engine = await findEngine();
  const mirror = await findProviderMirror();
  const aws = await requiredAwsProvider();
  const mirroredAws = mirror?.providers.find((p) => p.source.toLowerCase() === aws.source.toLowerCase());
  if (!mirroredAws) {
    opts.reporter.warn(`no provider mirror holds ${aws.source}; terraform will download ${aws.version} from the registry (needs internet)`);
  } else if (!mirrorHasProvider(mirror!, aws.source, aws.version)) {
    // The CLI config takes mirrored providers from the mirror only, so init could never succeed: say so now.
    throw new EnvironmentError(
      `The provider mirror ${mirror!.path} holds ${aws.source} ${mirroredAws.versions.join(', ')}, not ${aws.version}, which @cdktf/provider-aws pins.`,
      `Add ${aws.version} to the mirror (\`terraform providers mirror ${mirror!.path}\` online), or point LAB_PROVIDER_MIRROR at one that has it.`,
      'Nothing was started or deployed.',
    );
  }
  const runId = newRunId();
  const runDir = runDirOf(opts.home, runId);
  await mkdir(runDir, { recursive: true, mode: 0o700 });
  const createdAt = new Date().toISOString();
  const stateBucket = `journal-lab-state-${runId}`;
  // A container is on record from its creation: a crash while it starts still leaves `lab down` a way to remove it.
  const recordContainer = (created: ActiveTarget) =>
    saveRunRecord(opts.home, { runId, createdAt, stage: 'starting', target: created, stateBucket, stacksTouched: [], outputs: {} });
  const target = await activateTarget(opts, runDir, runId, recordContainer).catch(async (err) => {
    // Nothing is left running: drop the run dir, unless it holds an emulator log the error message points at.
    if (!(await hasContent(path.join(runDir, 'moto.log')))) await rm(runDir, { recursive: true, force: true });
    throw err;
  });
  const record: RunRecord = { runId, createdAt, stage: 'starting', target, stateBucket, stacksTouched: [], outputs: {} };
  await saveRunRecord(opts.home, record);
  opts.reporter.stage(`run ${runId} on ${target.name}${target.endpoint ? ` (${target.endpoint})` : ''}`);
  try {
    const cert = await generateAlbCertificate(path.join(runDir, 'secrets'), `jl-${runId}.journal-lab.internal`);
    record.certificate = { subject: cert.subject, notAfter: cert.notAfter, sha256Fingerprint: cert.sha256Fingerprint };
    await synthesizeTwoTier(path.join(runDir, 'cdktf.out'), {
      target: target.name,
      region: target.region,
      endpoint: target.endpoint,
      emulatorCredentials: target.credentials,
      runId,
      stateBucket: record.stateBucket,
    }, { certificatePath: cert.certificatePath, privateKeyPath: cert.privateKeyPath });
    const handle = await deploymentHandle(opts.home, record, opts.reporter, engine, mirror);
    await createStateBucket(target, record.stateBucket, runId);
    record.stage = 'deploying';
    await saveRunRecord(opts.home, record);
    await initStacks(handle, opts.signal);
    record.outputs = await applyStacks(handle, opts.signal, async (stack) => {
      record.stacksTouched.push(stack);
      await saveRunRecord(opts.home, record);
    });
    record.stage = 'deployed';
    await saveRunRecord(opts.home, record);
    return record;
  } catch (err) {
    record.stage = 'failed';
    record.error = err instanceof Error ? err.message : String(err);
    await saveRunRecord(opts.home, record);
    if (!opts.keep) {
      opts.reporter.stage('tearing down after failure');
      await tearDownRun(opts.home, record, opts.reporter).catch((e) => opts.reporter.warn(`teardown failed: ${e instanceof Error ? e.message : e}; run \`lab down --run ${runId}\``));
    } else {
      opts.reporter.warn(`--keep: run ${runId} left as it is; remove it with \`lab down --run ${runId}\``);
    }
    throw err;
  }
}

/**
 * `lab down`: destroy what was applied (reverse order), delete the state bucket, sweep the endpoint for anything
 * still tagged with the run id, then stop what the harness started. Works from the run record alone.
 */
export async function tearDownRun(home: string, record: RunRecord, reporter: RunReporter): Promise<TeardownReport> {
  const report: TeardownReport = { runId: record.runId, destroyed: [], leftovers: [] };
  const target = record.target;
  const emulatorGone = await startedEmulatorGone(target);
  record.stage = 'destroying';
  await saveRunRecord(home, record);
  if (emulatorGone) {
    report.skipped = emulatorGone;
    record.stacksTouched = [];
  } else {
    if (record.stacksTouched.length > 0) {
      const handle = await deploymentHandle(home, record, reporter, await findEngine(), await findProviderMirror());
      await destroyStacks(handle, record.stacksTouched);
      report.destroyed = STACK_ORDER.filter((s) => record.stacksTouched.includes(s)).reverse();
      record.stacksTouched = [];
      await saveRunRecord(home, record);
    }
    await deleteStateBucket(target, record.stateBucket);
    reporter.stage('sweeping the endpoint for anything tagged with the run id');
    report.leftovers = await sweepRunLeftovers(target, record.runId);
  }
  if (target.started) {
    await releaseTarget(target);
    report.stopped = target.started.kind === 'moto' ? `moto server (pid ${target.started.pid})` : `${target.started.emulator} container ${target.started.containerId.slice(0, 12)} (removed)`;
  }
  record.stage = report.leftovers.length === 0 ? 'destroyed' : 'failed';
  if (report.leftovers.length > 0) record.error = `leftovers after destroy: ${report.leftovers.map((l) => l.id).join(', ')}`;
  await saveRunRecord(home, record);
  return report;
}

/** Why nothing can be destroyed because the emulator this run started no longer holds it; undefined when it does. */
async function startedEmulatorGone(target: ActiveTarget): Promise<string | undefined> {
  const started = target.started;
  if (started?.kind === 'moto' && !isAlive(started.pid)) {
    return `the moto server this run started (pid ${started.pid}) is gone, and everything it held went with it`;
  }
  if (started?.kind === 'container') {
    // No endpoint on record: the run died while its container started, before anything was deployed.
    if (!target.endpoint) return `the run stopped while its ${started.emulator} container was starting; nothing was deployed`;
    if (!(await containerRunning(started.containerId))) {
      return `the ${started.emulator} container this run started (${started.containerId.slice(0, 12)}) is not running, and everything it held went with it`;
    }
  }
  return undefined;
}

async function deploymentHandle(
  home: string,
  record: RunRecord,
  reporter: RunReporter,
  engine: Awaited<ReturnType<typeof findEngine>>,
  mirror: Awaited<ReturnType<typeof findProviderMirror>>,
): Promise<DeploymentHandle> {
  const runDir = runDirOf(home, record.runId);
  return {
    engine,
    cliConfigPath: await writeCliConfig(runDir, mirror),
    logDir: path.join(runDir, 'logs'),
    target: record.target,
    stacks: STACK_ORDER.map((name) => ({ name, dir: path.join(runDir, 'cdktf.out', 'stacks', name) })),
    onEvent: (stack, event) => reporter.resource(stack, event),
    onStage: (line) => reporter.stage(line),
  };
}

async function hasContent(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
