import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../src/targets/moto-server.ts';
import { announceSkip, deploymentPrerequisitesMissing } from '../support/prerequisites.ts';
import { runLab } from '../support/run-lab.ts';

// `lab run` starts the local labs while Terraform deploys. When the deployment fails, they must stop too: their
// processes gone, nothing recorded as evidence, the journal untouched, and the deployment torn down as always.
const missing = await deploymentPrerequisitesMissing();
announceSkip('lab run with a failing deployment while local labs collect', missing);

describe.skipIf(!!missing)('lab run: local labs collecting while the deployment fails', () => {
  it('stops the local labs, tears the deployment down, and writes nothing', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-overlap-'));
    const journal = path.join(home, 'journal-week.md');
    copyFileSync('journals/journal-week.md', journal);
    const emptyMirror = path.join(home, 'empty-mirror');
    mkdirSync(emptyMirror);
    const r = await runLab(['run', 'all', '--journal', journal], { LAB_HOME: home, LAB_PROVIDER_MIRROR: emptyMirror }, 300_000);
    expect(r.code, r.stderr.slice(-2000)).toBe(3);
    expect(r.stderr).toMatch(/provider could not be obtained/);
    // The local labs had started (they do not wait for the deployment) …
    expect(r.stderr).toMatch(/(handshakes|certificates|health-twin): collecting evidence/);
    // … and left nothing behind: no evidence recorded from an interrupted collection, no process, no journal change.
    expect(existsSync(path.join(home, 'evidence'))).toBe(false);
    const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(home));
    expect(processes).toEqual([]);
    expect(readFileSync(journal, 'utf8')).toBe(readFileSync('journals/journal-week.md', 'utf8'));
    for (const id of readdirSync(path.join(home, 'runs'))) {
      const record = JSON.parse(readFileSync(path.join(home, 'runs', id, 'run.json'), 'utf8'));
      expect(['destroyed', 'failed']).toContain(record.stage);
      expect(record.stacksTouched).toEqual([]);
      if (record.target.started?.kind === 'moto') expect(isAlive(record.target.started.pid)).toBe(false);
    }
  }, 320_000);
});
