import type { RunResult } from '../../model/types.ts';
import type { TeardownReport } from '../../run/deploy-run.ts';
import { toJsonReport } from '../../report/json-report.ts';
import { QUESTION_LABEL } from '../../report/labels.ts';
import { renderMissingToolLines, type MissingToolCount } from '../../report/missing-tool-lines.ts';

/** The `--json` object, or a short text summary: one line per question, counts per claim verdict. */
export function renderJudgement(
  run: RunResult,
  json: boolean,
  extra: { changed: boolean; backupPath?: string; written: boolean; teardown?: TeardownReport; missingTools?: MissingToolCount[]; sinceLastRun?: ReadonlyMap<string, string> },
): string {
  const missingTools = extra.missingTools ?? [];
  const since = extra.sinceLastRun ?? new Map<string, string>();
  if (json) {
    return JSON.stringify({
      ...toJsonReport(run),
      journalChanged: extra.changed,
      ...(extra.teardown ? { teardown: extra.teardown } : {}),
      missingTools,
      ...(since.size > 0 ? { sinceLastRun: Object.fromEntries(since) } : {}),
    });
  }
  const lines = [`journal ${run.journal} · target ${run.target} · ${run.date}`];
  for (const q of run.questions) {
    if (q.verdict === 'no-answer') continue;
    const counts = new Map<string, number>();
    for (const c of q.claims) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
    const tally = [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
    const title = q.question.split('\n')[0].slice(0, 70);
    const closest = q.verdict === 'no-lab' && q.closest ? ` (closest: ${q.closest.key}, score ${q.closest.score} of ${q.closest.threshold})` : '';
    const moved = since.has(q.key) ? ` (${since.get(q.key)})` : '';
    lines.push(`  ${QUESTION_LABEL[q.verdict].padEnd(18)} ${q.key.padEnd(28)} ${title}${tally ? ` [${tally}]` : ''}${closest}${moved}`);
  }
  const skipped = run.questions.filter((q) => q.verdict === 'no-answer').length;
  if (skipped) lines.push(`  (${skipped} empty or placeholder answers not judged)`);
  if (!extra.written) lines.push('--no-write: the journal was not changed');
  else lines.push(extra.changed ? `results written into the journal (previous version: ${extra.backupPath})` : 'journal already up to date (nothing changed)');
  if (extra.teardown) lines.push(`teardown: destroyed ${extra.teardown.destroyed.join(', ') || 'nothing'}; leftovers tagged with the run id: ${extra.teardown.leftovers.length}`);
  const recorded = Object.entries(run.snapshots ?? {}).filter(([, s]) => !s.fresh);
  if (recorded.length > 0) lines.push(`judged on recorded evidence (not collected from what is deployed now): ${recorded.map(([lab, s]) => `${lab} ${s.recordedAt}`).join(', ')}`);
  // Last, so the one command that turns unverifiable claims into verdicts is what the learner reads last.
  lines.push(...renderMissingToolLines(missingTools));
  return lines.join('\n');
}
