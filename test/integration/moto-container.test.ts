import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceSkip, deploymentPrerequisitesMissing } from '../support/prerequisites.ts';
import { containerEngineMissing, labelledContainers, localEmulatorImage } from '../support/container-engine.ts';
import { runLab } from '../support/run-lab.ts';
import { findExecutable } from '../../src/toolchain/which.ts';

// The container target for real: a real Docker engine, testcontainers' GenericContainer, the moto image built on
// this machine (no registry can be reached), real terraform. CI starts the engine with `npm run setup -- --with-docker`.
const missing = (await deploymentPrerequisitesMissing()) ?? (await containerEngineMissing());
const image = missing ? {} : localEmulatorImage();
const skipReason = missing ?? image.missing;
announceSkip('moto-container tests', skipReason);

const records = (home: string) => {
  const runs = path.join(home, 'runs');
  return existsSync(runs) ? readdirSync(runs).filter((id) => existsSync(path.join(runs, id, 'run.json'))).map((id) => JSON.parse(readFileSync(path.join(runs, id, 'run.json'), 'utf8'))) : [];
};

/** Polls the run records and acts once when `when` holds for one; returns the stop function. */
function onceRecord(home: string, when: (record: any) => boolean, act: (record: any) => void): () => void {
  const timer = setInterval(() => {
    const hit = records(home).find(when);
    if (hit) {
      clearInterval(timer);
      act(hit);
    }
  }, 100);
  return () => clearInterval(timer);
}

describe.skipIf(!!skipReason)('--target moto-container with the locally built image', () => {
  it('lab run all on a copy of the shipped journal: deploys in the container, judges, removes the container; nothing left', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-mc-'));
    const journal = path.join(home, 'journal-week.md');
    copyFileSync('journals/journal-week.md', journal);
    const run = await runLab(['run', 'all', '--target', 'moto-container', '--image', image.tag!, '--journal', journal, '--json'], { LAB_HOME: home }, 1_200_000);
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    expect(run.json.teardown.leftovers).toEqual([]);
    expect(run.json.teardown.destroyed).toEqual(['app', 'network']);
    expect(run.json.teardown.stopped).toMatch(/^moto container [0-9a-f]{12} \(removed\)$/);
    const [record] = records(home);
    expect(record.stage).toBe('destroyed');
    expect(record.target).toMatchObject({ name: 'moto-container', started: { kind: 'container', image: image.tag, runId: record.runId } });
    expect(record.target.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(labelledContainers(record.runId)).toEqual([]);
    expect(run.json.questions.find((q: { key: string }) => q.key === 'two-tier/remote-state').verdict).toBe('partly-confirmed');
    const status = await runLab(['status', '--json'], { LAB_HOME: home });
    expect(status.json.runs).toEqual([]);
  }, 1_300_000);

  it('publishes on 127.0.0.1 only; a crash (lab killed) leaves the container on record and lab down removes it', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-mc-'));
    const child = spawn(process.execPath, ['bin/lab.js', 'up', '--target', 'moto-container', '--image', image.tag!], { env: { ...process.env, LAB_HOME: home }, stdio: 'ignore', detached: true });
    let bindings: { HostIp: string }[] = [];
    // SIGKILL to the whole process group once the emulator answers: no handler runs, nothing is torn down.
    const stop = onceRecord(home, (r) => !!r.target?.endpoint, (r) => {
      bindings = inspectBindings(r.target.started.containerId);
      process.kill(-child.pid!, 'SIGKILL');
    });
    await new Promise((resolve) => child.once('exit', resolve));
    stop();
    const [crashed] = records(home);
    expect(crashed.target.started.kind).toBe('container');
    expect(bindings.length).toBeGreaterThan(0);
    expect(bindings.every((b) => b.HostIp === '127.0.0.1')).toBe(true);
    expect(labelledContainers(crashed.runId)).toHaveLength(1); // the crash left it running, on record
    await new Promise((r) => setTimeout(r, 2000)); // terraform, if it had started, dies with its group
    const down = await runLab(['down', '--json'], { LAB_HOME: home }, 600_000);
    expect(down.code, down.stderr.slice(-3000)).toBe(0);
    expect(down.json.runs[0].leftovers).toEqual([]);
    expect(down.json.runs[0].stopped).toMatch(/moto container .* \(removed\)/);
    expect(labelledContainers(crashed.runId)).toEqual([]);
    // Killed as soon as the emulator answered: when nothing of the run reached it yet, the run is closed with the
    // evidence that decided it (no state bucket, 0 tagged resources) rather than destroyed.
    const after = records(home)[0];
    expect(['closed', 'destroyed']).toContain(after.stage);
    if (after.stage === 'closed') expect(after.closure.evidence.join(' ')).toMatch(/state bucket|tagged/);
  }, 900_000);

  it('Ctrl-C during the deploy tears the stacks down and removes the container', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-mc-'));
    let labPid = 0;
    const stop = onceRecord(home, (r) => r.stacksTouched?.includes('network'), () => labPid && process.kill(labPid, 'SIGINT'));
    const r = await runLab(['up', '--target', 'moto-container', '--image', image.tag!], { LAB_HOME: home }, 900_000, (pid) => (labPid = pid));
    stop();
    expect(r.code, r.stderr.slice(-3000)).toBe(4);
    expect(r.stderr).toMatch(/Interrupted \(SIGINT\)/);
    const [record] = records(home);
    expect(record.stage).toBe('destroyed');
    expect(record.stacksTouched).toEqual([]);
    expect(labelledContainers(record.runId)).toEqual([]);
  }, 900_000);

  it('a container removed by hand after lab up: status says the emulator is gone, lab down closes the run', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-mc-'));
    const up = await runLab(['up', '--target', 'moto-container', '--image', image.tag!, '--network-only', '--json'], { LAB_HOME: home }, 900_000);
    expect(up.code, up.stderr.slice(-3000)).toBe(0);
    const [record] = records(home);
    execFileSync(findExecutable('docker')!, ['rm', '-f', record.target.started.containerId], { stdio: 'ignore' });
    const status = await runLab(['status', '--json'], { LAB_HOME: home }, 120_000);
    expect(status.json.runs.map((r: { targetState: { state: string } }) => r.targetState.state)).toEqual(['emulator-gone']);
    const down = await runLab(['down', '--json'], { LAB_HOME: home }, 300_000);
    expect(down.code, down.stderr.slice(-3000)).toBe(0);
    expect(down.json.runs[0]).toMatchObject({ outcome: 'closed', targetState: 'emulator-gone' });
    expect(down.json.runs[0].evidence.join(' ')).toMatch(/container .* is not running/);
    expect(records(home)[0].stage).toBe('closed');
    expect(labelledContainers(record.runId)).toEqual([]);
    expect((await runLab(['status', '--json'], { LAB_HOME: home }, 120_000)).json.runs).toEqual([]);
  }, 900_000);

  it('afterwards no container carries the harness label from these runs', () => {
    // Every run above checked its own label; this is the sweep across all runs of this engine.
    expect(labelledContainers()).toEqual([]);
  });
});

function inspectBindings(containerId: string): { HostIp: string }[] {
  const ports = JSON.parse(execFileSync(findExecutable('docker')!, ['inspect', '--format', '{{json .HostConfig.PortBindings}}', containerId], { encoding: 'utf8' }));
  return Object.values(ports).flat() as { HostIp: string }[];
}
