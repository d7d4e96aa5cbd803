import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { announceSkip, deploymentPrerequisitesMissing } from '../support/prerequisites.ts';
import { runLab } from '../support/run-lab.ts';
import { isAlive } from '../../src/targets/moto-server.ts';

const freshHome = () => mkdtempSync(path.join(os.tmpdir(), 'jl-bad-'));

/** Every run record under LAB_HOME must be destroyed and every moto it started gone. */
function assertNothingLeft(home: string) {
  const runs = path.join(home, 'runs');
  if (!existsSync(runs)) return;
  for (const id of readdirSync(runs) as string[]) {
    const record = JSON.parse(readFileSync(path.join(runs, id, 'run.json'), 'utf8'));
    expect(record.stage === 'destroyed' || record.stage === 'failed' || record.stage === 'closed', `run ${id} is ${record.stage}`).toBe(true);
    // Closed without a destroy only with the evidence that nothing of the run can exist any more.
    if (record.stage === 'closed') expect(record.closure?.evidence?.length, `run ${id} closed without evidence`).toBeGreaterThan(0);
    expect(record.stacksTouched, `run ${id} still holds stacks`).toEqual([]);
    if (record.target.started?.kind === 'moto') expect(isAlive(record.target.started.pid), `moto of run ${id} still running`).toBe(false);
  }
}

/**
 * Polls the run record under LAB_HOME and acts once, as soon as terraform has started applying `stack`: the moment
 * the fault tests inject their fault. Returns the stop function; the poll ends when the lab run returns.
 */
function onceStackStarts(home: string, stack: string, act: (record: any) => boolean | void): () => void {
  const timer = setInterval(() => {
    const runs = path.join(home, 'runs');
    if (!existsSync(runs)) return;
    for (const id of readdirSync(runs)) {
      const file = path.join(runs, id, 'run.json');
      if (!existsSync(file)) continue;
      const record = JSON.parse(readFileSync(file, 'utf8'));
      if (record.stacksTouched?.includes(stack) && act(record) !== false) clearInterval(timer);
    }
  }, 200);
  return () => clearInterval(timer);
}

describe('bad input: one clear message, non-zero exit, nothing left running or deployed', () => {
  it('unknown target', async () => {
    const home = freshHome();
    const r = await runLab(['up', '--target', 'azure'], { LAB_HOME: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown target "azure"/);
    expect(r.stderr).toMatch(/fix: Use --target moto \| moto-container \| localstack \| aws/);
    assertNothingLeft(home);
  });

  it('unreachable endpoint', async () => {
    const home = freshHome();
    const r = await runLab(['up', '--endpoint', 'http://127.0.0.1:9'], { LAB_HOME: home });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/does not answer/);
    assertNothingLeft(home);
  });

  it('missing terraform', async () => {
    const home = freshHome();
    const emptyPath = mkdtempSync(path.join(os.tmpdir(), 'jl-nopath-'));
    const r = await runLab(['up'], { LAB_HOME: home, PATH: emptyPath, LAB_ENGINE: '' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/terraform/i);
    expect(r.stderr).toMatch(/fix: /);
    assertNothingLeft(home);
  });

  it('a journal with broken markers fails in seconds, before anything is deployed', async () => {
    const home = freshHome();
    const journal = path.join(home, 'journal.md');
    const text = readFileSync('journals/journal-week.md', 'utf8').replace('## Linux administration', '<!-- journal-lab:begin two-tier/remote-state -->\n\n## Linux administration');
    writeFileSync(journal, text);
    const started = Date.now();
    const r = await runLab(['run', 'all', '--journal', journal], { LAB_HOME: home });
    expect(r.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.stderr).toMatch(/result block "two-tier\/remote-state" has no end marker/);
    expect(r.stderr).toMatch(/line 26/);
    expect(readFileSync(journal, 'utf8')).toBe(text);
    expect(existsSync(path.join(home, 'runs'))).toBe(false);
  });
});

const missing = await deploymentPrerequisitesMissing();
announceSkip('bad-input tests that start moto and terraform', missing);

describe.skipIf(!!missing)('bad input with the real engine and emulator', () => {
  const servers: net.Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('moto port in use (LAB_MOTO_PORT)', async () => {
    const home = freshHome();
    const server = net.createServer().listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as net.AddressInfo).port;
    const r = await runLab(['up'], { LAB_HOME: home, LAB_MOTO_PORT: String(port) });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`Port ${port} .* already in use`));
    assertNothingLeft(home);
  });

  it('provider not obtainable offline', async () => {
    const home = freshHome();
    const emptyMirror = path.join(home, 'empty-mirror');
    mkdirSync(emptyMirror);
    const r = await runLab(['up'], { LAB_HOME: home, LAB_PROVIDER_MIRROR: emptyMirror });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/provider could not be obtained/);
    expect(r.stderr).toMatch(/LAB_PROVIDER_MIRROR/);
    assertNothingLeft(home);
  }, 120_000);

  it('moto dying mid-apply', async () => {
    const home = freshHome();
    const stop = onceStackStarts(home, 'network', (record) => {
      if (!record.target.started?.pid || !isAlive(record.target.started.pid)) return false;
      process.kill(record.target.started.pid, 'SIGKILL');
    });
    const r = await runLab(['up'], { LAB_HOME: home });
    stop();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/endpoint stopped answering \(the emulator process is gone\)/);
    assertNothingLeft(home);
    const [id] = readdirSync(path.join(home, 'runs'));
    expect(JSON.parse(readFileSync(path.join(home, 'runs', id, 'run.json'), 'utf8')).closure.reason).toBe('emulator-gone');
  }, 300_000);

  it('Ctrl-C during up tears everything down', async () => {
    const home = freshHome();
    let labPid = 0;
    const stop = onceStackStarts(home, 'network', () => (labPid ? void process.kill(labPid, 'SIGINT') : false));
    const r = await runLab(['up'], { LAB_HOME: home }, 600_000, (pid) => (labPid = pid));
    stop();
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/Interrupted \(SIGINT\)/);
    expect(r.stderr).toMatch(/tearing down/);
    assertNothingLeft(home);
    const runs = readdirSync(path.join(home, 'runs')) as string[];
    expect(JSON.parse(readFileSync(path.join(home, 'runs', runs[0], 'run.json'), 'utf8')).stage).toBe('destroyed');
  }, 600_000);

  it('a crashed run (lab killed mid-apply) is torn down later by lab down from what is on disk', async () => {
    const home = freshHome();
    let labPid = 0;
    // SIGKILL: no handler runs, so this is a crash, not an interrupt.
    const stop = onceStackStarts(home, 'app', () => (labPid ? void process.kill(labPid, 'SIGKILL') : false));
    const crashed = await runLab(['up'], { LAB_HOME: home }, 600_000, (pid) => (labPid = pid));
    stop();
    expect(crashed.code).not.toBe(0);
    const [id] = readdirSync(path.join(home, 'runs'));
    const before = JSON.parse(readFileSync(path.join(home, 'runs', id, 'run.json'), 'utf8'));
    expect(before.stacksTouched).toContain('network');
    expect(isAlive(before.target.started.pid)).toBe(true); // the detached emulator outlived the crash
    // terraform, killed with its parent's group gone, may still be finishing: give it a bounded moment.
    await new Promise((r) => setTimeout(r, 3000));
    const down = await runLab(['down', '--json'], { LAB_HOME: home });
    expect(down.code, down.stderr).toBe(0);
    expect(down.json.runs[0].leftovers).toEqual([]);
    assertNothingLeft(home);
  }, 600_000);
});
