/** One TLS server and one client connection on loopback, bounded in time, reporting the client's real outcome. */
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { TeardownStack } from '../../src/run/teardown.ts';

export interface ServerHandle {
  port: number;
}

export async function startTlsServer(
  options: tls.TlsOptions,
  teardown: TeardownStack,
  name: string,
  payload = 'hello\n',
  onKeylog?: (line: Buffer) => void,
): Promise<ServerHandle> {
  const server = tls.createServer(options, (socket) => {
    socket.on('error', () => {});
    socket.end(payload);
  });
  server.on('tlsClientError', () => {});
  if (onKeylog) server.on('keylog', onKeylog);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  teardown.add(`close TLS server ${name}`, () => new Promise((r) => server.close(() => r(undefined))));
  return { port: (server.address() as AddressInfo).port };
}

export interface ClientOutcome {
  outcome: 'accepted' | 'rejected';
  errorCode?: string;
  errorMessage?: string;
  protocol?: string;
  cipher?: string;
  received: string;
}

/** Connects, reads until the server closes; a handshake or verification error is an outcome, not an exception. */
export function connectTls(port: number, options: tls.ConnectionOptions, signal: AbortSignal, timeoutMs = 5000): Promise<ClientOutcome> {
  return new Promise((resolve) => {
    let received = '';
    let protocol: string | undefined;
    let cipher: string | undefined;
    let settled = false;
    const socket = tls.connect({ host: '127.0.0.1', port, ...options });
    const done = (result: Omit<ClientOutcome, 'received'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ ...result, received });
    };
    const onAbort = () => done({ outcome: 'rejected', errorCode: 'ABORTED', errorMessage: 'lab aborted' });
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => done({ outcome: 'rejected', errorCode: 'LAB_TIMEOUT', errorMessage: `no result within ${timeoutMs} ms` }), timeoutMs);
    socket.once('secureConnect', () => {
      protocol = socket.getProtocol() ?? undefined;
      cipher = socket.getCipher().name;
    });
    socket.on('data', (d: Buffer) => (received += d.toString()));
    socket.once('error', (err: NodeJS.ErrnoException) => done({ outcome: 'rejected', errorCode: err.code ?? 'UNKNOWN', errorMessage: err.message, protocol }));
    socket.once('close', () => done({ outcome: protocol ? 'accepted' : 'rejected', protocol, cipher, ...(protocol ? {} : { errorCode: 'CLOSED', errorMessage: 'closed before the handshake finished' }) }));
  });
}
