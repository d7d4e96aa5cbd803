import type { ClaimResult, QuestionResult, RunResult } from '../model/types.ts';
import { xmlAttr, xmlText } from './xml.ts';

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

function outcomeOf(claim: ClaimResult): Outcome {
  switch (claim.verdict) {
    case 'confirmed':
      return 'passed';
    case 'contradicted':
    case 'imprecise':
    case 'missing':
      return 'failure';
    case 'error':
      return 'error';
    case 'unverifiable':
      return 'skipped';
  }
}

/**
 * JUnit XML for CI dashboards: one testsuite per judged question, one testcase per claim. A harness failure is an
 * <error>, never a <failure>, and what this target cannot show is <skipped>, never a pass.
 */
export function renderJUnit(run: RunResult): string {
  const suites = run.questions.filter((q) => q.claims.length > 0).map((q) => suite(q, run));
  const totals = count(run.questions.flatMap((q) => q.claims));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(`journal-lab ${run.journal}`)}" ${counts(totals)} time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(q: QuestionResult, run: RunResult): string {
  const name = `${q.section} Q${q.number ?? '?'}: ${firstLine(q.question)}`;
  const lines = [
    `  <testsuite name="${xmlAttr(name)}" id="${xmlAttr(q.key)}" ${counts(count(q.claims))} time="0">`,
    '    <properties>',
    ...[
      ['key', q.key],
      ['verdict', q.verdict],
      ['labs', q.labs.join(',')],
      ['target', run.target],
      ['date', run.date],
      ['unjudged', String(q.unjudged.length)],
    ].map(([n, v]) => `      <property name="${xmlAttr(n)}" value="${xmlAttr(v)}"/>`),
    '    </properties>',
  ];
  for (const claim of q.claims) lines.push(...testcase(q, claim));
  lines.push('  </testsuite>');
  return lines.join('\n');
}

function testcase(q: QuestionResult, claim: ClaimResult): string[] {
  const name = claim.aspect ? `${claim.claim} [${claim.aspect}]` : claim.claim;
  const open = `    <testcase name="${xmlAttr(name)}" classname="${xmlAttr(q.key)}" time="0"`;
  const outcome = outcomeOf(claim);
  if (outcome === 'passed') return [`${open}>`, `      <system-out>${xmlText(details(claim))}</system-out>`, '    </testcase>'];
  const tag = outcome;
  const attrs = tag === 'skipped' ? `message="${xmlAttr(claim.explanation)}"` : `message="${xmlAttr(claim.explanation)}" type="${xmlAttr(claim.verdict)}"`;
  return [`${open}>`, `      <${tag} ${attrs}>${xmlText(details(claim))}</${tag}>`, '    </testcase>'];
}

function details(claim: ClaimResult): string {
  return [
    `${claim.verdict}: ${claim.explanation}`,
    ...claim.evidence.map((e) => `evidence [${e.kind}] ${e.summary}`),
    ...(claim.failures ?? []).map((f) => `failure ${f.path}: ${f.message}`),
    ...claim.sources.map((s) => `source: ${s.title} <${s.url}>`),
  ].join('\n');
}

function count(claims: readonly ClaimResult[]): Record<'tests' | 'failures' | 'errors' | 'skipped', number> {
  const outcomes = claims.map(outcomeOf);
  return {
    tests: claims.length,
    failures: outcomes.filter((o) => o === 'failure').length,
    errors: outcomes.filter((o) => o === 'error').length,
    skipped: outcomes.filter((o) => o === 'skipped').length,
  };
}

function counts(c: ReturnType<typeof count>): string {
  return `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}"`;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0].trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
