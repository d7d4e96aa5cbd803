import path from 'node:path';
import { access } from 'node:fs/promises';
import type { DeploymentHandle } from '../engine/two-tier-deployment.ts';
import type { findEngine } from '../toolchain/engine.ts';
import type { findProviderMirror } from '../toolchain/provider-mirror.ts';
import { writeCliConfig } from '../toolchain/cli-config.ts';
import { STACK_ORDER } from '../../stacks/target-context.ts';
import { runDirOf, type RunRecord } from './run-record.ts';
import type { RunReporter } from './deploy-run.ts';

/** How terraform reaches a run's synthesized stacks, logs and CLI config. */
export async function deploymentHandle(
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
    stacks: STACK_ORDER.map((name) => ({ name, dir: stackDirOf(home, record.runId, name) })),
    onEvent: (stack, event) => reporter.resource(stack, event),
    onStage: (line) => reporter.stage(line),
  };
}

export function stackDirOf(home: string, runId: string, stack: string): string {
  return path.join(runDirOf(home, runId), 'cdktf.out', 'stacks', stack);
}

/**
 * Files a terraform destroy of these stacks needs that are no longer in the run directory (someone deleted part
 * of it): the synthesized config, and the certificate files the app tier's config reads.
 */
export async function missingRunFiles(home: string, record: RunRecord, stacks: readonly string[]): Promise<string[]> {
  const needed = stacks.map((s) => path.join(stackDirOf(home, record.runId, s), 'cdk.tf.json'));
  if (stacks.includes('app')) {
    const secrets = path.join(runDirOf(home, record.runId), 'secrets');
    needed.push(path.join(secrets, 'alb-certificate.pem'), path.join(secrets, 'alb-private-key.pem'));
  }
  const missing: string[] = [];
  for (const file of needed) await access(file).catch(() => missing.push(path.relative(runDirOf(home, record.runId), file)));
  return missing;
}
