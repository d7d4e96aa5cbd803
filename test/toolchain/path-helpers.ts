import { chmod, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function tempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `jl-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes an executable shell script, standing in for a binary at the process boundary. */
export async function writeFakeBin(dir: string, name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

/**
 * A PATH of one dir that links every executable name reachable through `env.PATH` except `hidden`, so the real
 * doctor sees a machine without those tools. (Tools living in /usr/sbin stay visible: findExecutable always
 * looks there too.)
 */
export async function pathHiding(hidden: readonly string[], dir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const seen = new Set(hidden);
  for (const source of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    let names: string[];
    try {
      names = await readdir(source);
    } catch {
      continue;
    }
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      await symlink(path.join(source, name), path.join(dir, name));
    }
  }
  return dir;
}
