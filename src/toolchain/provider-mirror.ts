import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EnvironmentError } from '../errors.ts';
import { terraformPlatform } from './platform.ts';
import { requiredAwsProvider } from './required-provider.ts';

export interface ProviderMirror {
  path: string;
  /** Providers with at least one version packaged for this machine's platform, versions ascending. */
  providers: { source: string; versions: string[] }[];
}

export interface MirrorSearchOptions {
  /** Dirs to try instead of the standard ones (tests). */
  candidates?: string[];
  /** `<os>_<arch>` the packages must be built for; defaults to this machine. */
  platform?: string;
}

const VERSION_DIR = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function listDirs(p: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(p);
  } catch {
    return [];
  }
  const flags = await Promise.all(names.map((n) => isDir(path.join(p, n))));
  return names.filter((_, i) => flags[i]);
}

/** Versions of one provider type dir, from both mirror layouts, that have a package for `platform`. */
async function versionsIn(typeDir: string, type: string, platform: string): Promise<string[]> {
  const found = new Set<string>();
  let entries: string[];
  try {
    entries = await readdir(typeDir);
  } catch {
    return [];
  }
  const packed = new RegExp(`^terraform-provider-${type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_(.+)_${platform}\\.zip$`);
  await Promise.all(
    entries.map(async (name) => {
      const zip = packed.exec(name);
      if (zip) {
        found.add(zip[1]);
      } else if (VERSION_DIR.test(name) && (await isDir(path.join(typeDir, name, platform)))) {
        found.add(name);
      }
    }),
  );
  return [...found].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Reads a directory laid out like `terraform providers mirror` output (packed zips) or a plugin cache / implied
 * local mirror (unpacked): `<host>/<namespace>/<type>/...`. Hosts are recognised by containing a dot.
 */
export async function readProviderMirror(dir: string, platform: string = terraformPlatform()): Promise<ProviderMirror> {
  const providers: ProviderMirror['providers'] = [];
  for (const host of (await listDirs(dir)).filter((h) => h.includes('.')).sort()) {
    for (const ns of (await listDirs(path.join(dir, host))).sort()) {
      for (const type of (await listDirs(path.join(dir, host, ns))).sort()) {
        const versions = await versionsIn(path.join(dir, host, ns, type), type, platform);
        if (versions.length > 0) providers.push({ source: `${host}/${ns}/${type}`, versions });
      }
    }
  }
  return { path: dir, providers };
}

/** Terraform's implied local mirror dirs on Unix, plus common hand-made ones and the plugin cache. */
export function standardMirrorDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = env.HOME || os.homedir();
  const dataHome = env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  const dirs = [
    path.join(home, '.terraform.d', 'plugins'),
    path.join(dataHome, 'terraform', 'plugins'),
    ...dataDirs.map((d) => path.join(d, 'terraform', 'plugins')),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
    '/opt/terraform/plugins',
    '/opt/tf-plugins',
    ...(env.TF_PLUGIN_CACHE_DIR ?? '').split(path.delimiter).filter(Boolean),
  ];
  return [...new Set(dirs.map((d) => path.resolve(d)))];
}

/**
 * The provider mirror to install from: LAB_PROVIDER_MIRROR when set (it must exist), else the first standard dir
 * holding the AWS provider the bindings need, else the first holding any provider; undefined when there is none
 * (terraform init then downloads from the registry, which needs internet).
 */
export async function findProviderMirror(env: NodeJS.ProcessEnv = process.env, opts: MirrorSearchOptions = {}): Promise<ProviderMirror | undefined> {
  const platform = opts.platform ?? terraformPlatform();
  const explicit = env.LAB_PROVIDER_MIRROR?.trim();
  if (explicit) {
    const dir = path.resolve(explicit);
    if (!(await isDir(dir))) {
      throw new EnvironmentError(
        `LAB_PROVIDER_MIRROR=${explicit} is not a directory`,
        'Create it once while online with: terraform providers mirror DIR (in a dir with the synthesized stack), or unset LAB_PROVIDER_MIRROR',
      );
    }
    return readProviderMirror(dir, platform);
  }
  const candidates = opts.candidates ?? standardMirrorDirs(env);
  const mirrors = (await Promise.all(candidates.map((d) => readProviderMirror(d, platform)))).filter((m) => m.providers.length > 0);
  if (mirrors.length === 0) return undefined;
  const aws = await requiredAwsProvider();
  return mirrors.find((m) => mirrorHasProvider(m, aws.source, aws.version)) ?? mirrors[0];
}

/** Accepts `hashicorp/aws` as shorthand for `registry.terraform.io/hashicorp/aws`, like Terraform does. */
export function mirrorHasProvider(m: ProviderMirror, source: string, version: string): boolean {
  const full = source.split('/').length === 2 ? `registry.terraform.io/${source}` : source;
  return m.providers.some((p) => p.source.toLowerCase() === full.toLowerCase() && p.versions.includes(version));
}
