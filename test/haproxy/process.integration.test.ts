import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TeardownStack } from '../../src/run/teardown.ts';
import { locateHaproxy } from '../../src/haproxy/locate.ts';
import { baseSections, renderHaproxyConfig } from '../../src/haproxy/config.ts';
import { freeLoopbackPort } from '../../src/targets/free-port.ts';
import { socketDir, startHaproxy, checkHaproxyConfig } from '../../src/haproxy/process.ts';
import { showStat } from '../../src/haproxy/stats.ts';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';

const haproxy = locateHaproxy();
if (!haproxy.found) console.warn(`skipping HAProxy process tests: ${haproxy.reason}`);

describe.skipIf(!haproxy.found)('HAProxy process (real haproxy)', () => {
  const teardown = new TeardownStack();
  afterEach(async () => { expect(await teardown.run()).toEqual([]); });

  it('starts, answers on its stats socket, and is gone after the teardown', async () => {
    const bin = (haproxy as { path: string }).path;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hap-test-'));
    const sockets = await socketDir(teardown);
    const port = await freeLoopbackPort();
    const config = renderHaproxyConfig([
      ...baseSections({ statsSocket: `${sockets}/s.sock`, mode: 'tcp' }),
      { kind: 'frontend', name: 'fe', lines: [`bind 127.0.0.1:${port}`, 'default_backend be'] },
      { kind: 'backend', name: 'be', lines: ['server nowhere 127.0.0.1:9'] },
    ]);
    const lb = await startHaproxy({ bin, config, workDir: dir, name: 't', teardown, waitForPorts: [port] });
    const stats = await showStat(`${sockets}/s.sock`);
    expect(stats.map((s) => `${s.proxy}/${s.server}`)).toContain('be/nowhere');
    await teardown.run();
    const stillListening = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    expect(stillListening).toBe(false);
    expect(lb.pid).toBeGreaterThan(0);
  });

  it('reports HAProxy\'s own warnings for a config', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hap-test-'));
    const file = path.join(dir, 'c.cfg');
    await writeFile(file, renderHaproxyConfig([
      ...baseSections({ statsSocket: `${dir}/s.sock`, mode: 'tcp' }),
      { kind: 'frontend', name: 'fe', lines: ['bind 127.0.0.1:1', 'option forwardfor', 'default_backend be'] },
      { kind: 'backend', name: 'be', lines: ['server x 127.0.0.1:9'] },
    ]));
    const check = await checkHaproxyConfig((haproxy as { path: string }).path, file);
    expect(check.valid).toBe(true);
    expect(check.messages.join('\n')).toMatch(/forwardfor' ignored .* requires HTTP mode/);
  });
});
