import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { EngineInfo } from '../toolchain/engine.ts';
import type { ActiveTarget } from '../targets/active-target.ts';
import { isAlive } from '../targets/moto-server.ts';
import { runTerraform, type TerraformResult } from './terraform-runner.ts';
import { terraformFailure } from './failure.ts';
import type { ResourceEvent } from './terraform-events.ts';

/**
 * Wait for the state lock instead of failing at once: after a harness crash, the orphaned terraform may still be
 * finishing its apply when `lab down` starts.
 */
const LOCK_TIMEOUT = '-lock-timeout=300s';

export interface StackDir {
  name: string;
  dir: string;
}

export interface DeploymentHandle {
  engine: EngineInfo;
  cliConfigPath: string;
  logDir: string;
  target: ActiveTarget;
  /** Dependency order; destroy walks it backwards. */
  stacks: StackDir[];
  onEvent?: (stack: string, event: ResourceEvent) => void;
  onStage?: (line: string) => void;
}

/** `init` every stack at once: they share no working files, and init is mostly waiting on the backend. */
export async function initStacks(d: DeploymentHandle, signal?: AbortSignal): Promise<void> {
  await mkdir(d.logDir, { recursive: true });
  await Promise.all(d.stacks.map((s) => step(d, s, 'init', ['init', '-input=false', '-no-color', '-json'], signal)));
}

/** `apply` stack by stack in dependency order; returns each stack's non-sensitive outputs. */
export async function applyStacks(
  d: DeploymentHandle,
  signal: AbortSignal | undefined,
  onStackStarted: (stack: string) => Promise<void>,
): Promise<Record<string, Record<string, unknown>>> {
  const outputs: Record<string, Record<string, unknown>> = {};
  for (const stack of d.stacks) {
    if (signal?.aborted) throw signal.reason;
    await onStackStarted(stack.name);
    await step(d, stack, 'apply', ['apply', '-auto-approve', '-input=false', '-no-color', '-json', LOCK_TIMEOUT], signal);
    outputs[stack.name] = await readOutputs(d, stack, signal);
  }
  return outputs;
}

/**
 * `destroy` in reverse order. It is not cancellable by design: a teardown interrupted halfway leaks. State is
 * fresh from apply, so the refresh is skipped.
 */
export async function destroyStacks(d: DeploymentHandle, only?: readonly string[]): Promise<void> {
  for (const stack of [...d.stacks].reverse()) {
    if (only && !only.includes(stack.name)) continue;
    await step(d, stack, 'destroy', ['destroy', '-auto-approve', '-input=false', '-no-color', '-json', '-refresh=false', LOCK_TIMEOUT], undefined);
  }
}

async function readOutputs(d: DeploymentHandle, stack: StackDir, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const result = await step(d, stack, 'output', ['output', '-json', '-no-color'], signal, false);
  const parsed = JSON.parse(result.stdout || '{}') as Record<string, { value: unknown; sensitive: boolean }>;
  return Object.fromEntries(Object.entries(parsed).filter(([, o]) => !o.sensitive).map(([k, o]) => [k, o.value]));
}

async function step(
  d: DeploymentHandle,
  stack: StackDir,
  command: string,
  args: string[],
  signal: AbortSignal | undefined,
  announce = true,
): Promise<TerraformResult> {
  const logFile = path.join(d.logDir, `${stack.name}-${command}.log`);
  if (announce) d.onStage?.(`${stack.name}: terraform ${command}`);
  const result = await runTerraform({
    engine: d.engine,
    cliConfigPath: d.cliConfigPath,
    cwd: stack.dir,
    args,
    logFile,
    signal,
    onResourceEvent: (e) => d.onEvent?.(stack.name, e),
  });
  if (result.exitCode !== 0) {
    if (signal?.aborted) throw signal.reason;
    throw terraformFailure(`${stack.name}: terraform ${command}`, result, logFile, endpointAlive(d.target));
  }
  return result;
}

function endpointAlive(target: ActiveTarget): boolean {
  return target.started?.kind === 'moto' ? isAlive(target.started.pid) : true;
}
