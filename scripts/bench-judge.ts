/**
 * How fast judging is, apart from collecting: the whole shipped journal judged from the reference evidence
 * (read, route, extract, judge, render the blocks), what the diagrams and the history add to that (drawing, the
 * history file read and appended with 100 runs in it, the "since" comparison), `lab judge` with 20 statements as a
 * user runs it, and `lab check` re-judging the shipped journal from evidence snapshots as a new process: unchanged,
 * and after two answers were edited.
 *   npm run bench:judge [-- --rounds 5] [-- --json]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadReferenceEvidence } from '../src/claims/reference-evidence.ts';
import { parseJournal } from '../src/journal/parse-journal.ts';
import { loadLabs } from '../src/lab-api/registry.ts';
import { blocksFor } from '../src/run/journal-results.ts';
import { judgeQuestions, type LabEvidence } from '../src/run/judge-questions.ts';
import { planQuestions } from '../src/run/plan-questions.ts';
import { appendHistory, readHistory } from '../src/history/history-file.ts';
import { historyEntryOf } from '../src/history/history-entry.ts';
import { sinceLastRun } from '../src/history/history-changes.ts';
import { seedSnapshotsFromReference } from '../test/support/seed-snapshots.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
const rounds = Number(values.rounds);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const labs = await loadLabs();
const evidence = new Map<string, LabEvidence>([...loadReferenceEvidence()].map(([k, v]) => [k, { ok: true, evidence: v.evidence }]));
const evidenceByLab = Object.fromEntries([...evidence].map(([k, v]) => [k, v.ok ? v.evidence : undefined]));
const text = readFileSync('journals/journal-week.md', 'utf8');
const journalPath = path.resolve('journals/journal-week.md');
// A history as a learner's would be after many weeks: full to the bound the reader keeps.
const historyHome = mkdtempSync(path.join(tmpdir(), 'jl-bench-history-'));
const journalMs: number[] = [];
const extrasMs: number[] = [];
let claims = 0;
for (let i = 0; i <= rounds; i++) {
  const t0 = performance.now();
  const doc = parseJournal(text);
  const plan = planQuestions(doc.questions, labs, labs);
  const results = judgeQuestions(plan, evidence, 'moto');
  const meta = { target: 'moto', date: '2026-01-01' };
  const tPlain = performance.now();
  blocksFor(results, plan, meta);
  const plainBlocksMs = performance.now() - tPlain;
  // The first round pays for compiling the lexicons' patterns once per process; it is reported apart.
  journalMs.push(performance.now() - t0);
  claims = results.reduce((n, q) => n + q.claims.length, 0);
  const run = { journal: journalPath, target: 'moto', date: meta.date, questions: results, evidence: evidenceByLab };
  if (i === 0) for (let k = 0; k < 99; k++) await appendHistory(historyHome, historyEntryOf(run, new Date(Date.UTC(2026, 0, 1 + k)).toISOString(), null));
  // What a run with diagrams and history does beyond the plain blocks, measured as the difference.
  const tExtras = performance.now();
  const history = await readHistory(historyHome, journalPath);
  blocksFor(results, plan, meta, { evidence: evidenceByLab, sinceLastRun: sinceLastRun(history, results) });
  await appendHistory(historyHome, historyEntryOf(run, new Date().toISOString(), null));
  extrasMs.push(performance.now() - tExtras - plainBlocksMs);
}
rmSync(historyHome, { recursive: true, force: true });
const statements = readFileSync('test/fixtures/claims/claims-devset.jsonl', 'utf8').split('\n').filter(Boolean).slice(0, 20).map((l) => (JSON.parse(l) as { statement: string }).statement);
const judgeMs: number[] = [];
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now();
  execFileSync(process.execPath, ['bin/lab.js', 'judge', '--json', ...statements], { stdio: ['ignore', 'ignore', 'inherit'] });
  judgeMs.push(performance.now() - t0);
}
// `lab check` from snapshots: the first fills the per-question memory, then unchanged re-judges, then two edits.
const dir = mkdtempSync(path.join(os.tmpdir(), 'jl-bench-rejudge-'));
const journalCopy = path.join(dir, 'journal-week.md');
copyFileSync('journals/journal-week.md', journalCopy);
await seedSnapshotsFromReference(path.join(dir, 'home'));
const check = () => {
  const t0 = performance.now();
  execFileSync(process.execPath, ['bin/lab.js', 'check', '--cached', '--journal', journalCopy], { env: { ...process.env, LAB_HOME: path.join(dir, 'home') }, stdio: ['ignore', 'ignore', 'ignore'] });
  return performance.now() - t0;
};
const firstCheckMs = check();
const unchangedMs: number[] = [];
for (let i = 0; i < rounds; i++) unchangedMs.push(check());
const editedMs: number[] = [];
for (let i = 0; i < rounds; i++) {
  const text = readFileSync(journalCopy, 'utf8');
  writeFileSync(journalCopy, text.replace(/marked as unhealthy( \(edit \d+\))?/, `marked as unhealthy (edit ${i})`).replace(/for incoming traffic\.( \(edit \d+\))?/, `for incoming traffic. (edit ${i})`));
  editedMs.push(check());
}
const result = {
  journalFirstMs: Math.round(journalMs[0]),
  journalMedianMs: Math.round(median(journalMs.slice(1))),
  journalClaims: claims,
  diagramsHistoryMedianMs: Math.round(median(extrasMs.slice(1)) * 10) / 10,
  labJudge20WallMs: Math.round(median(judgeMs)),
  checkFirstFromSnapshotsMs: Math.round(firstCheckMs),
  rejudgeUnchangedMs: Math.round(median(unchangedMs)),
  rejudgeTwoEditsMs: Math.round(median(editedMs)),
  rounds,
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(`whole shipped journal from reference evidence: first ${result.journalFirstMs} ms (compiles patterns), then median ${result.journalMedianMs} ms (${claims} claims)`);
  console.log(`diagrams + history on top of that (draw, read 100 runs of history, compare, append): median ${result.diagramsHistoryMedianMs} ms`);
  console.log(`lab judge with 20 statements (wall, new process each): median ${result.labJudge20WallMs} ms`);
  console.log(`lab check --cached on the shipped journal (wall, new process): first ${result.checkFirstFromSnapshotsMs} ms, unchanged median ${result.rejudgeUnchangedMs} ms, two answers edited median ${result.rejudgeTwoEditsMs} ms`);
}
