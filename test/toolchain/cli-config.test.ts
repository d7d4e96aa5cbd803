import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCliConfig, writeCliConfig } from '../../src/toolchain/cli-config.ts';
import { findProviderMirror, mirrorHasProvider } from '../../src/toolchain/provider-mirror.ts';
import { requiredAwsProvider } from '../../src/toolchain/required-provider.ts';
import { findExecutable } from '../../src/toolchain/which.ts';
import { runBounded } from '../../src/toolchain/run-bounded.ts';
import { tempDir } from './path-helpers.ts';

describe('renderCliConfig', () => {
  it('without a mirror installs everything directly', () => {
    expect(renderCliConfig(undefined)).toMatch(/provider_installation \{\n {2}direct \{\}\n\}/);
  });

  it('with a mirror takes its providers only from it', () => {
    const text = renderCliConfig({ path: '/opt/m', providers: [{ source: 'registry.terraform.io/hashicorp/aws', versions: ['5.100.0'] }] });
    expect(text).toContain('path    = "/opt/m"');
    expect(text).toContain('include = ["registry.terraform.io/hashicorp/aws"]');
    expect(text).toContain('exclude = ["registry.terraform.io/hashicorp/aws"]');
  });

  it('escapes paths so HCL cannot read them as templates', () => {
    const text = renderCliConfig({ path: '/tmp/a"b${x}', providers: [{ source: 'registry.terraform.io/h/aws', versions: ['1.0.0'] }] });
    expect(text).toContain('path    = "/tmp/a\\"b$${x}"');
  });
});

const terraform = findExecutable('terraform');
const mirror = await findProviderMirror({ ...process.env, LAB_PROVIDER_MIRROR: undefined });
const aws = await requiredAwsProvider();
const mirrorReady = mirror !== undefined && mirrorHasProvider(mirror, aws.source, aws.version);
if (!terraform) console.warn('skipping terraform init tests: terraform is not on PATH');
if (!mirrorReady) console.warn(`skipping offline provider install test: no local mirror holds ${aws.source} ${aws.version}`);

describe('the written file, read by the real terraform', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir('cliconfig')));
  afterAll(() => remove());

  async function init(workDir: string, rcFile: string) {
    return runBounded(terraform!, ['init', '-input=false', '-no-color'], {
      cwd: workDir,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: rcFile, TF_IN_AUTOMATION: '1' },
      timeoutMs: 60_000,
    });
  }

  it.skipIf(!terraform)('direct-only config: init of an empty config succeeds offline', async () => {
    const rc = await writeCliConfig(path.join(dir, 'direct'), undefined);
    expect(path.basename(rc)).toBe('terraform.rc');
    const r = await init(path.dirname(rc), rc);
    expect(r.stderr).not.toMatch(/Warning|Error/);
    expect(r.ok, r.stderr).toBe(true);
  });

  it.skipIf(!terraform || !mirrorReady)('mirror config: init installs the pinned AWS provider from the mirror, offline', async () => {
    const work = path.join(dir, 'mirror');
    const rc = await writeCliConfig(work, mirror);
    const [, ns, type] = aws.source.split('/');
    await writeFile(
      path.join(work, 'main.tf.json'),
      JSON.stringify({ terraform: { required_providers: { [type]: { source: `${ns}/${type}`, version: aws.version } } } }),
    );
    const r = await init(work, rc);
    expect(r.ok, r.stderr).toBe(true);
    expect(r.stdout).toContain(`Installing ${ns}/${type} v${aws.version}`);
    expect(await readFile(path.join(work, '.terraform.lock.hcl'), 'utf8')).toContain(`version     = "${aws.version}"`);
  });
});
