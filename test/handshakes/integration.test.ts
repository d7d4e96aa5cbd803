/**
 * Runs both packet labs for real (tcpdump, tshark, namespaces, iptables, real TLS) and checks the run is
 * bounded and leaves nothing behind. Without root or the tools, the labs must degrade with a stated reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import certificates from '../../labs/certificates.ts';
import handshakes from '../../labs/handshakes.ts';
import { createLocalLabContext } from '../../src/lab-api/local-context.ts';
import { probeNetCapabilities } from '../../src/net/capabilities.ts';

const caps = probeNetCapabilities();
const capable = caps.capture.ok && caps.namespaces.ok;
if (!capable) console.warn(`handshakes/certificates integration: running degraded (${caps.capture.ok ? '' : caps.capture.reason} ${caps.namespaces.ok ? '' : caps.namespaces.reason})`);

const netnsNames = () => (caps.tools.ip ? execFileSync(caps.tools.ip, ['netns', 'list'], { encoding: 'utf8' }).split('\n').map((l) => l.split(' ')[0]).filter(Boolean) : []);
const childCommands = () => {
  try {
    return execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n').map((s) => s.trim()).filter(Boolean);
  } catch {
    return [];
  }
};

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('packet labs, for real', () => {
  it('collect handshakes and certificates in under 30 s and remove every namespace and process', { timeout: 60_000 }, async () => {
    const before = netnsNames();
    const started = performance.now();
    const results: Record<string, unknown> = {};
    for (const lab of [handshakes, certificates]) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `it-${lab.id}-`));
      dirs.push(dir);
      const ctx = await createLocalLabContext(dir);
      try {
        results[lab.id] = await lab.collect(ctx);
      } finally {
        expect(await ctx.teardown.run()).toEqual([]);
      }
    }
    const elapsed = performance.now() - started;
    console.warn(`packet labs collected in ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(30_000);
    expect(netnsNames().filter((n) => n.startsWith('jl-') && !before.includes(n))).toEqual([]);
    expect(childCommands().filter((c) => /tcpdump|node|ip/.test(c) && c !== 'ps')).toEqual([]);

    const h = results.handshakes as Record<string, { status: string; reason?: string }>;
    const c = results.certificates as Record<string, { status: string; reason?: string }>;
    expect(JSON.stringify(results)).not.toMatch(/PRIVATE KEY/);
    if (capable) {
      for (const part of ['tcpHandshake', 'tls', 'keepalive', 'sessions']) expect(h[part]!.status, `${part}: ${h[part]!.reason}`).toBe('observed');
      for (const part of ['validation', 'encryption']) expect(c[part]!.status, `${part}: ${c[part]!.reason}`).toBe('observed');
      const keepalive = results.handshakes as { keepalive: { keepalive: { errorCode?: string }; plain: { probes: number } } };
      expect(keepalive.keepalive.keepalive.errorCode).toBe('ETIMEDOUT');
      expect(keepalive.keepalive.plain.probes).toBe(0);
    } else {
      expect(h.keepalive!.status).toBe('unverifiable');
      expect(h.keepalive!.reason).toBeTruthy();
    }
  });
});
