/** `lab judge` as a user runs it: a real process, reference evidence when no run of this LAB_HOME recorded any. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLab } from '../support/run-lab.ts';

const emptyHome = () => mkdtempSync(path.join(os.tmpdir(), 'jl-judge-'));

describe('lab judge', () => {
  it('judges each statement on its own, routed by its words, on the reference evidence', async () => {
    const run = await runLab(['judge', '--json', 'The server replies to a SYN with only an ACK.', 'A TLS certificate carries the server\'s public key.', 'I had pizza on Friday.'], { LAB_HOME: emptyHome() });
    expect(run.code, run.stderr).toBe(0);
    const [flags, key, pizza] = run.json.results;
    expect(flags).toMatchObject({ statement: 'The server replies to a SYN with only an ACK.', question: 'handshakes/connection', verdict: 'contradicted' });
    expect(flags.claims[0]).toMatchObject({ claim: 'The server replies to a SYN with only an ACK.', verdict: 'contradicted' });
    expect(flags.claims[0].sources.length).toBeGreaterThan(0);
    expect(key).toMatchObject({ question: 'certificates/why-certificate', verdict: 'confirmed' });
    expect(pizza).toMatchObject({ question: null, claims: [], unjudged: ['I had pizza on Friday.'] });
    expect(run.json.evidence.handshakes).toMatchObject({ origin: 'reference', target: 'local', recordedAt: expect.stringMatching(/^\d{4}-/) });
  });

  it('--question pins the question the statements answer', async () => {
    const run = await runLab(['judge', '--json', '--question', 'health-twin/healthy-targets', 'By default it takes 5 failed checks in a row to mark a target unhealthy.'], { LAB_HOME: emptyHome() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.results[0]).toMatchObject({ question: 'health-twin/healthy-targets', verdict: 'contradicted' });
  });

  it('prefers the evidence a run here recorded, and says so', async () => {
    const home = emptyHome();
    mkdirSync(path.join(home, 'evidence'));
    const reference = JSON.parse(readFileSync('checks/handshakes/reference-evidence.json', 'utf8'));
    writeFileSync(path.join(home, 'evidence', 'handshakes.json'), JSON.stringify({ lab: 'handshakes', evidence: reference, recordedAt: '2026-11-27T10:00:00Z', target: 'local', runId: 'r-test', origin: 'run' }));
    const run = await runLab(['judge', '--json', 'Keepalive is off unless the application turns on SO_KEEPALIVE.'], { LAB_HOME: home });
    expect(run.json.evidence.handshakes).toMatchObject({ origin: 'run', recordedAt: '2026-11-27T10:00:00Z', runId: 'r-test' });
    const text = await runLab(['judge', 'Keepalive is off unless the application turns on SO_KEEPALIVE.'], { LAB_HOME: home });
    expect(text.stdout).toMatch(/evidence handshakes: recorded by run r-test here on local, 2026-11-27T10:00:00Z/);
  });

  it('an unknown question is a usage error that lists the known ones', async () => {
    const run = await runLab(['judge', '--question', 'nope/nothing', 'anything'], { LAB_HOME: emptyHome() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown question "nope\/nothing"/);
    expect(run.stderr).toMatch(/handshakes\/connection/);
  });
});
