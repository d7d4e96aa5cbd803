/**
 * Real TLS servers and clients (Node's `tls`) in the configurations the handshake question is about. Returns
 * what Node reports per connection; the message sequence comes later from the capture (see tls-messages.ts).
 */
import { appendFileSync } from 'node:fs';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { TeardownStack } from '../../src/run/teardown.ts';
import type { IssuedCertificate, LocalCa } from '../../src/certs/local-ca.ts';
import type { TlsRun } from './evidence.ts';

interface TlsConfig {
  id: string;
  label: string;
  server: Pick<tls.TlsOptions, 'minVersion' | 'maxVersion' | 'ciphers'>;
  clientCertificate: boolean;
}

export const TLS_CONFIGS: TlsConfig[] = [
  { id: 'tls12-ecdhe', label: 'TLS 1.2, ECDHE key exchange', server: { maxVersion: 'TLSv1.2' }, clientCertificate: false },
  // A cipher suite without (EC)DHE: the client encrypts the premaster secret with the server's RSA key.
  { id: 'tls12-rsa', label: 'TLS 1.2, RSA key exchange', server: { maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' }, clientCertificate: false },
  { id: 'tls13', label: 'TLS 1.3', server: { minVersion: 'TLSv1.3' }, clientCertificate: false },
  { id: 'tls12-ecdhe-client-cert', label: 'TLS 1.2, ECDHE, client certificate', server: { maxVersion: 'TLSv1.2' }, clientCertificate: true },
  { id: 'tls12-rsa-client-cert', label: 'TLS 1.2, RSA key exchange, client certificate', server: { maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' }, clientCertificate: true },
  { id: 'tls13-client-cert', label: 'TLS 1.3, client certificate', server: { minVersion: 'TLSv1.3' }, clientCertificate: true },
];

/** Configurations connected to a second time with the first connection's session, to show resumption. */
export const RESUMED_CONFIGS = ['tls12-ecdhe', 'tls13'];

export interface TlsRunResult extends Omit<TlsRun, 'messages'> {
  clientPort: number;
  serverPort: number;
}

export interface PreparedTlsRuns {
  ports: number[];
  run(): Promise<TlsRunResult[]>;
}

export interface TlsRunOptions {
  ca: LocalCa;
  serverCert: IssuedCertificate;
  clientCert: IssuedCertificate;
  /** NSS key log file in the work dir; holds secrets, so it never goes into evidence. */
  keylogFile: string;
  teardown: TeardownStack;
  signal: AbortSignal;
}

const CONNECT_TIMEOUT_MS = 5000;

export async function prepareTlsRuns(options: TlsRunOptions): Promise<PreparedTlsRuns> {
  const servers = new Map<string, { server: tls.Server; port: number; peerCertSeen: Map<number, boolean> }>();
  for (const config of TLS_CONFIGS) {
    const peerCertSeen = new Map<number, boolean>();
    const server = tls.createServer(
      {
        cert: options.serverCert.certPem,
        key: options.serverCert.keyPem,
        ...config.server,
        ...(config.clientCertificate ? { requestCert: true, rejectUnauthorized: true, ca: [options.ca.certPem] } : {}),
      },
      (socket) => {
        peerCertSeen.set(socket.remotePort ?? 0, Object.keys(socket.getPeerCertificate() ?? {}).length > 0);
        socket.on('error', () => {});
        socket.end('hello from the lab server\n');
      },
    );
    // Synchronous, so the key log is complete on disk before tshark reads it.
    server.on('keylog', (line) => appendFileSync(options.keylogFile, line, { mode: 0o600 }));
    server.on('tlsClientError', () => {});
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    options.teardown.add(`close TLS server ${config.id}`, () => new Promise((r) => server.close(() => r(undefined))));
    servers.set(config.id, { server, port: (server.address() as AddressInfo).port, peerCertSeen });
  }

  return {
    ports: [...servers.values()].map((s) => s.port),
    async run() {
      const results: TlsRunResult[] = [];
      for (const config of TLS_CONFIGS) {
        const entry = servers.get(config.id)!;
        const first = await connectOnce(config, entry.port, options);
        results.push(finish(first, entry.peerCertSeen));
        if (RESUMED_CONFIGS.includes(config.id)) {
          const again = await connectOnce(config, entry.port, options, first.session);
          results.push(finish(again, entry.peerCertSeen));
        }
      }
      return results;
    },
  };
}

interface Connected {
  result: TlsRunResult;
  session?: Buffer;
}

function finish(connected: Connected, peerCertSeen: Map<number, boolean>): TlsRunResult {
  return { ...connected.result, clientCertificateSent: peerCertSeen.get(connected.result.clientPort) ?? false };
}

function connectOnce(config: TlsConfig, port: number, options: TlsRunOptions, session?: Buffer): Promise<Connected> {
  return new Promise((resolve, reject) => {
    const labels = new Set<string>();
    let latestSession: Buffer | undefined;
    const socket = tls.connect({
      host: '127.0.0.1',
      port,
      servername: 'localhost',
      ca: [options.ca.certPem],
      ...(config.clientCertificate ? { cert: options.clientCert.certPem, key: options.clientCert.keyPem } : {}),
      ...(session ? { session } : {}),
    });
    const timer = setTimeout(() => fail(new Error(`TLS run ${config.id}: no close within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
    const onAbort = () => fail(new Error('aborted'));
    options.signal.addEventListener('abort', onAbort, { once: true });
    function fail(err: Error) {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(err);
    }
    socket.on('keylog', (line) => labels.add(line.toString().split(' ')[0]!));
    socket.on('session', (s) => (latestSession = s));
    socket.on('error', (err) => fail(new Error(`TLS run ${config.id}: ${err.message}`)));
    let facts: Omit<TlsRunResult, 'keylogLabels' | 'clientCertificateSent'> | undefined;
    socket.once('secureConnect', () => {
      const cipher = socket.getCipher();
      const eph = socket.getEphemeralKeyInfo() as { type?: string; name?: string } | null;
      facts = {
        id: session ? `${config.id}-resumed` : config.id,
        label: session ? `${config.label}, resumed session` : config.label,
        requested: { ...config.server, clientCertificate: config.clientCertificate, resumeSession: Boolean(session) } as TlsRun['requested'],
        negotiated: { protocol: socket.getProtocol() ?? '', cipher: cipher.name, standardCipher: cipher.standardName },
        ...(eph?.type ? { ephemeralKey: `${eph.type} ${eph.name ?? ''}`.trim() } : {}),
        resumed: socket.isSessionReused(),
        clientPort: socket.localPort ?? 0,
        serverPort: port,
      };
    });
    socket.on('data', () => {});
    socket.once('close', () => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      if (!facts) return reject(new Error(`TLS run ${config.id}: closed before the handshake finished`));
      resolve({ result: { ...facts, keylogLabels: [...labels].sort(), clientCertificateSent: false }, session: latestSession });
    });
  });
}
