import { readFileSync } from 'node:fs';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { parseJournal } from '../../src/journal/parse-journal.ts';
import { applyResultBlocks } from '../../src/journal/write-results.ts';
import { loadLabs } from '../../src/lab-api/registry.ts';
import { blocksFor } from '../../src/run/journal-results.ts';
import { judgeQuestions, type LabEvidence } from '../../src/run/judge-questions.ts';
import { planQuestions } from '../../src/run/plan-questions.ts';

/** The shipped journal judged on the recorded reference evidence, its result blocks (with diagrams) written in. */
export async function judgedShippedJournal() {
  const text = readFileSync(new URL('../../journals/journal-week.md', import.meta.url), 'utf8');
  const doc = parseJournal(text);
  const labs = await loadLabs();
  const reference = loadReferenceEvidence();
  const evidence = new Map<string, LabEvidence>([...reference].map(([k, v]) => [k, { ok: true, evidence: v.evidence }]));
  const plan = planQuestions(doc.questions, labs, labs);
  const results = judgeQuestions(plan, evidence, 'moto');
  const blocks = blocksFor(results, plan, { target: 'moto', date: '2026-11-28' }, { evidence: Object.fromEntries([...reference].map(([k, v]) => [k, v.evidence])) });
  return { doc, written: applyResultBlocks(doc, blocks), blocks };
}

/** The mermaid fences of a markdown text, in order. */
export function mermaidFences(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\r?\n([\s\S]*?)\r?\n```$/gm)].map((m) => m[1]);
}
