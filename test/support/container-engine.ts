import { execFileSync } from 'node:child_process';
import { runDoctor } from '../../src/toolchain/doctor.ts';
import { findExecutable } from '../../src/toolchain/which.ts';
import { RUN_LABEL } from '../../src/targets/container-emulator.ts';

/** Why the container tests cannot run here (no engine answering), or undefined when they can. */
export async function containerEngineMissing(): Promise<string | undefined> {
  const docker = (await runDoctor(process.env, { only: ['docker'] })).checks[0];
  return docker.found ? undefined : `no Docker engine (${docker.detail ?? 'docker check failed'}); start one with: npm run setup -- --with-docker`;
}

/** Container ids carrying the harness's run label (for one run, or any run), read from the engine itself. */
export function labelledContainers(runId?: string): string[] {
  const docker = findExecutable('docker');
  if (!docker) return [];
  const out = execFileSync(docker, ['ps', '-aq', '--no-trunc', '--filter', `label=${runId ? `${RUN_LABEL}=${runId}` : RUN_LABEL}`], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

/**
 * The local moto image, built by scripts/build-emulator-image.sh when it is not there (a cache hit costs a second);
 * returns its tag, or the reason it cannot be built here.
 */
export function localEmulatorImage(): { tag?: string; missing?: string } {
  try {
    const out = execFileSync('bash', ['scripts/build-emulator-image.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    const tag = out.trim().split('\n').pop();
    return tag ? { tag } : { missing: 'scripts/build-emulator-image.sh printed no tag' };
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? err).trim().split('\n').slice(-3).join(' / ');
    return { missing: `the local emulator image could not be built: ${stderr}` };
  }
}
