import { writeFile } from 'node:fs/promises';
import type { JournalDocument } from '../journal/parse-journal.ts';
import { writeJournalResults, type BlockToWrite } from '../journal/write-results.ts';
import type { QuestionResult, RunResult, SnapshotUse } from '../model/types.ts';
import { diagramsForQuestion } from '../report/diagrams/index.ts';
import { renderQuestionBlock } from '../report/question-block.ts';
import { renderJUnit } from '../report/junit.ts';
import type { PlannedQuestion } from './plan-questions.ts';

/** What blocks carry besides verdicts: the run's evidence to draw from, and per question key what changed since the previous run. */
export interface BlockContext {
  evidence?: Readonly<Record<string, unknown>>;
  sinceLastRun?: ReadonlyMap<string, string>;
}

/** Judged questions get a block under their answer; no-answer and no-lab questions never do. */
export function blocksFor(results: readonly QuestionResult[], plan: readonly PlannedQuestion[], meta: { target: string; date: string; evidence?: Record<string, SnapshotUse> }, context: BlockContext = {}): BlockToWrite[] {
  const byKey = new Map(plan.map((p) => [p.key, p]));
  return results
    .filter((r) => r.verdict !== 'no-answer' && r.verdict !== 'no-lab')
    .map((r) => {
      const planned = byKey.get(r.key)!;
      const target = planned.matches.every((m) => m.lab.kind === 'local') ? LOCAL_TARGET : meta.target;
      const extras = { diagrams: context.evidence ? diagramsForQuestion(r.key, context.evidence) : [], sinceLastRun: context.sinceLastRun?.get(r.key) };
      return { key: r.key, anchor: planned.question.answerEnd, body: renderQuestionBlock(r, { target, date: meta.date, evidence: meta.evidence }, extras) };
    });
}

/** What a block names as its target when only local labs (real sockets on this machine) judged it. */
export const LOCAL_TARGET = 'local (this machine)';

export async function writeOutputs(
  doc: JournalDocument,
  run: RunResult,
  plan: readonly PlannedQuestion[],
  opts: { write: boolean; junitPath?: string; sinceLastRun?: ReadonlyMap<string, string> },
): Promise<{ changed: boolean; backupPath?: string; hash?: string }> {
  if (opts.junitPath) await writeFile(opts.junitPath, renderJUnit(run));
  if (!opts.write) return { changed: false };
  return writeJournalResults(doc, blocksFor(run.questions, plan, { target: run.target, date: run.date, evidence: run.snapshots }, { evidence: run.evidence, sinceLastRun: opts.sinceLastRun }));
}
