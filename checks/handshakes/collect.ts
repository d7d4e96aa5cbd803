/** The handshakes lab's collector: loopback experiments and the keepalive namespace experiment run side by side. */
import os from 'node:os';
import type { LabContext } from '../../src/lab-api/lab.ts';
import { probeNetCapabilities, type NetCapabilities } from '../../src/net/capabilities.ts';
import { collectKeepaliveEvidence, readKeepaliveDefaults } from './collect-keepalive.ts';
import { collectLoopbackEvidence } from './collect-loopback.ts';
import type { HandshakesEvidence } from './evidence.ts';

async function timed<T>(durations: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    durations[name] = Math.round(performance.now() - start);
  }
}

/** A broken experiment becomes an `error` part with its message, never a silent gap. */
const broken = (err: unknown) => ({ status: 'error' as const, reason: `The experiment failed: ${err instanceof Error ? err.message : String(err)}` });

export async function collectHandshakesEvidence(ctx: LabContext, caps: NetCapabilities = probeNetCapabilities()): Promise<HandshakesEvidence> {
  const durationsMs: Record<string, number> = {};
  const [loopback, keepalive, keepaliveDefaults] = await Promise.allSettled([
    timed(durationsMs, 'loopback', () => collectLoopbackEvidence(ctx, caps)),
    timed(durationsMs, 'keepalive', () => collectKeepaliveEvidence(ctx, caps)),
    readKeepaliveDefaults(),
  ]);
  if (ctx.signal.aborted) throw new Error('handshakes lab aborted');
  const loop = loopback.status === 'fulfilled' ? loopback.value : { tcpHandshake: broken(loopback.reason), tls: broken(loopback.reason), sessions: broken(loopback.reason) };
  return {
    collectedAt: new Date().toISOString(),
    platform: { node: process.versions.node, openssl: process.versions.openssl, libuv: process.versions.uv, kernel: os.release() },
    ...loop,
    keepaliveDefaults: keepaliveDefaults.status === 'fulfilled' ? keepaliveDefaults.value : broken(keepaliveDefaults.reason),
    keepalive: keepalive.status === 'fulfilled' ? keepalive.value : broken(keepalive.reason),
    durationsMs,
  };
}
