import { judgeAlone, statementVerdict, type StatementJudgement } from '../../claims/judge-alone.ts';
import type { RecordedEvidence } from '../../claims/reference-evidence.ts';
import { UsageError } from '../../errors.ts';
import { loadLabs } from '../../lab-api/registry.ts';
import { CLAIM_LABEL } from '../../report/labels.ts';
import { redactDeep } from '../../report/redact.ts';
import { recordedEvidence } from '../../run/evidence-snapshots.ts';
import { labHome } from '../../run/run-record.ts';

export interface JudgeOptions {
  statements: string[];
  question?: string;
  json: boolean;
}

/**
 * `lab judge STATEMENT…`: each statement judged on its own, as the only statement of an answer to `--question`
 * (or to the question its words route to), on the newest evidence a run here recorded, else on the reference
 * evidence shipped with journal-lab. Nothing is collected and the journal is not touched.
 */
export async function judgeCommand(opts: JudgeOptions, out: (s: string) => void): Promise<number> {
  const statements = opts.statements.map((s) => s.trim()).filter(Boolean);
  if (statements.length === 0) throw new UsageError('No statement to judge.', 'Pass one or more statements in quotes: lab judge "The server answers a SYN with SYN-ACK."');
  const labs = await loadLabs();
  const keys = labs.flatMap((l) => l.questions.map((q) => `${l.id}/${q.id}`));
  if (opts.question && !keys.includes(opts.question)) {
    throw new UsageError(`Unknown question "${opts.question}".`, `Use one of: ${keys.join(', ')}; or leave --question out to route each statement by its words.`);
  }
  const recorded = await recordedEvidence(labHome());
  const evidence = new Map([...recorded].map(([lab, r]) => [lab, r.evidence]));
  const results = statements.map((s) => judgeAlone(s, labs, evidence, (lab) => recorded.get(lab)?.target ?? 'local', opts.question));
  out(opts.json ? JSON.stringify(jsonOutput(results, recorded)) : textOutput(results, recorded));
  return 0;
}

function jsonOutput(results: StatementJudgement[], recorded: Map<string, RecordedEvidence>) {
  const used = new Set(results.map((r) => r.question?.split('/')[0]).filter((x): x is string => !!x));
  return redactDeep({
    evidence: Object.fromEntries(
      [...used].map((lab) => {
        const r = recorded.get(lab);
        return [lab, r ? { origin: r.origin, recordedAt: r.recordedAt, target: r.target, ...(r.runId ? { runId: r.runId } : {}) } : { origin: 'none' }];
      }),
    ),
    results: results.map((r) => ({
      statement: r.statement,
      question: r.question ?? null,
      verdict: statementVerdict(r.claims),
      claims: r.claims.map((c) => ({ claim: c.claim, ...(c.aspect ? { aspect: c.aspect } : {}), verdict: c.verdict, explanation: c.explanation, evidence: c.evidence, sources: c.sources })),
      unjudged: r.unjudged,
    })),
  });
}

function textOutput(results: StatementJudgement[], recorded: Map<string, RecordedEvidence>): string {
  const lines: string[] = [];
  for (const r of results) {
    const verdict = statementVerdict(r.claims);
    lines.push(`${verdict === 'unjudged' ? 'not judged' : CLAIM_LABEL[verdict]} — ${r.statement}`);
    if (!r.question) lines.push('    no lab question talks about this; nothing was judged');
    else if (r.claims.length === 0) lines.push(`    (${r.question}) nothing this statement asserts can be checked yet`);
    for (const c of r.claims) {
      lines.push(`    ${CLAIM_LABEL[c.verdict]}${c.aspect ? ` [${c.aspect}]` : ''}: ${c.explanation}`);
      for (const s of c.sources) lines.push(`      source: ${s.title} <${s.url}>`);
    }
  }
  const used = [...new Set(results.map((r) => r.question?.split('/')[0]).filter((x): x is string => !!x))];
  for (const lab of used) {
    const r = recorded.get(lab);
    if (r) lines.push(`evidence ${lab}: ${r.origin === 'run' ? `recorded ${r.runId ? `by run ${r.runId}` : 'by a lab check'} here` : 'reference evidence shipped with journal-lab'} on ${r.target}, ${r.recordedAt}`);
  }
  return redactDeep(lines.join('\n'));
}
