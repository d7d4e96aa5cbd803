import net from 'node:net';

/** Asks the OS for a free TCP port on 127.0.0.1 (bind to 0, read it, release it). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function freeLoopbackPorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  // Bounded: the OS rarely repeats a just-released ephemeral port, but never loop forever if it does.
  for (let attempt = 0; ports.size < count && attempt < count * 10; attempt++) ports.add(await freeLoopbackPort());
  if (ports.size < count) throw new Error(`could not get ${count} distinct free loopback ports`);
  return [...ports];
}
