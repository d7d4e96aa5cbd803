/**
 * Records a real lb-modes evidence snapshot for the judges' tests: the local HAProxy part, plus the API part
 * against a moto server this script starts on 127.0.0.1 (with the app tier's ALB/NLB made through the SDK).
 *   node bin/run-ts.js scripts/record-lb-modes.ts [OUT.json]
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLocalLabContext } from '../src/lab-api/local-context.ts';
import lab from '../labs/lb-modes.ts';
import { createAppTierOnMoto, startMoto } from '../test/lb-modes/moto-app-tier.ts';

const out = process.argv[2] ?? path.join('test', 'fixtures', 'lb-modes', 'evidence.json');
const ctx = await createLocalLabContext(await mkdtemp(path.join(os.tmpdir(), 'record-lb-modes-')), (l) => console.error(l));
process.once('SIGINT', () => ctx.abort());
try {
  const moto = await startMoto(ctx.teardown);
  ctx.aws = await createAppTierOnMoto(moto.endpoint);
  const evidence = await lab.collect(ctx);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(evidence, null, 2) + '\n');
  console.error(`wrote ${out} (moto ${moto.version ?? 'unknown version'})`);
} finally {
  const failures = await ctx.teardown.run();
  for (const f of failures) console.error(`teardown: ${f.name}: ${f.message}`);
}
