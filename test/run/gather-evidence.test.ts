import { chmod, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import type { AwsLabContext, Lab } from '../../src/lab-api/lab.ts';
import { gatherEvidence } from '../../src/run/gather-evidence.ts';
import { PRIVATE_KEY } from '../report/builders.ts';

// Real snapshot files under a temporary LAB_HOME; the labs are small stand-ins whose collectors count their calls
// (the collectors are the boundary here: what is decided is whether they run at all).
function standIn(id: string, kind: 'aws' | 'local', tools: string[] = []): Lab & { calls: number } {
  const lab = {
    id,
    title: id,
    kind,
    tools,
    questions: [],
    claims: { lexicon: { concepts: {}, routing: {}, propositions: [] }, facts: {} },
    calls: 0,
    collect: async () => ({ id, call: ++lab.calls, secret: PRIVATE_KEY }),
  } as unknown as Lab & { calls: number };
  return lab;
}

const deployment = (runId: string): AwsLabContext => ({ target: 'moto', endpoint: 'http://127.0.0.1:5999', region: 'us-east-1', runId, stateBucket: 'b', outputs: {}, synthesized: {} });

describe('gatherEvidence: snapshots reused while what they came from is unchanged', () => {
  let home: string;
  let bin: string;
  const savedPath = process.env.PATH;
  const options = (extra: Partial<Parameters<typeof gatherEvidence>[1]> = {}) => ({ workDir: path.join(home, 'work'), signal: new AbortController().signal, log: () => {}, mode: 'auto' as const, snapshotHome: home, ...extra });

  beforeEach(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'jl-gather-'));
    bin = path.join(home, 'bin');
    await import('node:fs/promises').then((fs) => fs.mkdir(bin));
    await writeFile(path.join(bin, 'jl-fake-tool'), '#!/bin/sh\necho jl-fake-tool 1.0\n');
    await chmod(path.join(bin, 'jl-fake-tool'), 0o755);
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
  });
  afterEach(async () => {
    process.env.PATH = savedPath;
    await rm(home, { recursive: true, force: true });
  });

  it('collects once, stores target, run id, tool identity and time (redacted), then reuses it as fresh', async () => {
    const local = standIn('loc', 'local', ['jl-fake-tool']);
    const first = await gatherEvidence([local], options());
    expect(local.calls).toBe(1);
    expect(first.snapshots.loc).toMatchObject({ target: 'local', fresh: true, collected: true });
    const stored = JSON.parse(await readFile(path.join(home, 'evidence', 'loc.json'), 'utf8'));
    expect(stored).toMatchObject({ lab: 'loc', target: 'local', origin: 'run', recordedAt: first.snapshots.loc.recordedAt });
    expect(stored.collectedFrom.tools['jl-fake-tool']).toMatchObject({ path: path.join(bin, 'jl-fake-tool') });
    expect(stored.collectedFrom).toMatchObject({ node: process.version });
    expect(JSON.stringify(stored)).not.toMatch(/PRIVATE KEY-----/);

    const again = await gatherEvidence([local], options());
    expect(local.calls).toBe(1);
    expect(again.snapshots.loc).toEqual({ ...first.snapshots.loc, collected: false });
    expect(again.evidence.get('loc')).toEqual({ ok: true, evidence: stored.evidence });
  });

  it('collects again when a tool changed (installed, upgraded or removed), and always with --fresh', async () => {
    const local = standIn('loc', 'local', ['jl-fake-tool']);
    await gatherEvidence([local], options());
    await utimes(path.join(bin, 'jl-fake-tool'), new Date(), new Date(Date.now() + 5000));
    await gatherEvidence([local], options());
    expect(local.calls).toBe(2);
    await gatherEvidence([local], options({ mode: 'fresh' }));
    expect(local.calls).toBe(3);
    await rm(path.join(bin, 'jl-fake-tool'));
    await gatherEvidence([local], options());
    expect(local.calls).toBe(4);
  });

  it('an AWS lab: reused for the same deployment, collected for a new one, recorded (not fresh) when none is up', async () => {
    const aws = standIn('cloud', 'aws');
    await gatherEvidence([aws], options({ aws: deployment('run00001') }));
    await gatherEvidence([aws], options({ aws: deployment('run00001') }));
    expect(aws.calls).toBe(1);
    const second = await gatherEvidence([aws], options({ aws: deployment('run00002') }));
    expect(aws.calls).toBe(2);
    const none = await gatherEvidence([aws], options());
    expect(aws.calls).toBe(2);
    expect(none.snapshots.cloud).toEqual({ recordedAt: second.snapshots.cloud.recordedAt, target: 'moto', runId: 'run00002', fresh: false, collected: false });
  });

  it('--cached never collects, says which labs have no snapshot, and judges nothing then', async () => {
    const local = standIn('loc', 'local');
    const other = standIn('other', 'local');
    await gatherEvidence([local], options());
    const err = await gatherEvidence([local, other], options({ mode: 'cached' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toMatch(/no evidence has been recorded here for other/);
    expect(other.calls).toBe(0);
    const cached = await gatherEvidence([local], options({ mode: 'cached' }));
    expect(cached.snapshots.loc).toMatchObject({ fresh: true, collected: false });
    expect(local.calls).toBe(1);
  });
});
