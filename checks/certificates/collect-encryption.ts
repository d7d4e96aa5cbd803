/**
 * What the certificate does not do: encrypt. The server sends a secret marker over plain TCP and over TLS; the
 * capture is searched for it as sent, then decrypted by tshark with only the server's certificate key, and with
 * the session key log. ECDHE sessions resist the certificate key; TLS 1.2 RSA key exchange does not.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import type { LabContext } from '../../src/lab-api/lab.ts';
import type { NetCapabilities } from '../../src/net/capabilities.ts';
import { captureLoopbackPorts } from '../../src/net/capture.ts';
import type { IssuedCertificate, LocalCa } from '../../src/certs/local-ca.ts';
import { decryptedApplicationData, tcpPayloads } from '../../src/net/tshark.ts';
import type { EncryptionObservation, EncryptionRun } from './evidence.ts';
import { connectTls, startTlsServer } from './tls-peer.ts';

const TLS_RUNS: { id: EncryptionRun['id']; label: string; options: tls.TlsOptions }[] = [
  { id: 'tls12-ecdhe', label: 'TLS 1.2, ECDHE key exchange', options: { maxVersion: 'TLSv1.2' } },
  { id: 'tls12-rsa', label: 'TLS 1.2, RSA key exchange', options: { maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' } },
  { id: 'tls13', label: 'TLS 1.3', options: { minVersion: 'TLSv1.3' } },
];

async function startPlainServer(payload: string, ctx: LabContext): Promise<number> {
  const server = net.createServer((s) => {
    s.on('error', () => {});
    s.end(payload);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  ctx.teardown.add('close plain TCP server', () => new Promise((r) => server.close(() => r(undefined))));
  return (server.address() as AddressInfo).port;
}

function readPlain(port: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => (socket.destroy(), reject(new Error('plain TCP read timed out'))), 5000);
    signal.addEventListener('abort', () => socket.destroy(), { once: true });
    socket.on('data', () => {});
    socket.on('error', reject);
    socket.on('close', () => (clearTimeout(timer), resolve()));
  });
}

export async function collectEncryptionEvidence(ctx: LabContext, caps: NetCapabilities, ca: LocalCa, serverCert: IssuedCertificate): Promise<EncryptionObservation | { status: 'unverifiable'; reason: string }> {
  if (!caps.capture.ok) return { status: 'unverifiable', reason: `No packet capture: ${caps.capture.reason}.` };
  const marker = `journal-lab-secret-${randomBytes(12).toString('hex')}`;
  const keyFile = path.join(ctx.workDir, 'server-key.pem');
  const keylogFile = path.join(ctx.workDir, 'certificates.keylog');
  // Secrets stay in the lab's work dir (removed by the CLI with it), readable by the owner only.
  await writeFile(keyFile, serverCert.keyPem, { mode: 0o600 });
  ctx.teardown.add('remove server key file', () => rm(keyFile, { force: true }));
  await writeFile(keylogFile, '', { mode: 0o600 });
  ctx.teardown.add('remove TLS key log', () => rm(keylogFile, { force: true }));

  const plainPort = await startPlainServer(marker, ctx);
  const servers: { run: (typeof TLS_RUNS)[number]; port: number }[] = [];
  for (const run of TLS_RUNS) {
    const server = await startTlsServer({ cert: serverCert.certPem, key: serverCert.keyPem, ...run.options }, ctx.teardown, `encryption ${run.id}`, marker, keylogWriter(keylogFile));
    servers.push({ run, port: server.port });
  }
  const ports = [plainPort, ...servers.map((s) => s.port)];
  const capture = await captureLoopbackPorts({
    tcpdump: caps.tools.tcpdump!,
    ports,
    file: path.join(ctx.workDir, 'encryption.pcap'),
    teardown: ctx.teardown,
    signal: ctx.signal,
  });
  await readPlain(plainPort, ctx.signal);
  const negotiated = new Map<number, { protocol: string; cipher: string }>();
  for (const { port } of servers) {
    const outcome = await connectTls(port, { servername: 'localhost', ca: [ca.certPem] }, ctx.signal).catch(() => undefined);
    if (!outcome || outcome.outcome !== 'accepted' || !outcome.received.includes(marker)) throw new Error(`TLS run on port ${port} did not deliver the marker: ${outcome?.errorMessage ?? 'no outcome'}`);
    negotiated.set(port, { protocol: outcome.protocol ?? '', cipher: outcome.cipher ?? '' });
  }
  await capture.stop();

  const base = { tshark: caps.tools.tshark!, pcap: capture.file, signal: ctx.signal };
  const tlsPorts = servers.map((s) => s.port);
  const [payloads, withServerKey, withKeylog] = await Promise.all([
    tcpPayloads(base),
    decryptedApplicationData({ ...base, tlsPorts, rsaKeyFile: keyFile }),
    decryptedApplicationData({ ...base, tlsPorts, keylogFile: keylogFile }),
  ]);
  const markerBytes = Buffer.from(marker);
  const concat = (chunks: { srcPort: number; dstPort: number; data?: Buffer; payload?: Buffer }[], port: number) =>
    Buffer.concat(chunks.filter((c) => c.srcPort === port || c.dstPort === port).map((c) => c.data ?? c.payload ?? Buffer.alloc(0)));

  const runs: EncryptionRun[] = [
    {
      id: 'plain-tcp',
      label: 'plain TCP (control)',
      protocol: 'none',
      cipher: 'none',
      plaintextInCapture: concat(payloads, plainPort).includes(markerBytes),
      decryptedWithServerKey: null,
      decryptedWithSessionKeys: null,
      capturedPayloadBytes: concat(payloads, plainPort).length,
    },
    ...servers.map(({ run, port }) => ({
      id: run.id,
      label: run.label,
      ...negotiated.get(port)!,
      plaintextInCapture: concat(payloads, port).includes(markerBytes),
      decryptedWithServerKey: concat(withServerKey, port).includes(markerBytes),
      decryptedWithSessionKeys: concat(withKeylog, port).includes(markerBytes),
      capturedPayloadBytes: concat(payloads, port).length,
    })),
  ];
  return { markerLength: marker.length, runs };
}

/** The servers' key log lines go to the work dir file only (they decrypt the sessions); synchronous so tshark sees them all. */
function keylogWriter(file: string) {
  return (line: Buffer) => appendFileSync(file, line, { mode: 0o600 });
}
