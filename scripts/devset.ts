/**
 * Runs the claims development set (learner statements with a reviewer's verdict) through the judges on the
 * reference evidence and prints what each statement got:
 *   node bin/run-ts.js scripts/devset.ts [--lab LAB] [--route] [--verbose] [--file F.jsonl]
 * --route ignores each entry's question and routes the statement by its own words, as `lab judge` does.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { judgeAlone, statementVerdict } from '../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../src/claims/reference-evidence.ts';
import { loadLabs } from '../src/lab-api/registry.ts';

const { values } = parseArgs({
  options: { lab: { type: 'string' }, route: { type: 'boolean' }, verbose: { type: 'boolean' }, file: { type: 'string', default: 'test/fixtures/claims/claims-devset.jsonl' } },
});
const entries = readFileSync(values.file!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; question: string; statement: string; expect: string });
const labs = await loadLabs();
const recorded = loadReferenceEvidence();
const evidence = new Map([...recorded].map(([k, v]) => [k, v.evidence]));
let exact = 0, rightContradicted = 0, wrongConfirmed = 0, routedRight = 0, n = 0;
for (const e of entries) {
  if (values.lab && ![e.id, e.question].some((k) => k === values.lab || k.startsWith(`${values.lab}/`))) continue;
  n++;
  const r = judgeAlone(e.statement, labs, evidence, (lab) => recorded.get(lab)?.target ?? 'local', values.route ? undefined : e.question);
  const got = statementVerdict(r.claims);
  if (got === e.expect) exact++;
  if (e.expect === 'confirmed' && got === 'contradicted') rightContradicted++;
  if (e.expect !== 'confirmed' && got === 'confirmed') wrongConfirmed++;
  if (r.question === e.question) routedRight++;
  const mark = got === e.expect ? 'ok ' : 'BAD';
  if (values.verbose || got !== e.expect) {
    console.log(`${mark} ${e.id}  expect=${e.expect} got=${got}${values.route ? ` routed=${r.question}` : ''}\n    ${e.statement}`);
    for (const c of r.claims) console.log(`    - ${c.verdict} [${c.aspect}] ${c.explanation}`);
  }
}
console.log(`\n${exact}/${n} exact (${((100 * exact) / Math.max(n, 1)).toFixed(1)} %), right statements contradicted: ${rightContradicted}, wrong statements confirmed: ${wrongConfirmed}${values.route ? `, routed to the reviewer's question: ${routedRight}/${n}` : ''}`);
