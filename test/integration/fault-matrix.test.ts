import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMotoServer, stopMotoServer, type StartedMoto } from '../../src/targets/moto-server.ts';
import { sweepRunLeftovers } from '../../src/engine/sweep.ts';
import { bucketExists, deleteAllVersions, deleteBucketWithContents } from '../../src/aws/s3.ts';
import { emulatorCredentials } from '../../src/targets/emulator-credentials.ts';
import { stateKey } from '../../stacks/target-context.ts';
import { announceSkip, deploymentPrerequisitesMissing } from '../support/prerequisites.ts';
import { runLab, type LabRun } from '../support/run-lab.ts';

// The fault matrix of issue 13, each case with a real moto server the test starts (so it can kill or restart it)
// and real terraform. Every case ends with `lab status` showing no open run and, where the emulator is still up,
// an independent sweep finding nothing tagged with the run id. Most cases deploy the network tier alone: what
// they show does not depend on the load balancers, and it keeps the matrix within a few minutes.
const missing = await deploymentPrerequisitesMissing();
announceSkip('fault matrix (emulator vanished or restarted, lost state, concurrent teardown)', missing);

const motos: StartedMoto[] = [];
afterAll(async () => {
  for (const m of motos) await stopMotoServer(m.pid);
});

async function startMoto(home: string, port?: number): Promise<StartedMoto> {
  const env = port ? { ...process.env, LAB_MOTO_PORT: String(port) } : process.env;
  const moto = await startMotoServer(path.join(home, `test-moto-${motos.length}.log`), env);
  motos.push(moto);
  return moto;
}

const sdkOf = (moto: StartedMoto) => ({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { ...emulatorCredentials } });

function newHome(): { home: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(path.join(os.tmpdir(), 'jl-fault-'));
  return { home, env: { LAB_HOME: home } };
}

function runRecord(home: string, runId: string): any {
  return JSON.parse(readFileSync(path.join(home, 'runs', runId, 'run.json'), 'utf8'));
}

/** Polls until the condition holds; bounded in time, fails the test with what it waited for. */
async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function upOrFail(args: string[], env: NodeJS.ProcessEnv): Promise<LabRun> {
  const up = await runLab(['up', ...args, '--json'], env, 400_000);
  expect(up.code, up.stderr).toBe(0);
  return up;
}

async function expectNoOpenRun(env: NodeJS.ProcessEnv): Promise<void> {
  const status = await runLab(['status', '--json'], env);
  expect(status.code, status.stderr).toBe(0);
  expect(status.json.runs).toEqual([]);
}

async function targetStateOf(env: NodeJS.ProcessEnv): Promise<any> {
  const status = await runLab(['status', '--json'], env);
  expect(status.code, status.stderr).toBe(0);
  expect(status.json.runs).toHaveLength(1);
  return status.json.runs[0].targetState;
}

const timed = async <T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> => {
  const start = Date.now();
  const value = await fn();
  return { value, seconds: Math.round((Date.now() - start) / 100) / 10 };
};

describe.skipIf(!!missing)('runs never get stuck', () => {
  it('emulator killed while `lab up` applies the app tier: up fails, its own teardown closes the run as emulator gone', async () => {
    const { home, env } = newHome();
    const moto = await startMoto(home);
    const up = runLab(['up', '--endpoint', moto.endpoint, '--json'], env, 400_000);
    const runId = await (async () => {
      let id = '';
      await waitFor('the app tier apply to start', () => {
        const runs = existsSync(path.join(home, 'runs')) ? readdirIds(home) : [];
        if (runs.length !== 1) return false;
        id = runs[0];
        try {
          return runRecord(home, id).stacksTouched.includes('app');
        } catch {
          return false; // the record is being written
        }
      }, 300_000);
      return id;
    })();
    await stopMotoServer(moto.pid);
    const result = await up;
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/stopped answering/);
    const record = runRecord(home, runId);
    expect(record.stage).toBe('closed');
    expect(record.closure.reason).toBe('emulator-gone');
    await expectNoOpenRun(env);
    const down = await runLab(['down', '--json'], env);
    expect(down.code, down.stderr).toBe(0);
    expect(down.json.runs).toEqual([]);
  }, 500_000);

  it('emulator killed during `lab check`, then restarted empty on the same port: status says gone, then restarted; down closes the run', async () => {
    const { home, env } = newHome();
    const moto = await startMoto(home);
    const up = await upOrFail(['--endpoint', moto.endpoint, '--network-only'], env);
    expect((await targetStateOf(env)).state).toBe('up');
    const check = runLab(['check', 'two-tier', '--no-write', '--json', '--run', up.json.runId], env, 180_000);
    await new Promise((r) => setTimeout(r, 1500));
    await stopMotoServer(moto.pid);
    await check; // whatever check concluded, it must not leave the run stuck
    const gone = await targetStateOf(env);
    expect(gone.state).toBe('emulator-gone');
    expect(gone.evidence.join(' ')).toMatch(/does not answer \(ECONNREFUSED\)/);

    const restarted = await startMoto(home, moto.port);
    const afterRestart = await targetStateOf(env);
    expect(afterRestart.state).toBe('emulator-restarted');
    expect(afterRestart.evidence).toEqual(expect.arrayContaining([`no state bucket journal-lab-state-${up.json.runId}`, `0 resource(s) tagged journal-lab:run=${up.json.runId}`]));
    const { value: down, seconds } = await timed(() => runLab(['down', '--json'], env));
    console.info(`lab down after an emulator restart: ${seconds} s`);
    expect(down.code, down.stderr).toBe(0);
    expect(down.json.runs[0]).toMatchObject({ runId: up.json.runId, outcome: 'closed', targetState: 'emulator-restarted' });
    expect(runRecord(home, up.json.runId).closure.reason).toBe('emulator-restarted');
    await expectNoOpenRun(env);
    expect(await sweepRunLeftovers(sdkOf(restarted), up.json.runId)).toEqual([]);
  }, 500_000);

  it('emulator killed while `lab down` destroys: down closes the run as emulator gone, exit 0', async () => {
    const { home, env } = newHome();
    const moto = await startMoto(home);
    const up = await upOrFail(['--endpoint', moto.endpoint, '--network-only'], env);
    const destroyLog = path.join(home, 'runs', up.json.runId, 'logs', 'network-destroy.log');
    const start = Date.now();
    const down = runLab(['down', '--json'], env, 300_000);
    await waitFor('terraform destroy to start', () => existsSync(destroyLog), 120_000);
    await stopMotoServer(moto.pid);
    const result = await down;
    console.info(`lab down with the emulator killed during destroy: ${Math.round((Date.now() - start) / 100) / 10} s`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.runs[0]).toMatchObject({ runId: up.json.runId, outcome: 'closed' });
    expect(result.json.runs[0].evidence.join(' ')).toMatch(/terraform destroy failed/);
    const record = runRecord(home, up.json.runId);
    expect(record.closure.reason).toBe('emulator-gone');
    await expectNoOpenRun(env);
  }, 500_000);

  it('state object deleted: status says partly there, --forget refuses, down deletes by tag and the sweep finds 0', async () => {
    const { home, env } = newHome();
    const moto = await startMoto(home);
    const up = await upOrFail(['--endpoint', moto.endpoint, '--network-only'], env);
    const runId = up.json.runId;
    await deleteAllVersions(sdkOf(moto), `journal-lab-state-${runId}`, stateKey(runId, 'network'));
    const state = await targetStateOf(env);
    expect(state).toMatchObject({ state: 'partly-there', stateLost: true, stateBucket: 'present', stateObjects: { network: 'missing' } });
    expect(state.tagged.length).toBeGreaterThan(0);

    const forget = await runLab(['down', '--forget', runId], env);
    expect(forget.code).toBe(4);
    expect(forget.stderr).toMatch(/cannot be forgotten: \d+ thing\(s\) of it still exist/);
    expect(forget.stderr).toMatch(/fix: Tear it down with `lab down --run/);

    const { value: down, seconds } = await timed(() => runLab(['down', '--json'], env));
    console.info(`lab down with the state object deleted: ${seconds} s`);
    expect(down.code, down.stderr).toBe(0);
    expect(down.json.runs[0]).toMatchObject({ outcome: 'destroyed', destroyed: [], leftovers: [] });
    expect(down.json.runs[0].deletedByTag.some((d: string) => d.startsWith('vpc '))).toBe(true);
    expect(await sweepRunLeftovers(sdkOf(moto), runId)).toEqual([]);
    expect(await bucketExists(sdkOf(moto), `journal-lab-state-${runId}`)).toBe(false);
    await expectNoOpenRun(env);
  }, 500_000);

  it('run directory partly deleted: down deletes by tag and the sweep finds 0', async () => {
    const { home, env } = newHome();
    const moto = await startMoto(home);
    const up = await upOrFail(['--endpoint', moto.endpoint, '--network-only'], env);
    const runId = up.json.runId;
    rmSync(path.join(home, 'runs', runId, 'cdktf.out'), { recursive: true });
    const { value: down, seconds } = await timed(() => runLab(['down', '--json'], env));
    console.info(`lab down with the run directory partly deleted: ${seconds} s`);
    expect(down.code, down.stderr).toBe(0);
    expect(down.json.runs[0]).toMatchObject({ outcome: 'destroyed', leftovers: [] });
    expect(down.json.runs[0].evidence.join(' ')).toMatch(/the run directory lacks cdktf\.out/);
    expect(await sweepRunLeftovers(sdkOf(moto), runId)).toEqual([]);
    await expectNoOpenRun(env);
  }, 500_000);

  it('state bucket deleted under both tiers, and two `lab down` at once: one deletes by tag in dependency order, the other waits or refuses; the record stays whole', async () => {
    const { home, env } = newHome();
    const moto = await startMoto(home);
    const up = await upOrFail(['--endpoint', moto.endpoint], env);
    const runId = up.json.runId;
    await deleteBucketWithContents(sdkOf(moto), `journal-lab-state-${runId}`);
    const state = await targetStateOf(env);
    expect(state).toMatchObject({ state: 'partly-there', stateLost: true, stateBucket: 'missing' });

    const start = Date.now();
    const [a, b] = await Promise.all([runLab(['down', '--run', runId, '--json'], env), runLab(['down', '--run', runId, '--json'], env)]);
    console.info(`two lab down at once with the state bucket deleted: ${Math.round((Date.now() - start) / 100) / 10} s`);
    const worker = [a, b].find((r) => r.code === 0 && r.json?.runs[0].outcome === 'destroyed');
    const other = [a, b].find((r) => r !== worker)!;
    expect(worker, `${a.stderr}\n${b.stderr}`).toBeDefined();
    if (other.code === 0) expect(other.json.runs[0].outcome).toBe('already-finished');
    else expect(other.stderr).toMatch(/already being handled by another process/);

    const order = ['listener', 'load-balancer', 'target-group', 'instances', 'security-group', 'subnet', 'route-table', 'internet-gateway', 'vpc', 'certificate'];
    const deleted: string[] = worker!.json.runs[0].deletedByTag;
    const firstOf = order.map((kind) => deleted.findIndex((d) => d.startsWith(`${kind} `)));
    expect(firstOf.every((i) => i >= 0), deleted.join('\n')).toBe(true);
    expect([...firstOf].sort((x, y) => x - y)).toEqual(firstOf);

    expect(runRecord(home, runId).stage).toBe('destroyed');
    expect(existsSync(path.join(home, 'runs', runId, 'teardown.lock'))).toBe(false);
    expect(await sweepRunLeftovers(sdkOf(moto), runId)).toEqual([]);
    await expectNoOpenRun(env);
  }, 600_000);
});

function readdirIds(home: string): string[] {
  return readdirSync(path.join(home, 'runs'));
}
