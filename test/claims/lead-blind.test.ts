/**
 * Statements the lead wrote without looking at the lexicons (65, every lab), each with the verdict a reviewer
 * gives, routed by their own words as `lab judge` does: no right statement contradicted, no wrong one confirmed,
 * and most judged exactly. Misses here are recall gaps to close with general patterns, never with these words.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { judgeAlone, statementVerdict } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { loadLabs } from '../../src/lab-api/registry.ts';

interface Entry { id: string; question: string; statement: string; expect: string }
const entries = readFileSync('test/fixtures/claims/lead-blind.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry);
const labs = await loadLabs();
const recorded = loadReferenceEvidence();
const evidence = new Map([...recorded].map(([k, v]) => [k, v.evidence]));
const results = entries.map((e) => ({ e, got: statementVerdict(judgeAlone(e.statement, labs, evidence, (lab) => recorded.get(lab)?.target ?? 'local').claims) }));

it('contradicts no right statement and confirms no wrong one', () => {
  expect(results.filter((r) => r.e.expect === 'confirmed' && r.got === 'contradicted').map((r) => r.e.statement)).toEqual([]);
  expect(results.filter((r) => r.e.expect !== 'confirmed' && r.got === 'confirmed').map((r) => r.e.statement)).toEqual([]);
});

it('judges at least 85 % exactly and flags at least 85 % of the wrong statements', () => {
  const exact = results.filter((r) => r.got === r.e.expect).length;
  const wrong = results.filter((r) => r.e.expect !== 'confirmed');
  const flagged = wrong.filter((r) => r.got === 'contradicted' || r.got === 'imprecise').length;
  const misses = results.filter((r) => r.got !== r.e.expect).map((r) => `${r.e.id}: ${r.got}`).join(', ');
  expect(exact / results.length, misses).toBeGreaterThanOrEqual(0.85);
  expect(flagged / wrong.length, misses).toBeGreaterThanOrEqual(0.85);
});
