import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lab } from './lab.ts';
import { UsageError } from '../errors.ts';

import { PROJECT_ROOT } from '../project-root.ts';

const labsDir = path.join(PROJECT_ROOT, 'labs');

/** The prebuilt bundle (dist/) registers the labs it was built with here; run through tsx, labs/ is read instead. */
type LabModules = Record<string, () => Promise<{ default?: Lab }>>;
const bundledLabs = (): LabModules | undefined => (globalThis as { __journalLabBundledLabs?: LabModules }).__journalLabBundledLabs;

/** Every `labs/*.ts` file default-exports one Lab: adding a lab is adding a file. */
export async function loadLabs(dir = labsDir): Promise<Lab[]> {
  const bundled = dir === labsDir ? bundledLabs() : undefined;
  const files = bundled ? Object.keys(bundled).sort() : (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const labs: Lab[] = [];
  for (const file of files) {
    const mod = bundled ? await bundled[file]() : ((await import(pathToFileURL(path.join(dir, file)).href)) as { default?: Lab });
    if (!mod.default?.id) throw new Error(`labs/${file} does not default-export a Lab`);
    labs.push(mod.default);
  }
  return labs;
}

/** Resolves `lab run a b` / `all` to labs, with the closest names when one is unknown. */
export function selectLabs(all: readonly Lab[], names: readonly string[]): Lab[] {
  if (names.length === 0 || names.includes('all')) return [...all];
  return names.map((name) => {
    const lab = all.find((l) => l.id === name);
    if (!lab) {
      throw new UsageError(
        `Unknown lab "${name}".`,
        `Use one of: ${all.map((l) => l.id).join(', ')}, or "all".`,
      );
    }
    return lab;
  });
}
