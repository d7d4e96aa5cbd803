import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/toolchain/doctor.ts';
import { announceSkip } from '../support/prerequisites.ts';
import { runLab } from '../support/run-lab.ts';
import { findExecutable } from '../../src/toolchain/which.ts';

// LocalStack (through testcontainers) and live AWS are supported targets for users with an auth token or an account.
// Where they cannot run, their tests skip with the reason printed; what can always be checked is that asking for
// them without their prerequisite fails clearly and leaves nothing behind. The moto-container target runs for real
// in test/integration/moto-container.test.ts; LocalStack's own answers are checked in test/targets/localstack.test.ts.
const docker = (await runDoctor(process.env, { only: ['docker'] })).checks[0];
const noDocker = docker.found ? undefined : `no Docker engine (${docker.detail ?? docker.fix ?? 'docker check failed'})`;
const localStackImage = process.env.LAB_LOCALSTACK_IMAGE ?? 'localstack/localstack:4';
const noLocalStack =
  noDocker ??
  (process.env.LOCALSTACK_AUTH_TOKEN ? undefined : 'no LOCALSTACK_AUTH_TOKEN (LocalStack refuses to start without one since 2026-03, and ELBv2 needs a paid plan)') ??
  (imagePresent(localStackImage) ? undefined : `no ${localStackImage} image on this machine, and no registry to pull it from`);
announceSkip('LocalStack deploy test', noLocalStack);

const awsOptIn = process.env.LAB_TEST_AWS === '1' ? undefined : 'live AWS costs money: set LAB_TEST_AWS=1 with credentials to run it';
announceSkip('live AWS test', awsOptIn);

// An engine socket nothing listens on: "Docker installed, engine stopped", whether or not an engine runs here.
const NO_ENGINE = { DOCKER_HOST: 'unix:///nonexistent/journal-lab-no-engine.sock' };

describe('container targets without what they need', () => {
  it('without a Docker engine, --target localstack fails clearly, keeps the token out of every message, and leaves nothing', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-ls-'));
    const token = 'ls-journal-lab-test-token-not-a-secret';
    const r = await runLab(['up', '--target', 'localstack'], { LAB_HOME: home, LOCALSTACK_AUTH_TOKEN: token, ...NO_ENGINE }, 120_000);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/The localstack container \(localstack\/localstack:4\) could not be started/);
    expect(r.stderr).toMatch(/fix: Start the Docker engine/);
    expect(r.stdout + r.stderr).not.toContain(token);
    const status = await runLab(['status', '--json'], { LAB_HOME: home });
    expect(status.json.runs).toEqual([]);
  }, 150_000);

  it('without LOCALSTACK_AUTH_TOKEN, --target localstack says so before starting anything', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-ls-'));
    const r = await runLab(['up', '--target', 'localstack'], { LAB_HOME: home, LOCALSTACK_AUTH_TOKEN: '' }, 120_000);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/LocalStack needs LOCALSTACK_AUTH_TOKEN/);
    expect(r.stderr).toMatch(/fix: .*moto-container/);
    expect(existsSync(path.join(home, 'runs')) ? readdirSync(path.join(home, 'runs')) : []).toEqual([]);
  }, 150_000);

  it('without a Docker engine, --target moto-container fails clearly and leaves nothing', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-mc-'));
    const r = await runLab(['up', '--target', 'moto-container'], { LAB_HOME: home, ...NO_ENGINE }, 120_000);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/The moto container \(motoserver\/moto\) could not be started/);
    expect(r.stderr).toMatch(/engine is stopped|no engine/);
    expect(r.stderr).toMatch(/fix: Start the Docker engine: `npm run setup -- --with-docker`/);
    const status = await runLab(['status', '--json'], { LAB_HOME: home });
    expect(status.json.runs).toEqual([]);
  }, 150_000);

  it('--image applies to the container targets only', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-mc-'));
    const r = await runLab(['up', '--image', 'motoserver/moto'], { LAB_HOME: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--image applies to the container targets/);
  });
});

describe('LocalStack target', () => {
  it.skipIf(!!noLocalStack)('deploys and destroys both tiers on LocalStack', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-ls-'));
    const up = await runLab(['up', '--target', 'localstack', '--json'], { LAB_HOME: home }, 1_200_000);
    expect(up.code, up.stderr).toBe(0);
    expect(up.json.outputs.app.vpc_id).toBe(up.json.outputs.network.vpc_id);
    const down = await runLab(['down', '--json'], { LAB_HOME: home }, 1_200_000);
    expect(down.code, down.stderr).toBe(0);
    expect(down.json.runs[0].leftovers).toEqual([]);
  }, 2_400_000);
});

describe('live AWS target', () => {
  it('refuses without --accept-aws-costs, before touching anything', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-aws-'));
    const r = await runLab(['up', '--target', 'aws'], { LAB_HOME: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/billable resources/);
    expect(r.stderr).toMatch(/--accept-aws-costs/);
  });

  it.skipIf(!!awsOptIn)('runs the two-tier lab on AWS and tears it down', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-aws-'));
    const r = await runLab(['run', 'two-tier', '--target', 'aws', '--accept-aws-costs', '--no-write', '--json'], { LAB_HOME: home }, 3_000_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.teardown.leftovers).toEqual([]);
  }, 3_600_000);
});

function imagePresent(ref: string): boolean {
  const docker = findExecutable('docker');
  if (!docker) return false;
  try {
    execFileSync(docker, ['image', 'inspect', ref], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
