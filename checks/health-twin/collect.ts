/**
 * Runs the HAProxy twin of the target group's health checks in front of two real HTTPS backends with self-signed
 * certificates and measures what happens when one backend, then every backend, starts failing its health check.
 */
import { notObserved } from '../../src/model/observed.ts';
import type { LabContext } from '../../src/lab-api/lab.ts';
import { healthCheck } from '../../stacks/settings.ts';
import { createSelfSignedCertificate, forHost } from '../../src/certs/local-ca.ts';
import { writeHaproxyCrtFile } from '../../src/haproxy/crt-file.ts';
import { freeLoopbackPort } from '../../src/targets/free-port.ts';
import { startHttpsBackend, type HttpsBackend } from '../../src/haproxy/https-backend.ts';
import { probeHttps, type ProbeResult } from '../../src/haproxy/https-probe.ts';
import { locateHaproxy } from '../../src/haproxy/locate.ts';
import { socketDir, startHaproxy } from '../../src/haproxy/process.ts';
import { showStat } from '../../src/haproxy/stats.ts';
import { haproxyVersion } from '../../src/haproxy/version.ts';
import { captureBackendLeg } from './capture-backend-leg.ts';
import type { HealthTwinEvidence, TransitionTiming } from './evidence.ts';
import { twinConfig, twinSettings, type TwinSettings } from './twin-config.ts';

/** 10 s interval → 500 ms: fast enough for seconds-long experiments, slow enough for loopback timing jitter. */
export const TIME_SCALE_FACTOR = 20;
const POLL_MS = 20;
const TRAFFIC_GAP_MS = 40;

export async function collectHealthTwin(ctx: LabContext): Promise<HealthTwinEvidence> {
  const started = Date.now();
  const haproxy = locateHaproxy();
  if (!haproxy.found) return notObserved(haproxy.reason);
  const settings = twinSettings(healthCheck, TIME_SCALE_FACTOR);
  const version = await haproxyVersion(haproxy.path, ctx.signal);

  const certs = await Promise.all(['t1.twin.test', 't2.twin.test', 'lb.twin.test'].map((n) => createSelfSignedCertificate(forHost(n))));
  const [t1, t2] = await Promise.all(['t1', 't2'].map((name, i) => startHttpsBackend({ name, certPem: certs[i]!.certPem, keyPem: certs[i]!.keyPem, teardown: ctx.teardown })));
  const targets = [t1!, t2!];
  const sockets = await socketDir(ctx.teardown);
  const crt = await writeHaproxyCrtFile(sockets, 'lb', certs[2]!);
  const topology = { statsSocket: `${sockets}/twin.sock`, listenPort: await freeLoopbackPort(), targets: targets.map((t) => ({ name: t.name, port: t.port })) };
  const config = twinConfig(topology, settings, crt);
  const lb = await startHaproxy({ bin: haproxy.path, config, workDir: ctx.workDir, name: 'health-twin', teardown: ctx.teardown, waitForPorts: [topology.listenPort], signal: ctx.signal });
  const state = async (name: string) => (await showStat(topology.statsSocket)).find((s) => s.proxy === 'be_targets' && s.server === name)?.status ?? 'absent';
  const waitFor = (names: string[], wanted: string, limitMs: number) => waitForState(ctx, state, names, wanted, limitMs);
  const request = () => probeHttps({ port: topology.listenPort, path: '/app', servername: 'lb.twin.test', timeoutMs: 2_000 });

  const limit = settings.intervalMs * (Math.max(settings.rise, settings.fall) + 4);
  if ((await waitFor(['t1', 't2'], 'UP', limit)) === null) throw new Error(`the twin's targets did not come UP within ${limit} ms: ${await state('t1')}, ${await state('t2')}`);

  const backendLeg = await captureBackendLeg(ctx, targets.map((t) => t.port), async () => {
    const handshakesBefore = t1!.handshakes() + t2!.handshakes();
    let requests = 0;
    for (let i = 0; i < 6; i++, requests++) await request();
    await sleep(settings.intervalMs, ctx.signal); // lets health checks land in the capture too
    return { requests, handshakes: t1!.handshakes() + t2!.handshakes() - handshakesBefore };
  });

  const traffic = startTraffic(request, ctx.signal);
  try {
    // One target starts failing its health check (it still serves other paths, like a half-broken app).
    const failAt = Date.now();
    t1!.setHealthy(false);
    const downAt = await waitFor(['t1'], 'DOWN', limit);
    await sleep(settings.intervalMs * 2, ctx.signal);
    const t1AppAfter = (since: number) => appRequests(t1!).filter((at) => at >= since);
    const lastServed = appRequests(t1!).filter((at) => at >= failAt).pop();
    const becomingUnhealthy: TransitionTiming = {
      ...timing(settings, settings.fall, downAt, failAt, lastServed ?? null),
      requestsAfterStateChange: downAt === null ? 0 : t1AppAfter(downAt + 5).length,
    };

    const recoverAt = Date.now();
    t1!.setHealthy(true);
    const upAt = await waitFor(['t1'], 'UP', limit);
    await sleep(settings.intervalMs, ctx.signal);
    const firstServed = t1AppAfter(recoverAt)[0];
    const becomingHealthy = timing(settings, settings.rise, upAt, recoverAt, firstServed ?? null);

    // Every target fails: what does the twin do with a request now?
    const stateSeen: string[] = [];
    for (const t of targets) t.setHealthy(false);
    await waitFor(['t1', 't2'], 'DOWN', limit);
    await traffic.stop();
    const before = targets.reduce((n, t) => n + appRequests(t).length, 0);
    const responses: ProbeResult[] = [];
    for (let i = 0; i < 3; i++) responses.push(await request());
    stateSeen.push(`t1 ${await state('t1')}`, `t2 ${await state('t2')}`);
    const after = targets.reduce((n, t) => n + appRequests(t).length, 0);
    for (const t of targets) t.setHealthy(true);

    return {
      status: 'observed',
      haproxyVersion: version,
      durationMs: Date.now() - started,
      settings,
      config,
      targets: targets.map((t, i) => ({ name: t.name, certificate: certs[i]!.info })),
      measuredCheckIntervalMs: checkInterval(t2!),
      becomingUnhealthy,
      becomingHealthy,
      allUnhealthy: {
        responses: responses.map((r) => ({ status: r.status, error: r.error })),
        requestsReachingTargets: after - before,
        stateSeen,
      },
      haproxyLog: [...new Set(lb.logLines().filter((l) => /is (UP|DOWN)|no server available/i.test(l)).map(withoutPid))],
      backendLeg,
    };
  } finally {
    await traffic.stop();
  }
}

function withoutPid(line: string): string {
  // HAProxy writes each event to stderr (with level and pid) and to the stdout log: keep one plain copy.
  return line.replace(/^\[(\w+)\]\s+\(\d+\)\s*:\s*/, '').replace(/'(be_\w+)'/, '$1');
}

function timing(s: TwinSettings, threshold: number, changedAt: number | null, from: number, trafficAt: number | null): TransitionTiming {
  const stateChangeMs = changedAt === null ? null : changedAt - from;
  return {
    stateChangeMs,
    trafficMs: trafficAt === null ? null : trafficAt - from,
    expectedWindowMs: { min: (threshold - 1) * s.intervalMs, max: threshold * s.intervalMs + s.timeoutMs },
    scaledBackSeconds: stateChangeMs === null ? null : Math.round((stateChangeMs * s.timeScaleFactor) / 100) / 10,
  };
}

/** Absolute times of the client (non-health-check) requests a backend served. */
function appRequests(b: HttpsBackend): number[] {
  return b.requests().filter((r) => r.path !== '/healthz').map((r) => b.startedAt + r.atMs);
}

function checkInterval(b: HttpsBackend): { mean: number; samples: number } {
  const times = b.requests().filter((r) => r.path === '/healthz').map((r) => r.atMs);
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  return { mean: gaps.length ? Math.round(gaps.reduce((a, g) => a + g, 0) / gaps.length) : 0, samples: gaps.length };
}

/** Polls HAProxy's stats until every named server shows `wanted`; returns when (ms epoch) or null on time-out. */
async function waitForState(ctx: LabContext, state: (n: string) => Promise<string>, names: string[], wanted: string, limitMs: number): Promise<number | null> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const states = await Promise.all(names.map(state));
    if (states.every((s) => s === wanted)) return Date.now();
    await sleep(POLL_MS, ctx.signal);
  }
  return null;
}

/** Sequential requests through the twin until stopped (bounded in count, too). */
function startTraffic(request: () => Promise<ProbeResult>, signal: AbortSignal) {
  let running = true;
  const loop = (async () => {
    for (let i = 0; running && i < 2_000 && !signal.aborted; i++) {
      await request();
      await sleep(TRAFFIC_GAP_MS);
    }
  })();
  return { stop: async () => { running = false; await loop; } };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const onAbort = () => { clearTimeout(t); reject(new Error('aborted')); };
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
