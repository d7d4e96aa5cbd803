import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { announceSkip, deploymentPrerequisitesMissing } from '../support/prerequisites.ts';
import { runLab, type LabRun } from '../support/run-lab.ts';
import { isAlive } from '../../src/targets/moto-server.ts';
import { findResultBlocks } from '../../src/journal/result-markers.ts';
import { mermaidFences } from '../support/judged-journal.ts';
import { mermaidParser } from '../support/mermaid-parser.ts';

// `lab run all` exactly as `npm start` runs it, on a temporary copy of the shipped journal: real moto, real
// terraform, real sockets/captures/HAProxy for the local labs.
const missing = await deploymentPrerequisitesMissing();
announceSkip('lab run all end-to-end test', missing);

describe.skipIf(!!missing)('lab run all on a copy of the shipped journal', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'jl-e2e-'));
  const journal = path.join(home, 'journal-week.md');
  const original = readFileSync('journals/journal-week.md', 'utf8');
  let run: LabRun;
  const q = (key: string) => run.json.questions.find((x: { key: string }) => x.key === key);
  const claimVerdicts = (key: string, words: RegExp) => q(key).claims.filter((c: { claim: string }) => words.test(c.claim)).map((c: { verdict: string }) => c.verdict);

  beforeAll(async () => {
    copyFileSync('journals/journal-week.md', journal);
    run = await runLab(['run', 'all', '--journal', journal, '--json', '--junit', path.join(home, 'junit.xml')], { LAB_HOME: home });
  }, 900_000);

  it('exits 0 and tears everything down', () => {
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    expect(run.json.teardown.leftovers).toEqual([]);
    expect(run.json.teardown.destroyed).toEqual(['app', 'network']);
    for (const id of readdirSync(path.join(home, 'runs'))) {
      const record = JSON.parse(readFileSync(path.join(home, 'runs', id, 'run.json'), 'utf8'));
      expect(record.stage).toBe('destroyed');
      expect(isAlive(record.target.started.pid)).toBe(false);
    }
  });

  it('gives the verdicts a careful reviewer would give the shipped answers', () => {
    expect(q('two-tier/remote-state').verdict).toBe('partly-confirmed');
    expect(claimVerdicts('two-tier/remote-state', /terraform remote state/)).toEqual(['confirmed']);
    const tls = q('two-tier/alb-end-to-end-tls');
    const count = (v: string) => tls.claims.filter((c: { verdict: string }) => c.verdict === v).length;
    expect(count('confirmed')).toBeGreaterThanOrEqual(4);
    expect(count('contradicted')).toBe(0);
    // "A certificate encrypts the data" is a confusing shortcut (session keys do): flagged, never confirmed.
    const encrypts = claimVerdicts('certificates/why-certificate', /encrypts the data/);
    expect(encrypts.length).toBeGreaterThan(0);
    expect(encrypts.every((v: string) => v === 'imprecise' || v === 'contradicted')).toBe(true);
    expect(claimVerdicts('handshakes/connection', /SYN, SYN-ACK, and ACK/).every((v: string) => v === 'confirmed')).toBe(true);
    expect(run.json.questions.filter((x: { verdict: string }) => x.verdict === 'no-answer').length).toBeGreaterThan(30);
  });

  it('keeps each lab\'s evidence for `lab judge`, which then judges on this run\'s evidence', async () => {
    const judged = await runLab(['judge', '--json', 'The server answers a SYN with a segment carrying SYN and ACK.'], { LAB_HOME: home });
    expect(judged.code, judged.stderr).toBe(0);
    expect(judged.json.results[0].verdict).toBe('confirmed');
    expect(judged.json.evidence.handshakes).toMatchObject({ origin: 'run', target: 'local' });
    expect(JSON.stringify(judged.json)).not.toMatch(/PRIVATE KEY-----/);
  });

  it('every judged claim has an explanation and a source; nothing secret reaches the results', () => {
    for (const question of run.json.questions) {
      for (const claim of question.claims) {
        expect(claim.explanation.length, claim.claim).toBeGreaterThan(10);
        if (claim.verdict !== 'error') expect(claim.sources.length, claim.claim).toBeGreaterThan(0);
      }
    }
    const everything = JSON.stringify(run.json) + readFileSync(journal, 'utf8') + run.stderr;
    expect(everything).not.toMatch(/PRIVATE KEY-----/);
    expect(everything).not.toMatch(/CLIENT_RANDOM [0-9a-f]{64}/);
  });

  it('writes one block per judged question and leaves every other byte as it was', () => {
    const written = readFileSync(journal, 'utf8');
    const blocks = findResultBlocks(written);
    expect(blocks.map((b) => b.key).sort()).toEqual(run.json.questions.filter((x: { verdict: string }) => !['no-answer', 'no-lab'].includes(x.verdict)).map((x: { key: string }) => x.key).sort());
    let stripped = written;
    for (const b of [...blocks].sort((a, b) => b.start - a.start)) stripped = stripped.slice(0, b.start - 2) + stripped.slice(b.end);
    expect(stripped).toBe(original);
    expect(readFileSync(path.join(home, 'junit.xml'), 'utf8')).toMatch(/<testsuites/);
  });

  it("draws this run's evidence as diagrams inside the blocks, each one mermaid parses, and starts the journal's history", async () => {
    const text = readFileSync(journal, 'utf8');
    const blocks = findResultBlocks(text, journal);
    for (const key of ['two-tier/remote-state', 'two-tier/alb-end-to-end-tls', 'handshakes/connection', 'health-twin/healthy-targets']) {
      const block = blocks.find((b) => b.key === key)!;
      expect(mermaidFences(text.slice(block.start, block.end)).length, key).toBeGreaterThan(0);
    }
    const mermaid = await mermaidParser();
    for (const fence of mermaidFences(text)) await expect(mermaid.parse(fence)).resolves.toBeTruthy();
    const history = await runLab(['history', '--journal', journal, '--json'], { LAB_HOME: home });
    expect(history.json.runs).toHaveLength(1);
    expect(history.json.questions.map((q: { key: string }) => q.key)).toContain('handshakes/connection');
  });
});
