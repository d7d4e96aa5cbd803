import net from 'node:net';

/** One row of HAProxy's `show stat` CSV, reduced to what the labs read. */
export interface ServerStat {
  proxy: string;
  server: string;
  /** UP, DOWN, "UP 1/3" (going up), "DOWN 1/2" (going down), no check, ... */
  status: string;
  /** Result of the last health check (L7OK, L7STS, L4CON, L6TOUT, ...). */
  checkStatus: string;
  checkCode: string;
  /** Sessions (connections) handled in total. */
  sessions: number;
}

/** Sends one command to HAProxy's stats socket and returns the reply (the socket closes after one command). */
export function statsCommand(socketPath: string, command: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`no reply to "${command}" on ${socketPath} within ${timeoutMs} ms`)); }, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.once('error', (err) => { clearTimeout(timer); reject(err); });
    socket.once('end', () => { clearTimeout(timer); resolve(Buffer.concat(chunks).toString()); });
    socket.once('connect', () => socket.write(`${command}\n`));
  });
}

export function parseShowStat(csv: string): ServerStat[] {
  const lines = csv.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0]?.replace(/^#\s*/, '').split(',');
  if (!header) return [];
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const f = line.split(',');
    return {
      proxy: f[col('pxname')] ?? '',
      server: f[col('svname')] ?? '',
      status: f[col('status')] ?? '',
      checkStatus: f[col('check_status')] ?? '',
      checkCode: f[col('check_code')] ?? '',
      sessions: Number(f[col('stot')] ?? 0),
    };
  });
}

export async function showStat(socketPath: string): Promise<ServerStat[]> {
  return parseShowStat(await statsCommand(socketPath, 'show stat'));
}
