import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/toolchain/doctor.ts';
import { announceSkip } from '../support/prerequisites.ts';
import { runLab } from '../support/run-lab.ts';

// LocalStack (through testcontainers) and live AWS are supported targets for users with Docker or an account.
// Where they cannot run, their tests skip with the reason printed; what can always be checked is that asking for
// them without their prerequisite fails clearly and leaves nothing behind.
const docker = (await runDoctor(process.env, { only: ['docker'] })).checks[0];
const noDocker = docker.found ? undefined : `no Docker engine (${docker.detail ?? docker.fix ?? 'docker check failed'})`;
announceSkip('LocalStack deploy test', noDocker);

const awsOptIn = process.env.LAB_TEST_AWS === '1' ? undefined : 'live AWS costs money: set LAB_TEST_AWS=1 with credentials to run it';
announceSkip('live AWS test', awsOptIn);

describe('LocalStack target', () => {
  it.skipIf(!noDocker)('without a Docker engine, --target localstack fails clearly and leaves nothing', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'jl-ls-'));
    const r = await runLab(['up', '--target', 'localstack'], { LAB_HOME: home }, 120_000);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/LocalStack could not be started/);
    expect(r.stderr).toMatch(/fix: LocalStack needs a running Docker engine/);
    const status = await runLab(['status', '--json'], { LAB_HOME: home });
    expect(status.json.runs).toEqual([]);
  }, 150_000);

  it.skipIf(!!noDocker)('deploys and destroys both tiers on LocalStack', async () => {
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
