/** Runs the health-check twin for real: HAProxy, two HTTPS backends, tcpdump + tshark on loopback. */
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLocalLabContext } from '../../src/lab-api/local-context.ts';
import { locateHaproxy } from '../../src/haproxy/locate.ts';
import lab from '../../labs/health-twin.ts';

const haproxy = locateHaproxy();
if (!haproxy.found) console.warn(`skipping health-twin collector test: ${haproxy.reason}`);

describe.skipIf(!haproxy.found)('health-twin collector (real HAProxy)', () => {
  it('measures down/up transitions inside the threshold windows and a TLS-only backend leg', async () => {
    const ctx = await createLocalLabContext(await mkdtemp(path.join(os.tmpdir(), 'health-twin-test-')));
    try {
      const e = await lab.collect(ctx);
      if (e.status !== 'observed') throw new Error(e.reason);
      for (const t of [e.becomingUnhealthy, e.becomingHealthy]) {
        expect(t.stateChangeMs).not.toBeNull();
        expect(t.stateChangeMs!).toBeGreaterThanOrEqual(t.expectedWindowMs.min - 150);
        expect(t.stateChangeMs!).toBeLessThanOrEqual(t.expectedWindowMs.max + 150);
      }
      expect(e.becomingUnhealthy.requestsAfterStateChange).toBe(0);
      expect(e.allUnhealthy.responses.every((r) => r.status === 503)).toBe(true);
      if (e.backendLeg.captured) {
        expect(e.backendLeg.nonTlsPayloadSegments).toBe(0);
        expect(e.backendLeg.plaintextHttpFound).toBe(false);
      } else {
        console.warn(`backend-leg capture not taken: ${e.backendLeg.reason}`);
      }
    } finally {
      expect(await ctx.teardown.run()).toEqual([]);
    }
  }, 90_000);
});
