#!/usr/bin/env node
// The CLI. It runs the prebuilt bundle in dist/ (scripts/build.mjs, made at `npm ci`) while that is newer than
// every source file, else the TypeScript sources through tsx, so a clone works with or without a build step and
// an edit is never shadowed by a stale bundle. LAB_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// The SDK warns on every run that releases after January 2027 will need Node 22; Node 20 is supported until then,
// and the warning would bury the harness's own output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'lab.mjs');

function newestSource() {
  let newest = statSync(path.join(root, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // Lexicons and fact sheets (.json) are bundled too: an edit to one must not be shadowed by the bundle.
      else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['src', 'labs', 'checks', 'stacks']) walk(path.join(root, dir));
  newest = Math.max(newest, statSync(path.join(root, 'scripts', 'bundle-entry.ts')).mtimeMs);
  return newest;
}

const useBundle = process.env.LAB_FROM_SOURCE !== '1' && existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource();
let main;
if (useBundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
