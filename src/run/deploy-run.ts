import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { generateAlbCertificate } from '../certs/alb-certificate.ts';
import { synthesizeTwoTier } from '../engine/synth.ts';
import { applyStacks, initStacks } from '../engine/two-tier-deployment.ts';
import { createStateBucket } from '../engine/state-bucket.ts';
import type { ResourceEvent } from '../engine/terraform-events.ts';
import { activateTarget, type TargetRequest } from '../targets/activate-target.ts';
import type { ActiveTarget } from '../targets/active-target.ts';
import { findEngine } from '../toolchain/engine.ts';
import { findProviderMirror, mirrorHasProvider } from '../toolchain/provider-mirror.ts';
import { requiredAwsProvider } from '../toolchain/required-provider.ts';
import { EnvironmentError } from '../errors.ts';
import { newRunId, runDirOf, saveRunRecord, type RunRecord } from './run-record.ts';
import { deploymentHandle } from './deployment-handle.ts';
import { stackNames } from '../../stacks/target-context.ts';
import { tearDownRun } from './tear-down-run.ts';

export { tearDownRun, type TeardownReport } from './tear-down-run.ts';

export interface RunReporter {
  stage(line: string): void;
  resource(stack: string, event: ResourceEvent): void;
  warn(line: string): void;
}

export interface DeployOptions extends TargetRequest {
  home: string;
  keep: boolean;
  /** Deploy the network tier alone (no ALB, NLB or instances): a quicker deployment for labs and tests that need only it. */
  networkOnly?: boolean;
  signal: AbortSignal;
  reporter: RunReporter;
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
    const full = await deploymentHandle(opts.home, record, opts.reporter, engine, mirror);
    const handle = opts.networkOnly ? { ...full, stacks: full.stacks.filter((s) => s.name === stackNames.network) } : full;
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

async function hasContent(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
