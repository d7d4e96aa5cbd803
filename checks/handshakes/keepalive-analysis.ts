/** Pure reading of the keepalive capture: which segments were probes, which were answered, how far apart. */
import type { TcpSegment } from '../../src/net/tshark.ts';
import type { ProbeView } from './evidence.ts';

export interface ProbeAnalysis {
  probes: ProbeView[];
  firstProbeAfterMs?: number;
  medianIntervalMs?: number;
  unansweredProbes: number;
  resetSent: boolean;
}

const ms = (seconds: number) => Math.round(seconds * 1e6) / 1e3;

export function analyseKeepaliveProbes(segments: readonly TcpSegment[], clientPort: number): ProbeAnalysis {
  const conn = segments.filter((s) => s.srcPort === clientPort || s.dstPort === clientPort);
  const fromClient = (s: TcpSegment) => s.srcPort === clientPort;
  const probeSegments = conn.filter((s) => fromClient(s) && s.keepAlive);
  const probes: ProbeView[] = probeSegments.map((probe, i) => {
    const next = probeSegments[i + 1];
    // Answered when the peer sent anything on this connection before the next probe went out.
    const answered = conn.some((s) => !fromClient(s) && s.time >= probe.time && (!next || s.time < next.time));
    return { ms: ms(probe.time - (conn[0]?.time ?? 0)), answered };
  });
  const lastBeforeIdle = probeSegments[0] ? [...conn].reverse().find((s) => s.time < probeSegments[0]!.time) : undefined;
  const intervals = probeSegments.slice(1).map((p, i) => ms(p.time - probeSegments[i]!.time)).sort((a, b) => a - b);
  return {
    probes,
    ...(lastBeforeIdle && probeSegments[0] ? { firstProbeAfterMs: ms(probeSegments[0].time - lastBeforeIdle.time) } : {}),
    ...(intervals.length > 0 ? { medianIntervalMs: intervals[Math.floor(intervals.length / 2)] } : {}),
    unansweredProbes: probes.filter((p) => !p.answered).length,
    resetSent: conn.some((s) => fromClient(s) && s.flags.includes('RST')),
  };
}
