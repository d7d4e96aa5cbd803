/**
 * The claims development set (learner statements with the verdict a careful reviewer gives, why and a source)
 * as a table-driven test on the reference evidence: each statement judged as the sole statement of an answer
 * to its question.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeAlone, statementVerdict } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { loadLabs } from '../../src/lab-api/registry.ts';

interface Entry { id: string; question: string; statement: string; expect: 'confirmed' | 'contradicted' | 'imprecise' }
const entries = readFileSync('test/fixtures/claims/claims-devset.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry);
const labs = await loadLabs();
const recorded = loadReferenceEvidence();
const evidence = new Map([...recorded].map(([k, v]) => [k, v.evidence]));
const verdictOf = (e: Entry, routed = false) => {
  const r = judgeAlone(e.statement, labs, evidence, (lab) => recorded.get(lab)?.target ?? 'local', routed ? undefined : e.question);
  return { verdict: statementVerdict(r.claims), question: r.question };
};
const results = entries.map((e) => ({ e, got: verdictOf(e).verdict }));

describe('claims development set', () => {
  it('has the reviewer verdict for at least 90 % of the statements', () => {
    const misses = results.filter((r) => r.got !== r.e.expect).map((r) => `${r.e.id}: expected ${r.e.expect}, got ${r.got}`);
    const exact = results.length - misses.length;
    expect(exact / results.length, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('never contradicts a right statement', () => {
    expect(results.filter((r) => r.e.expect === 'confirmed' && r.got === 'contradicted').map((r) => r.e.id)).toEqual([]);
  });

  it('never confirms a wrong or imprecise statement', () => {
    expect(results.filter((r) => r.e.expect !== 'confirmed' && r.got === 'confirmed').map((r) => r.e.id)).toEqual([]);
  });

  it('minimal pairs (-ok / -bad) never get the same verdict', () => {
    const byStem = new Map<string, Record<string, string>>();
    for (const r of results) {
      const m = r.e.id.match(/^(.*)-(ok|bad)$/);
      if (m) byStem.set(m[1], { ...byStem.get(m[1]), [m[2]]: r.got });
    }
    const same = [...byStem].filter(([, v]) => v.ok && v.bad && v.ok === v.bad).map(([k, v]) => `${k}: both ${v.ok}`);
    expect(same).toEqual([]);
  });

  it('routes statements to the reviewer question by their own words, without being told', () => {
    const wrong = entries.map((e) => ({ e, routed: verdictOf(e, true).question })).filter((r) => r.routed !== r.e.question);
    expect(wrong.length / entries.length, wrong.map((r) => `${r.e.id} → ${r.routed}`).join('\n')).toBeLessThanOrEqual(0.1);
  });
});
