import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findMotoServer, inspectMoto } from '../../src/toolchain/moto.ts';
import { runBounded } from '../../src/toolchain/run-bounded.ts';
import { pathHiding, tempDir } from './path-helpers.ts';

const real = await findMotoServer();
if (!real) console.warn('skipping moto tests: neither moto_server nor python3 with moto[server] is available');

describe('findMotoServer', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir, remove } = await tempDir('moto')));
  afterEach(() => remove());

  it.skipIf(!real)('finds a server command that really starts (its --help exits 0) and a version', async () => {
    expect(real!.version).toMatch(/^\d+\.\d+/);
    const r = await runBounded(real!.command, [...real!.args, '--help'], { timeoutMs: 15_000 });
    expect(r.ok, r.stderr).toBe(true);
    expect(r.stdout).toMatch(/usage:/);
  });

  it.skipIf(!real)('without moto_server on PATH falls back to python3 -m moto.server', async () => {
    const env = { ...process.env, PATH: await pathHiding(['moto_server'], dir) };
    const m = await findMotoServer(env);
    expect(m).toMatchObject({ args: ['-m', 'moto.server'] });
    expect(m!.command.endsWith('python3')).toBe(true);
    expect(m!.version).toBe(real!.version);
  });

  it('says why there is none when python3 and moto_server are both absent', async () => {
    const env = { ...process.env, PATH: await pathHiding(['moto_server', 'python3'], dir) };
    expect(await inspectMoto(env)).toEqual({ detail: 'neither moto_server nor python3 is on PATH' });
  });
});
