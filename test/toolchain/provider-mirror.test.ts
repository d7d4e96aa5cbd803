import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.ts';
import { findProviderMirror, mirrorHasProvider, readProviderMirror, standardMirrorDirs } from '../../src/toolchain/provider-mirror.ts';
import { requiredAwsProvider } from '../../src/toolchain/required-provider.ts';
import { tempDir } from './path-helpers.ts';

const PLATFORM = 'linux_amd64';

/** `<host>/<ns>/<type>/<version>/<os_arch>/terraform-provider-...` as terraform's plugin cache writes it. */
async function unpacked(root: string, source: string, version: string, platform = PLATFORM): Promise<void> {
  const [, , type] = source.split('/');
  const dir = path.join(root, source, version, platform);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `terraform-provider-${type}_v${version}_x5`), '');
}

/** `<host>/<ns>/<type>/terraform-provider-<type>_<version>_<os>_<arch>.zip` as `terraform providers mirror` writes it. */
async function packed(root: string, source: string, version: string, platform = PLATFORM): Promise<void> {
  const [, , type] = source.split('/');
  const dir = path.join(root, source);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `terraform-provider-${type}_${version}_${platform}.zip`), '');
  await writeFile(path.join(dir, 'index.json'), '{"versions":{}}');
}

describe('provider mirror detection on temp dirs', () => {
  let root: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir: root, remove } = await tempDir('mirror')));
  afterEach(() => remove());

  it('reads the unpacked layout', async () => {
    await unpacked(root, 'registry.terraform.io/hashicorp/aws', '5.100.0');
    await unpacked(root, 'registry.terraform.io/hashicorp/aws', '5.99.1');
    expect(await readProviderMirror(root, PLATFORM)).toEqual({
      path: root,
      providers: [{ source: 'registry.terraform.io/hashicorp/aws', versions: ['5.99.1', '5.100.0'] }],
    });
  });

  it('reads the packed layout, and both layouts side by side', async () => {
    await packed(root, 'registry.terraform.io/hashicorp/aws', '5.100.0');
    await unpacked(root, 'registry.opentofu.org/hashicorp/random', '3.6.3');
    const m = await readProviderMirror(root, PLATFORM);
    expect(m.providers).toEqual([
      { source: 'registry.opentofu.org/hashicorp/random', versions: ['3.6.3'] },
      { source: 'registry.terraform.io/hashicorp/aws', versions: ['5.100.0'] },
    ]);
    expect(mirrorHasProvider(m, 'registry.terraform.io/hashicorp/aws', '5.100.0')).toBe(true);
    expect(mirrorHasProvider(m, 'hashicorp/aws', '5.100.0')).toBe(true);
    expect(mirrorHasProvider(m, 'hashicorp/aws', '5.99.0')).toBe(false);
  });

  it('ignores packages built for another platform and non-provider clutter', async () => {
    await unpacked(root, 'registry.terraform.io/hashicorp/aws', '5.100.0', 'darwin_arm64');
    await packed(root, 'registry.terraform.io/hashicorp/aws', '5.90.0', 'windows_amd64');
    await mkdir(path.join(root, 'not-a-host', 'x', 'y', '1.0.0', PLATFORM), { recursive: true });
    expect((await readProviderMirror(root, PLATFORM)).providers).toEqual([]);
  });

  it('auto-detect prefers a dir that holds the required AWS provider', async () => {
    const aws = await requiredAwsProvider();
    const [a, b, empty] = ['a', 'b', 'empty'].map((d) => path.join(root, d));
    await unpacked(a, 'registry.terraform.io/hashicorp/aws', '5.1.0');
    await packed(b, aws.source, aws.version);
    await mkdir(empty);
    const found = await findProviderMirror({}, { candidates: [empty, a, b], platform: PLATFORM });
    expect(found?.path).toBe(b);
    expect(await findProviderMirror({}, { candidates: [empty, a], platform: PLATFORM })).toMatchObject({ path: a });
    expect(await findProviderMirror({}, { candidates: [empty, path.join(root, 'absent')], platform: PLATFORM })).toBeUndefined();
  });

  it('LAB_PROVIDER_MIRROR wins over auto-detection, and must exist', async () => {
    await packed(root, 'registry.terraform.io/hashicorp/aws', '5.100.0');
    expect((await findProviderMirror({ LAB_PROVIDER_MIRROR: root }, { candidates: [], platform: PLATFORM }))?.path).toBe(root);
    const err = await findProviderMirror({ LAB_PROVIDER_MIRROR: path.join(root, 'nope') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).fix).toMatch(/terraform providers mirror/);
  });

  it('searches the implied local mirror dirs and the plugin cache', () => {
    const dirs = standardMirrorDirs({ HOME: '/home/u', TF_PLUGIN_CACHE_DIR: '/cache/tf' });
    expect(dirs).toEqual(
      expect.arrayContaining([
        '/home/u/.terraform.d/plugins',
        '/home/u/.local/share/terraform/plugins',
        '/usr/local/share/terraform/plugins',
        '/usr/share/terraform/plugins',
        '/opt/terraform/plugins',
        '/opt/tf-plugins',
        '/cache/tf',
      ]),
    );
  });
});

describe('the required provider pin', () => {
  it('is read from @cdktf/provider-aws, and is 5.100.0 for 20.1.0', async () => {
    expect(await requiredAwsProvider()).toMatchObject({
      source: 'registry.terraform.io/hashicorp/aws',
      version: '5.100.0',
      from: expect.stringContaining('@cdktf/provider-aws'),
    });
  });
});

const realMirror = await findProviderMirror({ ...process.env, LAB_PROVIDER_MIRROR: undefined });
if (!realMirror) console.warn('skipping real-mirror test: no provider mirror in the standard dirs on this machine');

describe('the real mirror on this machine', () => {
  it.skipIf(!realMirror)('is found without configuration and holds the AWS provider the bindings need', async () => {
    const aws = await requiredAwsProvider();
    expect(mirrorHasProvider(realMirror!, aws.source, aws.version)).toBe(true);
  });
});
