import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import { sinceLastRun } from '../../history/history-changes.ts';
import { readHistory } from '../../history/history-file.ts';
import { journalHistory } from '../../history/history-table.ts';
import { diagramsForQuestion } from '../../report/diagrams/index.ts';
import { mermaidBrowserBundle } from '../../report/html/mermaid-bundle.ts';
import { renderHtmlReport } from '../../report/html/render-html-report.ts';
import { judgeOnRecordedEvidence } from '../../run/judge-recorded.ts';
import { labHome } from '../../run/run-record.ts';

export interface ReportOptions {
  journal: string;
  html?: string;
}

/**
 * `lab report --html FILE`: the journal judged on the newest recorded evidence (nothing collected, the journal
 * untouched), with its diagrams and history, as one self-contained page.
 */
export async function reportCommand(opts: ReportOptions, out: (s: string) => void): Promise<number> {
  if (!opts.html) throw new UsageError('Say where to write the page.', 'lab report --html report.html [--journal FILE]');
  const home = labHome();
  const { run, recorded } = await judgeOnRecordedEvidence(opts.journal, home);
  const entries = await readHistory(home, run.journal);
  const page = renderHtmlReport({
    run,
    evidence: [...recorded.values()].map((r) => ({ lab: r.lab, origin: r.origin, recordedAt: r.recordedAt, target: r.target, ...(r.runId ? { runId: r.runId } : {}) })),
    diagrams: new Map(run.questions.map((q) => [q.key, diagramsForQuestion(q.key, run.evidence)])),
    sinceLastRun: entries.length > 1 ? sinceLastRun(entries.slice(0, -1), entries.at(-1)!.questions) : new Map(),
    history: journalHistory(run.journal, entries),
    mermaidScript: mermaidBrowserBundle(),
    generatedAt: new Date().toISOString(),
  });
  const file = path.resolve(opts.html);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, page);
  await rename(`${file}.tmp`, file);
  out(`report written to ${file} (${Math.round(Buffer.byteLength(page) / 1024)} KiB, self-contained: open it in any browser, offline)`);
  return 0;
}
