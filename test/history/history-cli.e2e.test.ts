import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLab } from '../support/run-lab.ts';

/**
 * As a learner uses it: `lab check` a local lab twice on a copy of the shipped journal, rewording one statement
 * in between, then `lab history`. The certificates lab runs on this machine (its claims become unverifiable,
 * not skipped, where a tool is missing), so this runs everywhere.
 */
describe('lab history, end to end', () => {
  it('records each run, says in the block what changed, and follows a reworded statement', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jl-history-e2e-'));
    const journal = path.join(dir, 'journal.md');
    const env = { LAB_HOME: path.join(dir, 'home') };
    await copyFile('journals/journal-week.md', journal);

    const first = await runLab(['check', 'certificates', '--journal', journal, '--json'], env, 300_000);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json.sinceLastRun).toBeUndefined();
    expect(await readFile(journal, 'utf8')).not.toMatch(/since \d{4}-\d{2}-\d{2}/);

    const text = await readFile(journal, 'utf8');
    expect(text).toContain('Compliance: Many regulations');
    // One statement reworded (its history must follow it), one turned wrong (the header must say so).
    expect(text).toContain('A TLS certificate can be used to authenticate the identity');
    await writeFile(journal, text.replace('Compliance: Many regulations', 'Compliance: Several regulations').replace('A TLS certificate can be used to authenticate the identity', 'A TLS certificate does not authenticate the identity'));

    const second = await runLab(['check', 'certificates', '--journal', journal, '--json'], env, 300_000);
    expect(second.code, second.stderr).toBe(0);
    const today = second.json.date as string;
    expect(second.json.sinceLastRun['certificates/why-certificate']).toMatch(new RegExp(`newly contradicted.* since ${today}$`));
    const header = (await readFile(journal, 'utf8')).split('\n').find((l) => l.startsWith('**journal-lab:') && l.includes('lab certificates'))!;
    expect(header).toMatch(new RegExp(` · [^·]* since ${today}$`));

    const history = await runLab(['history', '--journal', journal, '--json'], env, 60_000);
    expect(history.code, history.stderr).toBe(0);
    const h = history.json;
    expect(Object.keys(h)).toEqual(['journal', 'runs', 'questions']);
    expect(h.journal).toBe(path.resolve(journal));
    expect(h.runs).toHaveLength(2);
    expect(h.runs[0]).toEqual({ at: expect.any(String), target: 'local', runId: null });
    const q = h.questions.find((x: { key: string }) => x.key === 'certificates/why-certificate');
    const reworded = q.claims.filter((c: { claim: string }) => c.claim.startsWith('Compliance: Several regulations'));
    expect(reworded).toHaveLength(1);
    // One thread across both runs: the rewording kept its history.
    expect(reworded[0].verdicts.every((v: string | null) => v !== null)).toBe(true);
    expect(q.claims.some((c: { claim: string }) => c.claim.startsWith('Compliance: Many regulations'))).toBe(false);

    const plain = await runLab(['history', '--journal', journal], env, 60_000);
    expect(plain.stdout).toMatch(/^journal .* · 2 runs: /);
    expect(plain.stdout).toContain('certificates/why-certificate');
  }, 700_000);
});
