import https from 'node:https';
import { checkServerIdentity, type TLSSocket } from 'node:tls';

export interface ProbeResult {
  ok: boolean;
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** The certificate the client was shown: whose TLS endpoint it really talked to. */
  peerCertificate: { subject: string; issuer: string; fingerprint256: string } | null;
  /** Whether the client verified that certificate against the CA it was given and the name it asked for. */
  verified: boolean;
  tlsVersion: string | null;
  localAddress: string | null;
  localPort: number | null;
  error: string | null;
  durationMs: number;
}

export interface ProbeOptions {
  port: number;
  path: string;
  /** The TLS server name (SNI) and Host header. */
  servername: string;
  /** The CA the client trusts; with it the client verifies the peer like a browser would. */
  caPem?: string;
  /** A second loopback address, so the backend can tell the client's address from the load balancer's. */
  localAddress?: string;
  timeoutMs?: number;
}

/** One real HTTPS request over a fresh connection (no agent reuse, so each probe is its own TLS session). */
export function probeHttps(options: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let socketInfo: Pick<ProbeResult, 'peerCertificate' | 'tlsVersion' | 'localAddress' | 'localPort'> = {
      peerCertificate: null, tlsVersion: null, localAddress: null, localPort: null,
    };
    const finish = (partial: Partial<ProbeResult>) =>
      resolve({ ok: false, status: null, headers: {}, body: '', verified: false, error: null, ...socketInfo, ...partial, durationMs: Date.now() - started });
    const req = https.request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        servername: options.servername,
        headers: { host: options.servername },
        localAddress: options.localAddress,
        agent: false,
        ca: options.caPem,
        // Verified by hand below, so the certificate is recorded even when it is rejected.
        rejectUnauthorized: false,
        timeout: options.timeoutMs ?? 3_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          finish({ ok: true, status: res.statusCode ?? null, headers, body: Buffer.concat(chunks).toString(), verified: options.caPem !== undefined });
        });
      },
    );
    let rejection: string | undefined;
    req.on('socket', (s) => {
      const socket = s as TLSSocket;
      socket.once('secureConnect', () => {
        const cert = socket.getPeerCertificate();
        if (options.caPem !== undefined) {
          const nameError = cert && cert.subject ? checkServerIdentity(options.servername, cert) : new Error('no certificate');
          const why = !socket.authorized ? String(socket.authorizationError) : nameError?.message;
          if (why) rejection = why;
        }
        socketInfo = {
          peerCertificate: cert && cert.subject
            ? { subject: flatten(cert.subject), issuer: flatten(cert.issuer), fingerprint256: cert.fingerprint256 }
            : null,
          tlsVersion: socket.getProtocol(),
          localAddress: socket.localAddress ?? null,
          localPort: socket.localPort ?? null,
        };
        if (rejection) req.destroy(new Error(`certificate rejected: ${rejection}`));
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${options.timeoutMs ?? 3_000} ms`)));
    req.on('error', (err) => finish({ error: err.message }));
    req.end();
  });
}

function flatten(name: object): string {
  return Object.entries(name as Record<string, string | string[]>).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ');
}
