/**
 * TCP keepalive, measured: a client in one namespace, a silent server in another, joined by a veth pair. A plain
 * connection and one with `setKeepAlive(true, 1000)` sit idle; then an iptables DROP in the server's namespace
 * makes the peer vanish without a RST, and the lab times how long until the application hears of it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabContext } from '../../src/lab-api/lab.ts';
import { PROJECT_ROOT } from '../../src/project-root.ts';
import type { NetCapabilities } from '../../src/net/capabilities.ts';
import { startCapture } from '../../src/net/capture.ts';
import { spawnLineProcess } from '../../src/net/line-process.ts';
import { createNetnsPair, dropTrafficFrom, setNamespaceSysctl } from '../../src/net/netns.ts';
import { decodeTcpSegments } from '../../src/net/tshark.ts';
import type { HandshakesEvidence, KeepaliveDefaults, KeepaliveObservation, SegmentView } from './evidence.ts';
import type { Observed } from '../../src/model/observed.ts';
import { analyseKeepaliveProbes } from './keepalive-analysis.ts';
import { segmentViews } from './collect-loopback.ts';

const PEER_SCRIPT = path.join(PROJECT_ROOT, 'checks', 'handshakes', 'keepalive-peer.mjs');
const PORT = 7000;
const NODE_INITIAL_DELAY_MS = 1000;
/** Namespace sysctls chosen to differ from what Node/libuv might set, so the capture shows whose values apply. */
const NAMESPACE_SYSCTLS: KeepaliveDefaults = { time: 2, intvl: 2, probes: 2 };
/** Long enough for one answered probe after the 1 s idle time. */
const CUT_AFTER_MS = 1600;
const DETECTION_DEADLINE_MS = 20_000;

export async function readKeepaliveDefaults(): Promise<Observed<KeepaliveDefaults>> {
  try {
    const read = async (name: string) => Number((await readFile(`/proc/sys/net/ipv4/tcp_keepalive_${name}`, 'utf8')).trim());
    return { status: 'observed', time: await read('time'), intvl: await read('intvl'), probes: await read('probes') };
  } catch (err) {
    return { status: 'unverifiable', reason: `Cannot read /proc/sys/net/ipv4/tcp_keepalive_* (${(err as Error).message}); this needs Linux.` };
  }
}

export async function collectKeepaliveEvidence(ctx: LabContext, caps: NetCapabilities): Promise<HandshakesEvidence['keepalive']> {
  for (const need of [caps.namespaces, caps.capture]) {
    if (!need.ok) return { status: 'unverifiable', reason: `The keepalive experiment was not run: ${need.reason}.` };
  }
  const tools = { ip: caps.tools.ip!, iptables: caps.tools.iptables!, teardown: ctx.teardown, signal: ctx.signal };
  const pair = await createNetnsPair(tools);
  for (const [key, value] of Object.entries(NAMESPACE_SYSCTLS)) {
    await setNamespaceSysctl(tools, pair.client.ns, `net.ipv4.tcp_keepalive_${key}`, value);
  }
  const capture = await startCapture({
    tcpdump: caps.tools.tcpdump!,
    iface: pair.client.iface,
    filter: `tcp port ${PORT}`,
    file: path.join(ctx.workDir, 'keepalive.pcap'),
    teardown: ctx.teardown,
    netns: { ip: tools.ip, name: pair.client.ns },
    signal: ctx.signal,
  });
  const inNamespace = (ns: string, ...args: string[]) => ['netns', 'exec', ns, process.execPath, PEER_SCRIPT, ...args];
  const server = spawnLineProcess(tools.ip, inNamespace(pair.server.ns, 'server', pair.server.addr, String(PORT)), ctx.teardown, 'keepalive server');
  await server.waitFor((m) => m.event === 'listening', 5000, 'listening', ctx.signal);
  const client = spawnLineProcess(tools.ip, inNamespace(pair.client.ns, 'client', pair.server.addr, String(PORT), String(NODE_INITIAL_DELAY_MS)), ctx.teardown, 'keepalive client');
  const plainUp = await client.waitFor((m) => m.event === 'connected' && m.conn === 'plain', 5000, 'plain connection', ctx.signal);
  const keepaliveUp = await client.waitFor((m) => m.event === 'connected' && m.conn === 'keepalive', 5000, 'keepalive connection', ctx.signal);

  await sleep(CUT_AFTER_MS, ctx.signal);
  const rule = await dropTrafficFrom(tools, pair.server.ns, pair.client.addr);
  const cutAt = performance.now();
  ctx.log(`keepalive peer cut off (${rule} in ${pair.server.ns}); waiting up to ${DETECTION_DEADLINE_MS / 1000} s for the client to notice`);
  const failure = await client
    .waitFor((m) => m.event === 'error' && m.conn === 'keepalive', DETECTION_DEADLINE_MS, 'keepalive error', ctx.signal)
    .catch(() => undefined);
  if (ctx.signal.aborted) throw new Error('aborted');
  const endAt = performance.now();
  await capture.stop();
  await client.stop();
  await server.stop();

  const segments = await decodeTcpSegments({ tshark: caps.tools.tshark!, pcap: capture.file, signal: ctx.signal });
  const keepalivePort = Number(keepaliveUp.localPort);
  const plainPort = Number(plainUp.localPort);
  const analysis = analyseKeepaliveProbes(segments, keepalivePort);
  const plainError = client.messages.find((m) => m.event === 'error' && m.conn === 'plain');
  const observation: KeepaliveObservation = {
    namespaceSysctls: NAMESPACE_SYSCTLS,
    nodeInitialDelayMs: NODE_INITIAL_DELAY_MS,
    plain: {
      probes: analyseKeepaliveProbes(segments, plainPort).probes.length,
      idleMs: Math.round(endAt - plainUp.receivedAt),
      ...(plainError ? { errorCode: String(plainError.code) } : {}),
    },
    keepalive: {
      probes: analysis.probes,
      ...(analysis.firstProbeAfterMs !== undefined ? { firstProbeAfterMs: analysis.firstProbeAfterMs } : {}),
      ...(analysis.medianIntervalMs !== undefined ? { medianIntervalMs: analysis.medianIntervalMs } : {}),
      unansweredProbesBeforeError: analysis.unansweredProbes,
      resetSent: analysis.resetSent,
      ...(failure ? { detectionMs: Math.round(failure.receivedAt - cutAt), errorCode: String(failure.code), errorMessage: String(failure.message) } : {}),
    },
    cut: { rule, namespace: 'server', afterMs: CUT_AFTER_MS },
    sampleSegments: sampleOf(segmentViews(segments, keepalivePort, PORT)),
  };
  return { status: 'observed', ...observation };
}

/** No data flows on the idle connection: after the 3-way handshake come the probes; the last segment is the RST. */
function sampleOf(conn: SegmentView[]): SegmentView[] {
  const last = conn.at(-1);
  return [...conn.slice(0, 7), ...(last && last.flags.includes('RST') && conn.length > 7 ? [last] : [])];
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
  });
}
