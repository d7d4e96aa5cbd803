/**
 * Plain TCP and HTTP experiments on loopback: one short request/response connection (its handshake is the
 * evidence for the TCP question) and HTTP requests with and without persistent connections.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { TeardownStack } from '../../src/run/teardown.ts';

const DEADLINE_MS = 5000;

function withDeadline<T>(what: string, promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no result within ${DEADLINE_MS} ms`)), DEADLINE_MS);
    const onAbort = () => reject(new Error(`${what}: aborted`));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    });
  });
}

async function listen(server: net.Server, teardown: TeardownStack, name: string): Promise<number> {
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  teardown.add(`close ${name}`, () => new Promise((r) => server.close(() => r(undefined))));
  return (server.address() as AddressInfo).port;
}

export interface PreparedTcpConnection {
  port: number;
  run(): Promise<{ clientPort: number }>;
}

export async function prepareTcpConnection(teardown: TeardownStack, signal: AbortSignal): Promise<PreparedTcpConnection> {
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', () => socket.end('pong\n'));
  });
  const port = await listen(server, teardown, 'TCP handshake server');
  return {
    port,
    run: () =>
      withDeadline(
        'TCP connection',
        new Promise((resolve, reject) => {
          let clientPort = 0;
          const socket = net.connect({ host: '127.0.0.1', port }, () => {
            clientPort = socket.localPort ?? 0;
            socket.write('ping\n');
          });
          socket.on('data', () => {});
          socket.on('error', reject);
          socket.on('close', () => resolve({ clientPort }));
          socket.on('end', () => socket.end());
        }),
        signal,
      ),
  };
}

export interface HttpRequestsResult {
  keepAlive: { clientPorts: number[]; connectionHeaders: string[] };
  close: { clientPorts: number[]; connectionHeaders: string[] };
}

export interface PreparedHttpRequests {
  port: number;
  requests: number;
  run(): Promise<HttpRequestsResult>;
}

export async function prepareHttpRequests(teardown: TeardownStack, signal: AbortSignal, requests = 3): Promise<PreparedHttpRequests> {
  const server = http.createServer((req, res) => {
    res.setHeader('x-client-port', String(req.socket.remotePort));
    res.end('ok\n');
  });
  // Short server idle timeout: the persistent connection must not keep the lab waiting at close.
  server.keepAliveTimeout = 2000;
  const port = await listen(server, teardown, 'HTTP server');
  teardown.add('close idle HTTP connections', () => server.closeAllConnections());

  async function sequence(agent: http.Agent, headers: Record<string, string>) {
    const clientPorts: number[] = [];
    const connectionHeaders: string[] = [];
    for (let i = 0; i < requests; i++) {
      const res = await withDeadline(
        'HTTP request',
        new Promise<http.IncomingMessage>((resolve, reject) => {
          const req = http.get({ host: '127.0.0.1', port, path: `/r${i}`, agent, headers }, (r) => {
            r.resume();
            r.on('end', () => resolve(r));
          });
          req.on('error', reject);
        }),
        signal,
      );
      clientPorts.push(Number(res.headers['x-client-port']));
      connectionHeaders.push(String(res.headers.connection ?? ''));
    }
    return { clientPorts, connectionHeaders };
  }

  return {
    port,
    requests,
    async run() {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const keepAlive = await sequence(agent, {});
        const close = await sequence(new http.Agent({ keepAlive: false }), { connection: 'close' });
        return { keepAlive, close };
      } finally {
        agent.destroy();
      }
    },
  };
}
