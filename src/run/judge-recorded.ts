import path from 'node:path';
import type { RecordedEvidence } from '../claims/reference-evidence.ts';
import type { RunResult } from '../model/types.ts';
import { recordedEvidence } from './evidence-snapshots.ts';
import { planJudgement } from './judge-journal.ts';
import { judgeQuestions, type LabEvidence } from './judge-questions.ts';

/**
 * The whole journal judged on recorded evidence, nothing collected or deployed, the journal not written: what
 * `lab report` shows. The target is the one the deployment lab's evidence was recorded on.
 */
export async function judgeOnRecordedEvidence(journal: string, home: string): Promise<{ run: RunResult; recorded: Map<string, RecordedEvidence> }> {
  const plan = await planJudgement(journal, []);
  const recorded = await recordedEvidence(home);
  const evidence = new Map<string, LabEvidence>([...recorded].map(([lab, r]) => [lab, { ok: true, evidence: r.evidence }]));
  const target = recorded.get('two-tier')?.target ?? 'local';
  const run: RunResult = {
    journal: path.resolve(plan.doc.path),
    target,
    date: new Date().toISOString().slice(0, 10),
    questions: judgeQuestions(plan.plan, evidence, target),
    evidence: Object.fromEntries([...recorded].map(([lab, r]) => [lab, r.evidence])),
  };
  return { run, recorded };
}
