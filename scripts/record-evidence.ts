/**
 * Records a real evidence snapshot for a local lab, for the judges' tests:
 *   node bin/run-ts.js scripts/record-evidence.ts LAB [OUT.json]
 * Default output: checks/LAB/reference-evidence.json (update recordedAt in checks/reference-evidence.json). The snapshot is what the collector really saw on this machine.
 */
import { writeFile, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadLabs, selectLabs } from '../src/lab-api/registry.ts';
import { createLocalLabContext } from '../src/lab-api/local-context.ts';

const [labId, outArg] = process.argv.slice(2);
if (!labId) {
  console.error('usage: node bin/run-ts.js scripts/record-evidence.ts LAB [OUT.json]');
  process.exit(2);
}
const [lab] = selectLabs(await loadLabs(), [labId]);
if (lab.kind !== 'local') {
  console.error(`${lab.id} needs a deployment; record it with "lab run ${lab.id} --json" and take .evidence["${lab.id}"].`);
  process.exit(2);
}
const ctx = await createLocalLabContext(await mkdtemp(path.join(os.tmpdir(), `record-${lab.id}-`)), (l) => console.error(l));
const stop = () => ctx.abort();
process.once('SIGINT', stop);
try {
  const evidence = await lab.collect(ctx);
  const out = outArg ?? path.join('checks', lab.id, 'reference-evidence.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(evidence, null, 2) + '\n');
  console.error(`wrote ${out}`);
} finally {
  const failures = await ctx.teardown.run();
  for (const f of failures) console.error(`teardown: ${f.name}: ${f.message}`);
}
