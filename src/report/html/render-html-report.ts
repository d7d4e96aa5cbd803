import type { JournalHistory, ClaimThread } from '../../history/history-table.ts';
import type { ClaimResult, QuestionResult, RunResult } from '../../model/types.ts';
import type { Diagram } from '../diagrams/diagram.ts';
import { CLAIM_LABEL, QUESTION_LABEL } from '../labels.ts';
import { redactDeep, redactPrivateKeys } from '../redact.ts';
import { html, link } from './escape.ts';
import { inlineScript } from './inline-script.ts';
import { REPORT_CSS } from './styles.ts';

export interface EvidenceOrigin {
  lab: string;
  origin: 'reference' | 'run';
  recordedAt: string;
  target: string;
  runId?: string;
}

export interface HtmlReportInput {
  run: RunResult;
  evidence: readonly EvidenceOrigin[];
  diagrams: ReadonlyMap<string, readonly Diagram[]>;
  sinceLastRun: ReadonlyMap<string, string>;
  history: JournalHistory;
  /** mermaid's browser bundle, inlined so the page needs no network when it is opened. */
  mermaidScript: string;
  generatedAt: string;
}

const MAX_EVIDENCE = 6;

/**
 * One self-contained page to share with a mentor: summary, each judged question with its claims, evidence,
 * sources, diagrams and history. Every text from the journal or the evidence is escaped; the content security
 * policy forbids any fetch, so the page works offline and cannot call out.
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const run = redactDeep(input.run);
  const judged = run.questions.filter((q) => q.verdict !== 'no-answer' && q.verdict !== 'no-lab');
  const title = `journal-lab report: ${baseName(run.journal)}`;
  const body = [
    `<h1>${html(title)}</h1>`,
    `<p class="meta">${html(run.journal)} · judged ${html(run.date)} · page made ${html(input.generatedAt)}</p>`,
    summary(run, judged, input),
    ...judged.map((q) => questionSection(q, input)),
    untouched(run),
  ].join('\n');
  return redactPrivateKeys(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
<script>${inlineScript(input.mermaidScript)}</script>
<script>
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
mermaid.run({ querySelector: 'pre.mermaid' })
  .then(() => { document.body.dataset.diagrams = 'drawn'; })
  .catch((e) => { document.body.dataset.diagrams = 'failed'; console.error('diagram failed: ' + (e && e.message ? e.message : e)); });
</script>
</body>
</html>
`);
}

function summary(run: RunResult, judged: readonly QuestionResult[], input: HtmlReportInput): string {
  const claims = judged.flatMap((q) => q.claims);
  const count = <T extends string>(xs: readonly T[]) => [...new Set(xs)].sort().map((v) => [v, xs.filter((x) => x === v).length] as const);
  const rows = [
    `<li>${judged.length} questions judged: ${count(judged.map((q) => q.verdict)).map(([v, n]) => `${n} ${html(QUESTION_LABEL[v])}`).join(', ') || 'none'}</li>`,
    `<li>${claims.length} claims: ${count(claims.map((c) => c.verdict)).map(([v, n]) => `<span class="v v-${v}">${n} ${html(CLAIM_LABEL[v])}</span>`).join(', ') || 'none'}</li>`,
    `<li>${input.history.runs.length} run${input.history.runs.length === 1 ? '' : 's'} in this journal's history</li>`,
  ];
  const evidence = input.evidence.map(
    (e) =>
      `<li>${html(e.lab)}: ${e.origin === 'run' ? `recorded by ${e.runId ? `run ${html(e.runId)}` : 'a lab check'} on this machine` : 'reference evidence shipped with journal-lab'}, target ${html(e.target)}, ${html(e.recordedAt)}</li>`,
  );
  return `<section><h2>Summary</h2><ul class="summary">${rows.join('')}</ul><h3>Evidence used</h3><ul>${evidence.join('') || '<li>none</li>'}</ul></section>`;
}

function questionSection(q: QuestionResult, input: HtmlReportInput): string {
  const since = input.sinceLastRun.get(q.key);
  const parts = [
    `<section class="question" id="${html(q.key)}">`,
    `<h2>${html(q.section)}${q.number !== null ? ` · Q${q.number}` : ''}<span class="badge">${html(QUESTION_LABEL[q.verdict])}</span></h2>`,
    `<p class="meta">${html(q.key)} · lab ${q.labs.map(html).join(', ')}${q.unjudged.length ? ` · ${q.unjudged.length} statement${q.unjudged.length === 1 ? '' : 's'} not judged` : ''}</p>`,
    since ? `<p class="since">${html(since)}</p>` : '',
    `<div class="question-text">${html(q.question)}</div>`,
    claimsTable(q.claims),
    ...(input.diagrams.get(q.key) ?? []).map(figure),
    historyTable(q.key, input.history),
    '</section>',
  ];
  return parts.filter(Boolean).join('\n');
}

function claimsTable(claims: readonly ClaimResult[]): string {
  if (claims.length === 0) return '<p class="muted">No statement of this answer could be checked on this target.</p>';
  const rows = claims.map((c) => {
    const shown = c.evidence.slice(0, MAX_EVIDENCE).map((e) => `<li>${html(e.summary)}</li>`);
    if (c.evidence.length > MAX_EVIDENCE) shown.push(`<li class="muted">+${c.evidence.length - MAX_EVIDENCE} more in the JSON results</li>`);
    const sources = [...new Map(c.sources.map((s) => [s.url, s])).values()].map((s) => link(s.url, s.title));
    return `<tr><td>${html(c.claim)}${c.aspect ? `<br><em class="muted">${html(c.aspect)}</em>` : ''}</td><td><span class="v v-${c.verdict}">${html(CLAIM_LABEL[c.verdict])}</span><br>${html(c.explanation)}</td><td><ul>${shown.join('')}</ul></td><td>${sources.join('<br>') || '—'}</td></tr>`;
  });
  return `<table><thead><tr><th>Your statement</th><th>Verdict</th><th>Evidence</th><th>Source</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function figure(d: Diagram): string {
  return `<figure data-diagram="${html(d.id)}"><h3>${html(d.title)}</h3><pre class="mermaid">${html(d.mermaid)}</pre><figcaption>Drawn from: ${html(d.source)}</figcaption></figure>`;
}

function historyTable(key: string, h: JournalHistory): string {
  const q = h.questions.find((x) => x.key === key);
  if (!q || h.runs.length < 2) return '';
  const head = h.runs.map((r) => `<th>${html(r.at.slice(0, 16).replace('T', ' '))}<br><span class="muted">${html(r.target)}</span></th>`).join('');
  const rows = q.claims.map((c: ClaimThread) => `<tr><td>${html(c.claim)}${c.aspect ? `<br><em class="muted">${html(c.aspect)}</em>` : ''}</td><td>${html(c.trend)}</td>${c.verdicts.map((v) => `<td>${v ? `<span class="v v-${v}">${html(v)}</span>` : '<span class="muted">·</span>'}</td>`).join('')}</tr>`);
  return `<h3>History</h3><table><thead><tr><th>Claim</th><th>Since the previous run</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function untouched(run: RunResult): string {
  const noLab = run.questions.filter((q) => q.verdict === 'no-lab').length;
  const noAnswer = run.questions.filter((q) => q.verdict === 'no-answer').length;
  return `<p class="muted">Not judged: ${noLab} question${noLab === 1 ? '' : 's'} no lab covers yet, ${noAnswer} without an answer.</p>`;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
