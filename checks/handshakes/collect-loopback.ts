/**
 * The loopback half of the handshakes lab: one capture on `lo` covers a plain TCP connection, the TLS runs and
 * the HTTP session experiment; it is decoded once with tshark after the traffic has finished.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabContext } from '../../src/lab-api/lab.ts';
import type { NetCapabilities } from '../../src/net/capabilities.ts';
import { captureLoopbackPorts, type RunningCapture } from '../../src/net/capture.ts';
import { createLocalCa } from '../../src/certs/local-ca.ts';
import { decodeTcpSegments, decodeTlsRecords, type TcpSegment } from '../../src/net/tshark.ts';
import type { HandshakesEvidence, SegmentView, TlsRun } from './evidence.ts';
import { prepareHttpRequests, prepareTcpConnection } from './plain-experiments.ts';
import { tlsMessagesOfConnection } from './tls-messages.ts';
import { prepareTlsRuns } from './tls-runs.ts';

export function segmentViews(segments: readonly TcpSegment[], clientPort: number, serverPort: number): SegmentView[] {
  const ofConnection = segments.filter(
    (s) => (s.srcPort === clientPort && s.dstPort === serverPort) || (s.srcPort === serverPort && s.dstPort === clientPort),
  );
  const t0 = ofConnection[0]?.time ?? 0;
  return ofConnection.map((s) => ({
    frame: s.frame,
    ms: Math.round((s.time - t0) * 1e6) / 1e3,
    direction: s.srcPort === clientPort ? 'client→server' : 'server→client',
    flags: s.flags,
    seq: s.seq,
    ack: s.ack,
    rawSeq: s.rawSeq,
    rawAck: s.rawAck,
    length: s.payloadLength,
  }));
}

type LoopbackEvidence = Pick<HandshakesEvidence, 'tcpHandshake' | 'tls' | 'sessions'>;

export async function collectLoopbackEvidence(ctx: LabContext, caps: NetCapabilities): Promise<LoopbackEvidence> {
  const ca = await createLocalCa({ commonName: 'journal-lab handshakes CA' });
  const serverCert = await ca.issue({ commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], keyType: 'rsa' });
  const clientCert = await ca.issue({ commonName: 'journal-lab client', keyType: 'ecdsa', clientAuth: true });
  const keylogFile = path.join(ctx.workDir, 'handshakes.keylog');
  await writeFile(keylogFile, '', { mode: 0o600 });
  // The key log decrypts every captured session: it lives only as long as the run.
  ctx.teardown.add('remove TLS key log', () => rm(keylogFile, { force: true }));

  const tcp = await prepareTcpConnection(ctx.teardown, ctx.signal);
  const httpRequests = await prepareHttpRequests(ctx.teardown, ctx.signal);
  const tlsRuns = await prepareTlsRuns({ ca, serverCert, clientCert, keylogFile, teardown: ctx.teardown, signal: ctx.signal });
  const ports = [tcp.port, httpRequests.port, ...tlsRuns.ports];

  let capture: RunningCapture | undefined;
  let captureProblem = caps.capture.ok ? undefined : caps.capture.reason;
  if (caps.capture.ok) {
    try {
      capture = await captureLoopbackPorts({
        tcpdump: caps.tools.tcpdump!,
        ports,
        file: path.join(ctx.workDir, 'loopback.pcap'),
        teardown: ctx.teardown,
        signal: ctx.signal,
      });
    } catch (err) {
      captureProblem = `tcpdump could not capture on lo: ${(err as Error).message}`;
    }
  }
  ctx.log(`loopback experiments on ports ${ports.join(', ')}${capture ? ' (captured)' : ` (no capture: ${captureProblem})`}`);

  const tcpRun = await tcp.run();
  const runs = await tlsRuns.run();
  const http = await httpRequests.run();
  await capture?.stop();

  let segments: TcpSegment[] = [];
  let keyed: Awaited<ReturnType<typeof decodeTlsRecords>> = [];
  let keyless: typeof keyed = [];
  if (capture) {
    const tshark = { tshark: caps.tools.tshark!, pcap: capture.file, signal: ctx.signal };
    [segments, keyed, keyless] = await Promise.all([
      decodeTcpSegments({ ...tshark, displayFilter: `tcp.port == ${tcp.port} || tcp.port == ${httpRequests.port}` }),
      decodeTlsRecords({ ...tshark, keylogFile, tlsPorts: tlsRuns.ports }),
      decodeTlsRecords({ ...tshark, tlsPorts: tlsRuns.ports }),
    ]);
  }

  const tlsEvidence: TlsRun[] = runs.map(({ clientPort, serverPort, ...run }) => ({
    ...run,
    messages: capture ? tlsMessagesOfConnection(keyed, keyless, clientPort, serverPort) : [],
  }));
  const synsFrom = (clientPorts: number[]) =>
    new Set(segments.filter((s) => s.dstPort === httpRequests.port && s.flags.includes('SYN') && !s.flags.includes('ACK') && clientPorts.includes(s.srcPort)).map((s) => s.srcPort)).size;

  return {
    tcpHandshake: capture
      ? { status: 'observed', client: `127.0.0.1:${tcpRun.clientPort}`, server: `127.0.0.1:${tcp.port}`, segments: segmentViews(segments, tcpRun.clientPort, tcp.port) }
      : { status: 'unverifiable', reason: `No packet capture: ${captureProblem}. The TCP segments cannot be observed without it.` },
    tls: {
      status: 'observed',
      runs: tlsEvidence,
      messageSource: capture ? 'capture' : 'node-api',
      ...(capture ? {} : { messageSourceReason: `No packet capture: ${captureProblem}. Only Node's view (protocol, cipher, resumption) is available.` }),
    },
    sessions: {
      status: 'observed',
      http: {
        requests: httpRequests.requests,
        connectionsWithKeepAlive: capture ? synsFrom(http.keepAlive.clientPorts) : new Set(http.keepAlive.clientPorts).size,
        clientPortsWithKeepAlive: http.keepAlive.clientPorts,
        connectionsWithClose: capture ? synsFrom(http.close.clientPorts) : new Set(http.close.clientPorts).size,
        clientPortsWithClose: http.close.clientPorts,
        responseConnectionHeaders: [...http.keepAlive.connectionHeaders, ...http.close.connectionHeaders],
        source: capture ? 'capture' : 'node-api',
      },
      tlsResumption: tlsEvidence
        .filter((r) => r.requested.resumeSession)
        .map((r) => ({
          runId: r.id,
          protocol: r.negotiated.protocol,
          resumed: r.resumed,
          certificateSent: capture ? r.messages.some((m) => m.direction === 'server→client' && m.name === 'Certificate') : null,
        })),
    },
  };
}
