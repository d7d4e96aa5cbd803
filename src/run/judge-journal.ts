import path from 'node:path';
import { readJournal } from '../journal/read-journal.ts';
import type { JournalDocument } from '../journal/parse-journal.ts';
import type { AwsLabContext, Lab } from '../lab-api/lab.ts';
import { loadLabs, selectLabs } from '../lab-api/registry.ts';
import type { RunResult } from '../model/types.ts';
import { collectEvidence } from './collect-evidence.ts';
import { judgeQuestions } from './judge-questions.ts';
import { saveEvidenceSnapshot } from './evidence-snapshots.ts';
import { writeOutputs } from './journal-results.ts';
import { labsWithWork, planQuestions, type PlannedQuestion } from './plan-questions.ts';
import { TeardownStack } from './teardown.ts';
import { StageError } from '../errors.ts';
import { appendHistory, readHistory } from '../history/history-file.ts';
import { historyEntryOf } from '../history/history-entry.ts';
import { sinceLastRun } from '../history/history-changes.ts';

export interface JudgePlan {
  doc: JournalDocument;
  plan: PlannedQuestion[];
  labsToRun: Lab[];
  needsDeployment: boolean;
}

/** Reads and validates the journal and decides what runs, before anything is deployed: a bad journal fails fast. */
export async function planJudgement(journalPath: string, labNames: readonly string[]): Promise<JudgePlan> {
  const doc = await readJournal(journalPath);
  const all = await loadLabs();
  const selected = selectLabs(all, labNames);
  const plan = planQuestions(doc.questions, all, selected);
  const labsToRun = labsWithWork(plan);
  return { doc, plan, labsToRun, needsDeployment: labsToRun.some((l) => l.kind === 'aws') };
}

export interface JudgeRunOptions {
  workDir: string;
  signal: AbortSignal;
  log(line: string): void;
  aws?: AwsLabContext;
  /** Where each lab's newest evidence is kept for `lab judge`; unset in tests that must not touch LAB_HOME. */
  snapshotHome?: string;
  /** Where each journal's verdict history is kept (LAB_HOME); unset in tests that must not touch it. */
  historyHome?: string;
  write: boolean;
  junitPath?: string;
  date?: string;
}

/** collect → judge → write. The collectors' own teardown runs before this returns, whatever happened. */
export async function runJudgement(p: JudgePlan, opts: JudgeRunOptions): Promise<{ run: RunResult; changed: boolean; backupPath?: string; collectorErrors: string[]; sinceLastRun: Map<string, string> }> {
  const teardown = new TeardownStack();
  let evidence;
  try {
    evidence = await collectEvidence(p.labsToRun, { workDir: opts.workDir, signal: opts.signal, teardown, log: opts.log, aws: opts.aws });
  } finally {
    const failures = await teardown.run();
    for (const f of failures) opts.log(`cleanup of ${f.name} failed: ${f.message}`);
  }
  // Interrupted: the partial evidence is not a verdict on the journal, so nothing is written.
  if (opts.signal.aborted) throw opts.signal.reason;
  const target = opts.aws?.target ?? 'local';
  const run: RunResult = {
    journal: path.resolve(p.doc.path),
    target,
    date: opts.date ?? new Date().toISOString().slice(0, 10),
    questions: judgeQuestions(p.plan, evidence, target),
    evidence: Object.fromEntries([...evidence].map(([id, e]) => [id, e.ok ? e.evidence : { collectorError: e.error }])),
  };
  if (opts.snapshotHome) {
    for (const [lab, e] of evidence) {
      if (e.ok) await saveEvidenceSnapshot(opts.snapshotHome, { lab, evidence: e.evidence, recordedAt: new Date().toISOString(), target: p.labsToRun.find((l) => l.id === lab)?.kind === 'local' ? 'local' : target, ...(opts.aws ? { runId: opts.aws.runId } : {}) });
    }
  }
  const previous = opts.historyHome ? (await readHistory(opts.historyHome, run.journal)).at(-1) : undefined;
  const changes = sinceLastRun(previous, run.questions);
  const written = await writeOutputs(p.doc, run, p.plan, { write: opts.write, junitPath: opts.junitPath, sinceLastRun: changes });
  if (opts.historyHome) await appendHistory(opts.historyHome, historyEntryOf(run, new Date().toISOString(), opts.aws?.runId ?? null));
  const collectorErrors = [...evidence].filter(([, e]) => !e.ok).map(([id, e]) => `${id}: ${(e as { error: string }).error}`);
  return { run, ...written, collectorErrors, sinceLastRun: changes };
}

/** The harness did not work if a collector broke: results are out (marked `error`), and the exit code says so. */
export function failOnCollectorErrors(collectorErrors: readonly string[]): void {
  if (collectorErrors.length > 0) {
    throw new StageError(`Evidence could not be collected: ${collectorErrors.join('; ')}`, 'See the messages above; the affected questions are marked `error`.');
  }
}
