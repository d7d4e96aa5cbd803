#!/usr/bin/env node
// Prebuilds the CLI into dist/ with esbuild, so `lab` starts without compiling TypeScript through loader hooks on
// every run (that alone made `lab check` miss its 2 s budget). bin/lab.js uses the bundle only while it is newer
// than every source file, and falls back to running the sources through tsx otherwise. Runs at `npm ci`
// (prepare); a failed build never fails the install: the sources still run.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  const { build } = await import('esbuild');
  const labFiles = readdirSync(path.join(root, 'labs')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const labsPlugin = {
    name: 'journal-lab-labs',
    setup(b) {
      b.onResolve({ filter: /^virtual:journal-lab-labs$/ }, () => ({ path: 'labs', namespace: 'journal-lab-labs' }));
      b.onLoad({ filter: /.*/, namespace: 'journal-lab-labs' }, () => ({
        resolveDir: root,
        loader: 'js',
        contents: `export default {${labFiles.map((f) => `${JSON.stringify(f)}: () => import(${JSON.stringify(`./labs/${f}`)})`).join(',')}};`,
      }));
    },
  };
  // Chunk names carry content hashes: without a clean start, every build would leave the previous chunks behind.
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  await build({
    entryPoints: { lab: path.join(root, 'scripts', 'bundle-entry.ts') },
    outdir: path.join(root, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    plugins: [labsPlugin],
    logLevel: 'warning',
  });
  console.log(`journal-lab: built dist/ (${labFiles.length} labs)`);
} catch (err) {
  console.warn(`journal-lab: could not prebuild dist/ (${err instanceof Error ? err.message : err}); lab will run from source through tsx, only slower to start.`);
}
