import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { TeardownStack } from '../run/teardown.ts';

/** What a backend saw of one request: who its TCP peer was and what the request carried. */
export interface BackendRequestRecord {
  /** Milliseconds since the backend started. */
  atMs: number;
  method: string;
  path: string;
  peerAddress: string;
  peerPort: number;
  /** The SNI the TLS client sent to this backend (the LB's choice in proxy mode, the client's in pass-through). */
  sni: string | null;
  tlsVersion: string | null;
  xForwardedFor: string | null;
  xForwardedProto: string | null;
  host: string | null;
}

export interface HttpsBackend {
  name: string;
  port: number;
  /** `/healthz` answers 200 while healthy, 503 otherwise (the way an app reports it cannot serve). */
  setHealthy(healthy: boolean): void;
  requests(): BackendRequestRecord[];
  /** TLS handshakes completed on this backend. */
  handshakes(): number;
  startedAt: number;
  close(): Promise<void>;
}

export interface StartBackendOptions {
  name: string;
  certPem: string;
  keyPem: string;
  teardown: TeardownStack;
}

/**
 * A real HTTPS server on 127.0.0.1 (ephemeral port) that answers with its own name and remembers what it saw.
 * Paths under /static/ are cacheable so a reverse proxy's cache can be observed by counting hits here.
 */
export async function startHttpsBackend(options: StartBackendOptions): Promise<HttpsBackend> {
  const startedAt = Date.now();
  const seen: BackendRequestRecord[] = [];
  let healthy = true;
  let handshakes = 0;
  const server = https.createServer({ cert: options.certPem, key: options.keyPem }, (req, res) => {
    const socket = req.socket as TLSSocket;
    const path = req.url ?? '/';
    seen.push({
      atMs: Date.now() - startedAt,
      method: req.method ?? '',
      path,
      peerAddress: socket.remoteAddress ?? '',
      peerPort: socket.remotePort ?? 0,
      sni: (socket as TLSSocket & { servername?: string | false }).servername || null,
      tlsVersion: socket.getProtocol?.() ?? null,
      xForwardedFor: header(req.headers['x-forwarded-for']),
      xForwardedProto: header(req.headers['x-forwarded-proto']),
      host: header(req.headers.host),
    });
    if (path === '/healthz') {
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' }).end(healthy ? 'ok\n' : 'failing\n');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-served-by': options.name,
      'x-powered-by': 'node-backend',
      'cache-control': path.startsWith('/static/') ? 'public, max-age=60' : 'no-store',
    };
    res.writeHead(200, headers).end(JSON.stringify({ backend: options.name, path }));
  });
  server.on('secureConnection', () => { handshakes++; });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  options.teardown.add(`close backend ${options.name}`, close);
  return {
    name: options.name,
    port: (server.address() as AddressInfo).port,
    setHealthy: (h) => { healthy = h; },
    requests: () => [...seen],
    handshakes: () => handshakes,
    startedAt,
    close,
  };
}

function header(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
