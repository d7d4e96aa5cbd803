/**
 * Captures the load balancer → backend leg on loopback (only the backends' ports) while requests go through the
 * twin, and decodes it with tshark: every payload segment should be a TLS record and no plaintext HTTP should
 * appear in the bytes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabContext } from '../../src/lab-api/lab.ts';
import { probeNetCapabilities } from '../../src/net/capabilities.ts';
import { startCapture } from '../../src/net/capture.ts';
import { decodeTcpSegments, decodeTlsRecords } from '../../src/net/tshark.ts';
import type { BackendLegCapture } from './evidence.ts';

const CONTENT_TYPES: Record<number, string> = { 20: 'change_cipher_spec', 21: 'alert', 22: 'handshake', 23: 'application_data' };

export async function captureBackendLeg(
  ctx: LabContext,
  backendPorts: number[],
  traffic: () => Promise<{ requests: number; handshakes: number }>,
): Promise<BackendLegCapture | { captured: false; reason: string }> {
  const caps = probeNetCapabilities();
  if (!caps.capture.ok) return { captured: false, reason: caps.capture.reason };
  const filter = backendPorts.map((p) => `tcp port ${p}`).join(' or ');
  const file = path.join(ctx.workDir, 'backend-leg.pcap');
  const capture = await startCapture({ tcpdump: caps.tools.tcpdump!, iface: 'lo', filter, file, teardown: ctx.teardown, signal: ctx.signal });
  let sent: { requests: number; handshakes: number };
  try {
    sent = await traffic();
  } finally {
    await capture.stop();
  }
  const tshark = caps.tools.tshark!;
  const segments = await decodeTcpSegments({ tshark, pcap: file, signal: ctx.signal });
  const records = await decodeTlsRecords({ tshark, pcap: file, tlsPorts: backendPorts, signal: ctx.signal });
  const tlsFrames = new Set(records.map((r) => r.frame));
  const payload = segments.filter((s) => s.payloadLength > 0);
  const contentTypes: Record<string, number> = {};
  for (const r of records) {
    // TLS 1.3 hides the real type inside the encryption; on the wire every such record says application_data.
    const type = r.contentType ?? r.opaqueType;
    const name = type === null ? 'unknown' : (CONTENT_TYPES[type] ?? String(type));
    contentTypes[name] = (contentTypes[name] ?? 0) + 1;
  }
  const bytes = (await readFile(file)).toString('latin1');
  return {
    captured: true,
    filter,
    tcpSegments: segments.length,
    payloadSegments: payload.length,
    tlsPayloadSegments: payload.filter((s) => tlsFrames.has(s.frame)).length,
    nonTlsPayloadSegments: payload.filter((s) => !tlsFrames.has(s.frame)).length,
    recordContentTypes: contentTypes,
    plaintextHttpFound: /GET \/|HTTP\/1\.[01] \d{3}/.test(bytes),
    requestsSentDuringCapture: sent.requests,
    handshakesOnBackends: sent.handshakes,
  };
}
