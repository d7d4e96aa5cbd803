import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AwsLabContext, Lab } from '../lab-api/lab.ts';
import type { TeardownStack } from './teardown.ts';
import type { LabEvidence } from './judge-questions.ts';
import { redactDeep } from '../report/redact.ts';

export interface CollectOptions {
  workDir: string;
  signal: AbortSignal;
  teardown: TeardownStack;
  log(line: string): void;
  aws?: AwsLabContext;
  /** Per lab, what its `collectBeforeDeployment` already gathered. */
  early?: ReadonlyMap<string, unknown>;
}

/**
 * Runs each lab's collector once, one after another (captures and timings must not disturb each other). A
 * collector that throws gives an error entry: the run goes on and its questions show why they were not judged.
 */
export async function collectEvidence(labs: readonly Lab[], opts: CollectOptions): Promise<Map<string, LabEvidence>> {
  const evidence = new Map<string, LabEvidence>();
  for (const lab of labs) {
    if (opts.signal.aborted) {
      evidence.set(lab.id, { ok: false, error: 'interrupted before this lab ran' });
      continue;
    }
    if (lab.kind === 'aws' && !opts.aws) {
      evidence.set(lab.id, { ok: false, error: 'this lab needs a deployment and none is up (use `lab run`, or `lab up` then `lab check`)' });
      continue;
    }
    const started = Date.now();
    opts.log(`${lab.id}: collecting evidence`);
    try {
      const workDir = path.join(opts.workDir, lab.id);
      await mkdir(workDir, { recursive: true });
      const snapshot = await lab.collect({ workDir, signal: opts.signal, log: (l) => opts.log(`${lab.id}: ${l}`), teardown: opts.teardown, aws: opts.aws, early: opts.early?.get(lab.id) });
      // A last line of defence: no private key may reach results, whatever a collector returned.
      evidence.set(lab.id, { ok: true, evidence: redactDeep(snapshot) });
      opts.log(`${lab.id}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      evidence.set(lab.id, { ok: false, error: message });
      opts.log(`${lab.id}: collector failed: ${message}`);
    }
  }
  return evidence;
}

/**
 * Runs the AWS labs' deployment-free parts (`collectBeforeDeployment`), one after another like every collector.
 * One that fails leaves nothing: the lab's `collect` then does that part itself, after the deployment.
 */
export async function collectBeforeDeployment(labs: readonly Lab[], opts: CollectOptions): Promise<Map<string, unknown>> {
  const early = new Map<string, unknown>();
  for (const lab of labs) {
    if (!lab.collectBeforeDeployment || opts.signal.aborted) continue;
    opts.log(`${lab.id}: collecting the part that needs no deployment`);
    try {
      const workDir = path.join(opts.workDir, lab.id);
      await mkdir(workDir, { recursive: true });
      early.set(lab.id, await lab.collectBeforeDeployment({ workDir, signal: opts.signal, log: (l) => opts.log(`${lab.id}: ${l}`), teardown: opts.teardown }));
    } catch (err) {
      opts.log(`${lab.id}: the part before the deployment failed (${err instanceof Error ? err.message : String(err)}); it runs again after the deployment`);
    }
  }
  return early;
}
