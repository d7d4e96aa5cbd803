/**
 * Where judging time goes, per pattern: the first execution of every lexicon pattern (V8 compiles a regular
 * expression on first use) on a set of statements, the slowest first. For keeping `lab judge` fast:
 *   node bin/run-ts.js scripts/profile-lexicons.ts [--lab LAB] [--top 20] [--file statements.jsonl]
 * Each pattern is timed on a fresh compile, so the order of the loop does not hide first-use costs.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { judgeOf } from '../src/claims/judge-statements.ts';
import { PatternCompiler } from '../src/claims/patterns.ts';
import { loadLabs } from '../src/lab-api/registry.ts';

const { values } = parseArgs({ options: { lab: { type: 'string' }, top: { type: 'string', default: '20' }, file: { type: 'string', default: 'test/fixtures/claims/claims-devset.jsonl' } } });
const texts = readFileSync(values.file!, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { statement: string }).statement);
const rows: { ms: number; size: number; where: string }[] = [];
for (const lab of await loadLabs()) {
  if (values.lab && lab.id !== values.lab) continue;
  const concepts = judgeOf(lab).extractor.patterns.concepts;
  for (const p of lab.claims.lexicon.propositions) {
    const all = [...(p.when ?? []).map((x) => ['when', x]), ...(p.unless ?? []).map((x) => ['unless', x]), ...Object.entries(p.values ?? {}).flatMap(([v, xs]) => xs.map((x) => [`value "${v}"`, x])), ...(p.patterns ?? []).map((x) => ['number', x])];
    for (const [kind, x] of all) {
      const c = new PatternCompiler(concepts);
      const t = performance.now();
      const size = c.compile(x).source.length;
      for (const s of texts) c.matchAll(x, s);
      rows.push({ ms: performance.now() - t, size, where: `${lab.id} ${p.id} ${kind}: ${x.slice(0, 80)}` });
    }
  }
}
rows.sort((a, b) => b.ms - a.ms);
const total = rows.reduce((s, r) => s + r.ms, 0);
console.log(`${rows.length} patterns on ${texts.length} statements: ${total.toFixed(0)} ms if every pattern ran on every statement`);
for (const r of rows.slice(0, Number(values.top))) console.log(`${r.ms.toFixed(1).padStart(7)} ms ${String(r.size).padStart(6)} chars  ${r.where}`);
