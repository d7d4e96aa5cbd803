import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | undefined;

/** mermaid's browser bundle from node_modules, so the shared page draws its diagrams with no network at view time. */
export function mermaidBrowserBundle(): string {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    const dist = path.dirname(require.resolve('mermaid/package.json'));
    cached = readFileSync(path.join(dist, 'dist', 'mermaid.min.js'), 'utf8');
  }
  return cached;
}
