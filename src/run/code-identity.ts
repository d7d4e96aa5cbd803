import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

let identity: string | undefined;

/**
 * Which code judges: the version and the newest source or bundle change. A verdict remembered from other code
 * (a lexicon, an observer, a fact sheet edited since) is never reused. The same walk bin/lab.js makes to choose
 * the bundle, a few milliseconds.
 */
export function codeIdentity(): string {
  if (identity) return identity;
  const version = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  let newest = 0;
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['src', 'labs', 'checks', 'stacks', 'dist']) walk(path.join(PROJECT_ROOT, dir));
  identity = `${version}@${Math.trunc(newest)}`;
  return identity;
}
