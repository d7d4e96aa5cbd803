import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMotoServer, stopMotoServer, type StartedMoto } from '../../src/targets/moto-server.ts';
import { freeLoopbackPort } from '../../src/targets/free-port.ts';
import { findMotoServer } from '../../src/toolchain/moto.ts';
import { emulatorCredentials } from '../../src/targets/emulator-credentials.ts';
import { createStateBucket } from '../../src/engine/state-bucket.ts';
import { sdkConfig } from '../../src/aws/sdk-config.ts';
import { assessRunTarget } from '../../src/run/target-state.ts';
import { forgetRun } from '../../src/run/forget-run.ts';
import { tearDownRun } from '../../src/run/tear-down-run.ts';
import { loadRunRecord, saveRunRecord, type RunRecord } from '../../src/run/run-record.ts';
import { stateKey } from '../../stacks/target-context.ts';
import { EnvironmentError, StageError } from '../../src/errors.ts';
import { announceSkip } from '../support/prerequisites.ts';

// Target-state detection works from the run record alone. These cases need no deployment: the run records are
// made by hand (the boundary this test fakes), the endpoint they point at is a real moto server, or a loopback
// port where nothing listens.
const noMoto = (await findMotoServer()) ? undefined : "moto server not installed (pip install 'moto[server]')";
announceSkip('target-state detection on a real moto', noMoto);

const quiet = { stage: () => {}, resource: () => {}, warn: () => {} };

function recordFor(runId: string, target: RunRecord['target'], stacksTouched: string[] = ['network']): RunRecord {
  return { runId, createdAt: new Date().toISOString(), stage: 'deployed', target, stateBucket: `journal-lab-state-${runId}`, stacksTouched, outputs: {} };
}

describe.skipIf(!!noMoto)('what is left of a run on its target', () => {
  let moto: StartedMoto;
  const home = mkdtempSync(path.join(os.tmpdir(), 'jl-state-'));
  const emulator = () => ({ name: 'moto', region: 'us-east-1', endpoint: moto.endpoint, credentials: { ...emulatorCredentials } });

  beforeAll(async () => {
    moto = await startMotoServer(path.join(home, 'moto.log'));
  });
  afterAll(async () => {
    if (moto) await stopMotoServer(moto.pid);
  });

  it('nothing answers at the endpoint: emulator gone, with the connection error as evidence', async () => {
    const port = await freeLoopbackPort();
    const state = await assessRunTarget(recordFor('gone0001', { ...emulator(), endpoint: `http://127.0.0.1:${port}` }));
    expect(state.state).toBe('emulator-gone');
    expect(state.evidence.join(' ')).toMatch(new RegExp(`127\\.0\\.0\\.1:${port} does not answer \\(ECONNREFUSED\\)`));
  });

  it('the emulator the run started is dead: emulator gone, without asking the port (someone else may listen there now)', async () => {
    const state = await assessRunTarget(recordFor('gone0002', { ...emulator(), started: { kind: 'moto', pid: 2 ** 22 + 17, port: 1, logFile: '/dev/null' } }));
    expect(state.state).toBe('emulator-gone');
    expect(state.evidence[0]).toMatch(/moto server this run started \(pid \d+\) is not running/);
  });

  it('the endpoint answers without the state bucket and without tagged resources: emulator restarted', async () => {
    const state = await assessRunTarget(recordFor('rest0001', emulator()));
    expect(state).toMatchObject({ state: 'emulator-restarted', stateBucket: 'missing', stateLost: true, tagged: [] });
    expect(state.evidence).toEqual(expect.arrayContaining(['no state bucket journal-lab-state-rest0001', '0 resource(s) tagged journal-lab:run=rest0001']));
  });

  it('the state bucket without the stack state: partly there, state lost; a damaged state object is told apart', async () => {
    const target = emulator();
    await createStateBucket(target, 'journal-lab-state-part0001', 'part0001');
    const missing = await assessRunTarget(recordFor('part0001', target, ['network', 'app']));
    expect(missing).toMatchObject({ state: 'partly-there', stateBucket: 'present', stateLost: true, stateObjects: { network: 'missing', app: 'missing' } });
    const s3 = new S3Client(sdkConfig(target));
    await s3.send(new PutObjectCommand({ Bucket: 'journal-lab-state-part0001', Key: stateKey('part0001', 'network'), Body: '{"version": 4, "resources": []}' }));
    await s3.send(new PutObjectCommand({ Bucket: 'journal-lab-state-part0001', Key: stateKey('part0001', 'app'), Body: '{"version": 4, "resour' }));
    const damaged = await assessRunTarget(recordFor('part0001', target, ['network', 'app']));
    expect(damaged.stateObjects).toEqual({ network: 'ok', app: 'damaged' });
    expect(damaged.evidence).toContain('state of stack app damaged');
  });

  it('--forget refuses while the state bucket is found, and closes a run whose emulator is gone', async () => {
    const target = emulator();
    await createStateBucket(target, 'journal-lab-state-forg0001', 'forg0001');
    await saveRunRecord(home, recordFor('forg0001', target));
    const refused = await forgetRun(home, 'forg0001').catch((e) => e);
    expect(refused).toBeInstanceOf(StageError);
    expect(refused.message).toMatch(/cannot be forgotten: 1 thing\(s\) of it still exist: state bucket journal-lab-state-forg0001/);
    expect((await loadRunRecord(home, 'forg0001')).stage).toBe('deployed');

    const port = await freeLoopbackPort();
    await saveRunRecord(home, recordFor('forg0002', { ...target, endpoint: `http://127.0.0.1:${port}` }));
    expect((await forgetRun(home, 'forg0002')).state?.state).toBe('emulator-gone');
    expect(await loadRunRecord(home, 'forg0002')).toMatchObject({ stage: 'closed', closure: { reason: 'forgotten' } });
    expect(await forgetRun(home, 'forg0002')).toEqual({ alreadyFinished: 'closed' });
  });

  it('lab down on a run whose emulator is gone closes the record with the evidence, in about a second', async () => {
    const port = await freeLoopbackPort();
    const record = recordFor('gone0003', { ...emulator(), endpoint: `http://127.0.0.1:${port}` }, ['network', 'app']);
    await saveRunRecord(home, record);
    const started = Date.now();
    const report = await tearDownRun(home, record, quiet);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report).toMatchObject({ outcome: 'closed', targetState: 'emulator-gone', destroyed: [], leftovers: [] });
    expect(await loadRunRecord(home, 'gone0003')).toMatchObject({ stage: 'closed', stacksTouched: [], closure: { reason: 'emulator-gone' } });
    expect((await loadRunRecord(home, 'gone0003')).closure!.evidence.join(' ')).toMatch(/ECONNREFUSED/);
    expect((await tearDownRun(home, record, quiet)).outcome).toBe('already-finished');
  });

  it('live AWS unreachable: lab down keeps the record as it was and says what to retry', async () => {
    const port = await freeLoopbackPort();
    // Live AWS is reached through the SDK's defaults; AWS_ENDPOINT_URL points them at a dead loopback port so the
    // test sends nothing beyond this machine.
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
    try {
      const record = recordFor('awsu0001', { name: 'aws', region: 'us-east-1' });
      await saveRunRecord(home, record);
      const err = await tearDownRun(home, record, quiet).catch((e) => e);
      expect(err).toBeInstanceOf(EnvironmentError);
      expect(err.message).toMatch(/cannot be torn down now: AWS us-east-1 could not be asked/);
      expect(err.fix).toMatch(/lab down --run awsu0001/);
      expect(err.kept).toMatch(/run record is kept as it was \(stage deployed\)/);
      expect((await loadRunRecord(home, 'awsu0001')).stage).toBe('deployed');
    } finally {
      process.env = saved;
    }
  }, 60_000);
});
