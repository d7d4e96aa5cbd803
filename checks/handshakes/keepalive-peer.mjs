// Runs inside one of the keepalive lab's network namespaces (`ip netns exec NS node keepalive-peer.mjs ...`).
// Plain JS so it starts without a TypeScript loader. Talks JSON lines on stdout; stdin closing ends it.
//   server ADDR PORT                 accept connections and stay silent
//   client ADDR PORT KEEPALIVE_MS    open a plain and a keepalive connection, report errors and closes
import net from 'node:net';

const [mode, addr, portArg, keepAliveArg] = process.argv.slice(2);
const port = Number(portArg);
const say = (event, data = {}) => process.stdout.write(JSON.stringify({ event, at: performance.now(), ...data }) + '\n');
// Hard stop: this process must never outlive the lab, even if the lab is killed without running its teardown.
setTimeout(() => process.exit(3), 60_000).unref();
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

if (mode === 'server') {
  const sockets = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
    say('accepted', { remotePort: socket.remotePort });
  });
  server.listen(port, addr, () => say('listening', { port: server.address().port }));
} else if (mode === 'client') {
  const keepAliveMs = Number(keepAliveArg);
  for (const name of ['plain', 'keepalive']) {
    const socket = net.connect({ host: addr, port });
    socket.on('connect', () => {
      if (name === 'keepalive') socket.setKeepAlive(true, keepAliveMs);
      say('connected', { conn: name, localPort: socket.localPort });
    });
    socket.on('error', (err) => say('error', { conn: name, code: err.code, message: err.message }));
    socket.on('close', (hadError) => say('close', { conn: name, hadError }));
  }
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
