import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError, UsageError } from '../../src/errors.ts';
import { findEngine } from '../../src/toolchain/engine.ts';
import { findExecutable } from '../../src/toolchain/which.ts';
import { runBounded } from '../../src/toolchain/run-bounded.ts';
import { tempDir, writeFakeBin } from './path-helpers.ts';

/** A fake engine that answers `version -json` only when run with the isolated probe environment. */
function fakeEngineScript(version: string): string {
  return [
    'if [ "$CHECKPOINT_DISABLE" != "1" ]; then echo "checkpoint not disabled" >&2; exit 9; fi',
    'if [ "$TF_CLI_CONFIG_FILE" != "/dev/null" ]; then echo "user CLI config leaked: $TF_CLI_CONFIG_FILE" >&2; exit 9; fi',
    `if [ "$1" = version ] && [ "$2" = -json ]; then printf '{"terraform_version":"${version}","platform":"linux_amd64"}\\n'; exit 0; fi`,
    'exit 1',
  ].join('\n');
}

describe('findEngine with fake engines on PATH', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir, remove } = await tempDir('engine')));
  afterEach(() => remove());

  // A broken user config (this machine's TF_CLI_CONFIG_FILE points at a missing file) must not matter.
  const envWith = (extra: NodeJS.ProcessEnv = {}) => ({ PATH: dir, TF_CLI_CONFIG_FILE: '/nonexistent/terraformrc', ...extra });

  it('prefers terraform and reads its version', async () => {
    await writeFakeBin(dir, 'terraform', fakeEngineScript('1.11.4'));
    await writeFakeBin(dir, 'tofu', fakeEngineScript('1.10.6'));
    expect(await findEngine(envWith())).toEqual({ name: 'terraform', path: `${dir}/terraform`, version: '1.11.4' });
  });

  it('falls back to tofu when terraform is absent', async () => {
    await writeFakeBin(dir, 'tofu', fakeEngineScript('1.10.6'));
    expect((await findEngine(envWith())).name).toBe('tofu');
  });

  it('LAB_ENGINE=tofu picks tofu even when terraform is there', async () => {
    await writeFakeBin(dir, 'terraform', fakeEngineScript('1.11.4'));
    await writeFakeBin(dir, 'tofu', fakeEngineScript('1.10.6'));
    expect(await findEngine(envWith({ LAB_ENGINE: 'tofu' }))).toMatchObject({ name: 'tofu', version: '1.10.6' });
  });

  it('LAB_ENGINE naming an absent engine is an EnvironmentError with the install fix', async () => {
    await writeFakeBin(dir, 'terraform', fakeEngineScript('1.11.4'));
    const err = await findEngine(envWith({ LAB_ENGINE: 'tofu' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).message).toMatch(/LAB_ENGINE=tofu.*tofu is not on PATH/);
    expect((err as EnvironmentError).fix).toMatch(/OpenTofu/);
  });

  it('an invalid LAB_ENGINE is a UsageError', async () => {
    await expect(findEngine(envWith({ LAB_ENGINE: 'pulumi' }))).rejects.toBeInstanceOf(UsageError);
  });

  it('no engine at all names both and how to install', async () => {
    const err = (await findEngine(envWith()).catch((e: unknown) => e)) as EnvironmentError;
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toBe('Neither terraform nor tofu is on PATH');
    expect(err.fix).toMatch(/Install Terraform >= 1\.10 .*OpenTofu >= 1\.10/);
  });

  it('a too-old terraform is refused, and tofu is used when it is new enough', async () => {
    // 1.9 still lacks S3 use_lockfile, which the state backend always sets.
    await writeFakeBin(dir, 'terraform', fakeEngineScript('1.9.8'));
    const err = (await findEngine(envWith()).catch((e: unknown) => e)) as EnvironmentError;
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toMatch(/terraform 1\.9\.8 .* too old: the harness needs >= 1\.10\.0 \(its S3 state backend uses use_lockfile\)/);
    await writeFakeBin(dir, 'tofu', fakeEngineScript('1.10.0'));
    expect((await findEngine(envWith())).name).toBe('tofu');
  });

  it('an engine that cannot report a version is an EnvironmentError, not a crash', async () => {
    await writeFakeBin(dir, 'terraform', 'echo "segfault" >&2; exit 139');
    await expect(findEngine(envWith({ LAB_ENGINE: 'terraform' }))).rejects.toThrow(/did not report a version/);
  });

});

const realTerraform = findExecutable('terraform');
if (!realTerraform) console.warn('skipping real-terraform test: terraform is not on PATH');

describe('findEngine with the real terraform', () => {
  it.skipIf(!realTerraform)('reports the installed version despite a dangling TF_CLI_CONFIG_FILE', async () => {
    const env = { ...process.env, LAB_ENGINE: undefined, TF_CLI_CONFIG_FILE: '/nonexistent/terraformrc' };
    const engine = await findEngine(env);
    const banner = await runBounded(realTerraform!, ['version'], { env: { ...env, CHECKPOINT_DISABLE: '1' } });
    expect(engine.name).toBe('terraform');
    expect(engine.path).toBe(realTerraform);
    expect(banner.stdout).toContain(`Terraform v${engine.version}`);
  });
});
