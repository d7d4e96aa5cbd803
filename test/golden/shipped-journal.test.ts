/**
 * The shipped journal judged on the shipped reference evidence, rendered three ways (the journal with its result
 * blocks, the `--json` report, JUnit) and compared byte for byte with files checked in beside this test.
 * Why: refactoring the labs, the models or the AWS modules must not change a verdict, an explanation or a byte of
 * output. A deliberate change of output regenerates the files (`npx vitest run test/golden -u`)
 * and the diff shows in review what changed for the learner.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/journal/read-journal.ts';
import { applyResultBlocks } from '../../src/journal/write-results.ts';
import { loadLabs } from '../../src/lab-api/registry.ts';
import type { RunResult } from '../../src/model/types.ts';
import { toJsonReport } from '../../src/report/json-report.ts';
import { renderJUnit } from '../../src/report/junit.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { blocksFor } from '../../src/run/journal-results.ts';
import { judgeQuestions, type LabEvidence } from '../../src/run/judge-questions.ts';
import { planQuestions } from '../../src/run/plan-questions.ts';
import { DEFAULT_JOURNAL } from '../../src/cli/default-journal.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const DATE = '2026-11-28';
const TARGET = 'moto';

async function judgeShippedJournal() {
  const doc = await readJournal(DEFAULT_JOURNAL);
  const labs = await loadLabs();
  const plan = planQuestions(doc.questions, labs, labs);
  const evidence = new Map<string, LabEvidence>([...loadReferenceEvidence()].map(([lab, r]) => [lab, { ok: true, evidence: r.evidence }]));
  const run: RunResult = {
    // A path that does not depend on where the project is checked out.
    journal: 'journals/journal-week.md',
    target: TARGET,
    date: DATE,
    questions: judgeQuestions(plan, evidence, TARGET),
    evidence: Object.fromEntries([...evidence].map(([id, e]) => [id, e.ok ? e.evidence : null])),
  };
  return { journal: applyResultBlocks(doc, blocksFor(run.questions, plan, { target: run.target, date: run.date }, { evidence: run.evidence })), json: JSON.stringify(toJsonReport(run), null, 2) + '\n', junit: renderJUnit(run) };
}

describe('golden: the shipped journal on the reference evidence', async () => {
  const out = await judgeShippedJournal();
  it.each([
    ['journal-week.judged.md', out.journal],
    ['results.json', out.json],
    ['results.junit.xml', out.junit],
  ])('%s is unchanged', async (file, actual) => {
    await expect(actual).toMatchFileSnapshot(path.join(here, 'files', file));
  });

  it('was judged, not merely rendered: the journal has verdicts of every kind it had before', async () => {
    const verdicts = new Set((JSON.parse(out.json) as { questions: { claims: { verdict: string }[] }[] }).questions.flatMap((q) => q.claims.map((c) => c.verdict)));
    for (const v of ['confirmed', 'contradicted', 'missing']) expect(verdicts).toContain(v);
    expect(await readFile(DEFAULT_JOURNAL, 'utf8')).not.toBe(out.journal);
  });
});
