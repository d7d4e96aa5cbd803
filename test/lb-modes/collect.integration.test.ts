/** Runs the lb-modes collectors for real: HAProxy on loopback, and the ELBv2 API on a moto server started here. */
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLocalLabContext } from '../../src/lab-api/local-context.ts';
import { locateHaproxy } from '../../src/haproxy/locate.ts';
import { collectLocalDataPlane } from '../../checks/lb-modes/collect-data-plane.ts';
import { collectListenerProtocolEvidence } from '../../checks/lb-modes/collect-api.ts';
import { createAppTierOnMoto, motoAvailable, startMoto } from './moto-app-tier.ts';

const haproxy = locateHaproxy();
if (!haproxy.found) console.warn(`skipping lb-modes data-plane test: ${haproxy.reason}`);
const noMoto = await motoAvailable();
if (noMoto) console.warn(`skipping lb-modes API test: ${noMoto}`);

const context = async () => createLocalLabContext(await mkdtemp(path.join(os.tmpdir(), 'lb-modes-test-')));

describe('lb-modes collectors (real)', () => {
  it.skipIf(!haproxy.found)('HTTP mode shows the LB certificate and X-Forwarded-For; TCP mode the backend certificate and none; in under 60 s', async () => {
    const ctx = await context();
    try {
      const e = await collectLocalDataPlane(ctx);
      if (e.status !== 'observed') throw new Error(e.reason);
      expect(e.durationMs).toBeLessThan(60_000);
      const proxied = e.proxy.probes[0]!;
      expect(proxied.client.certificateSubject).toMatch(/CN=lb\.test/);
      expect(proxied.backend).toMatchObject({ peerAddress: e.addresses.lbSource, xForwardedFor: e.addresses.client });
      const passed = e.passThrough.probes[0]!;
      expect(passed.client.certificateSubject).toMatch(/CN=api\.backend\.test/);
      expect(passed.backend?.xForwardedFor).toBeNull();
      expect(e.passThrough.probes[1]!.client.servedBy).toBe('web');
      expect(e.proxy.cache.backendHits).toBe(1);
      expect(JSON.stringify(e)).not.toMatch(/PRIVATE KEY/);
    } finally {
      expect(await ctx.teardown.run()).toEqual([]);
    }
  }, 90_000);

  it.skipIf(Boolean(noMoto))('the ELBv2 API on moto refuses TCP/TLS listeners on the ALB and takes TCP on the NLB', async () => {
    const ctx = await context();
    try {
      const moto = await startMoto(ctx.teardown);
      ctx.aws = await createAppTierOnMoto(moto.endpoint);
      const e = await collectListenerProtocolEvidence(ctx);
      if (e.status !== 'observed') throw new Error(e.reason);
      expect(e.attempts.filter((a) => a.loadBalancer === 'alb').map((a) => a.outcome)).toEqual(['refused', 'refused']);
      expect(e.attempts.find((a) => a.loadBalancer === 'nlb')).toMatchObject({ outcome: 'accepted', deleted: true });
      expect(e.nlb.listenerProtocols).toContain('TCP:443');
    } finally {
      expect(await ctx.teardown.run()).toEqual([]);
    }
  }, 90_000);

  it('without a deployment the API part says so', async () => {
    const ctx = await context();
    expect(await collectListenerProtocolEvidence(ctx)).toEqual({ status: 'unverifiable', reason: expect.stringMatching(/no deployment/) });
  });
});
