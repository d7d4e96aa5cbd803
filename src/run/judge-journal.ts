import path from 'node:path';
import { readJournal } from '../journal/read-journal.ts';
import type { JournalDocument } from '../journal/parse-journal.ts';
import type { AwsLabContext, Lab } from '../lab-api/lab.ts';
import { loadLabs, selectLabs } from '../lab-api/registry.ts';
import type { RunResult } from '../model/types.ts';
import { countClaimsLeftByMissingTools, type MissingToolCount } from '../report/missing-tool-lines.ts';
import { gatherEvidence, type EvidenceMode, type GatheredEvidence } from './gather-evidence.ts';
import { judgeQuestions } from './judge-questions.ts';
import { writeOutputs } from './journal-results.ts';
import { missingLabTools } from './missing-lab-tools.ts';
import { labsWithWork, planQuestions, type PlannedQuestion } from './plan-questions.ts';
import { NO_MEMO, type Memo } from './judgement-memo.ts';
import { StageError } from '../errors.ts';
import { appendHistory, readHistory } from '../history/history-file.ts';
import { historyEntryOf } from '../history/history-entry.ts';
import { sinceLastRun } from '../history/history-changes.ts';

export interface JudgePlan {
  doc: JournalDocument;
  plan: PlannedQuestion[];
  labsToRun: Lab[];
  needsDeployment: boolean;
  /** Routing and verdicts remembered from earlier runs (LAB_HOME), saved after judging. */
  memo: Memo & { save?(): Promise<void> };
}

/** Reads and validates the journal and decides what runs, before anything is deployed: a bad journal fails fast. */
export async function planJudgement(journalPath: string, labNames: readonly string[], memo: JudgePlan['memo'] = NO_MEMO): Promise<JudgePlan> {
  const doc = await readJournal(journalPath);
  const all = await loadLabs();
  const selected = selectLabs(all, labNames);
  const plan = planQuestions(doc.questions, all, selected, memo);
  const labsToRun = labsWithWork(plan);
  return { doc, plan, labsToRun, needsDeployment: labsToRun.some((l) => l.kind === 'aws'), memo };
}

export interface JudgeRunOptions {
  workDir: string;
  signal: AbortSignal;
  log(line: string): void;
  aws?: AwsLabContext;
  /** Where each lab's evidence snapshot is kept (LAB_HOME); unset in tests that must not touch LAB_HOME. */
  snapshotHome?: string;
  /** Where each journal's verdict history is kept (LAB_HOME); unset in tests that must not touch it. */
  historyHome?: string;
  /** Default `fresh`: collect everything (a test or `lab run`); `lab check` passes auto or what the user asked. */
  evidenceMode?: EvidenceMode;
  write: boolean;
  junitPath?: string;
  date?: string;
}

export interface JudgementResult {
  run: RunResult;
  changed: boolean;
  backupPath?: string;
  /** sha256 of the journal as written (or as read, when nothing changed); unset with --no-write. */
  hash?: string;
  collectorErrors: string[];
  /** Per missing tool: how many claims it left unobserved, and the fix. */
  missingTools: MissingToolCount[];
  /** Per question key, what changed since the previous run of this journal (worded for the block header). */
  sinceLastRun: Map<string, string>;
}

/** collect (or reuse) → judge → write. The collectors' own teardown runs before this returns, whatever happened. */
export async function runJudgement(p: JudgePlan, opts: JudgeRunOptions): Promise<JudgementResult> {
  const gathered = await gatherEvidence(p.labsToRun, { workDir: opts.workDir, signal: opts.signal, log: opts.log, aws: opts.aws, mode: opts.evidenceMode ?? 'fresh', snapshotHome: opts.snapshotHome });
  return judgeAndWrite(p, gathered, opts);
}

/** judge → write, on evidence already gathered; what `lab check --watch` repeats on every save. */
export async function judgeAndWrite(p: JudgePlan, gathered: GatheredEvidence, opts: Pick<JudgeRunOptions, 'signal' | 'aws' | 'write' | 'junitPath' | 'date' | 'historyHome'>): Promise<JudgementResult> {
  // Interrupted: the partial evidence is not a verdict on the journal, so nothing is written.
  if (opts.signal.aborted) throw opts.signal.reason;
  const { evidence, snapshots } = gathered;
  // Without a deployment, AWS labs judged on a snapshot speak for the target that snapshot was recorded on.
  const recordedAwsTarget = p.labsToRun.filter((l) => l.kind === 'aws').map((l) => snapshots[l.id]?.target).find(Boolean);
  const target = opts.aws?.target ?? recordedAwsTarget ?? 'local';
  const run: RunResult = {
    journal: path.resolve(p.doc.path),
    target,
    date: opts.date ?? new Date().toISOString().slice(0, 10),
    questions: judgeQuestions(p.plan, evidence, target, p.memo),
    evidence: Object.fromEntries([...evidence].map(([id, e]) => [id, e.ok ? e.evidence : { collectorError: e.error }])),
    snapshots,
  };
  await p.memo.save?.();
  const history = opts.historyHome ? await readHistory(opts.historyHome, run.journal) : [];
  const changes = sinceLastRun(history, run.questions);
  const written = await writeOutputs(p.doc, run, p.plan, { write: opts.write, junitPath: opts.junitPath, sinceLastRun: changes });
  if (opts.historyHome) await appendHistory(opts.historyHome, historyEntryOf(run, new Date().toISOString(), opts.aws?.runId ?? null));
  const collectorErrors = [...evidence].filter(([, e]) => !e.ok).map(([id, e]) => `${id}: ${(e as { error: string }).error}`);
  const unobserved = run.questions.some((q) => q.claims.some((c) => c.verdict === 'unverifiable' || c.evidence.some((e) => e.kind === 'not-observed')));
  const missingTools = unobserved ? countClaimsLeftByMissingTools(run.questions, await missingLabTools(p.labsToRun)) : [];
  return { run, ...written, collectorErrors, missingTools, sinceLastRun: changes };
}

/** The harness did not work if a collector broke: results are out (marked `error`), and the exit code says so. */
export function failOnCollectorErrors(collectorErrors: readonly string[]): void {
  if (collectorErrors.length > 0) {
    throw new StageError(`Evidence could not be collected: ${collectorErrors.join('; ')}`, 'See the messages above; the affected questions are marked `error`.');
  }
}
