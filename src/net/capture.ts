/**
 * Packet capture with tcpdump, for any lab that needs to show what really went over the wire.
 *
 *   const cap = await startCapture({ tcpdump, iface: 'lo', filter: `tcp port ${port}`, file, teardown });
 *   ... traffic ...
 *   await cap.stop();   // then decode cap.file with tshark (see tshark.ts)
 */
import { spawn } from 'node:child_process';
import type { TeardownStack } from '../run/teardown.ts';

export interface CaptureOptions {
  tcpdump: string;
  /** 'lo' for loopback, or a veth inside `netns`. */
  iface: string;
  /** A BPF filter; always narrow it (a port) so other traffic on the machine stays out of the evidence. */
  filter: string;
  /** pcap output path inside the lab's work dir. */
  file: string;
  teardown: TeardownStack;
  /** Capture inside this network namespace (needs `ip`). */
  netns?: { ip: string; name: string };
  signal?: AbortSignal;
  startTimeoutMs?: number;
}

export interface RunningCapture {
  file: string;
  /** Lets the last packets reach the file, then stops tcpdump with SIGINT (it flushes and exits). Idempotent. */
  stop(): Promise<void>;
}

export async function startCapture(options: CaptureOptions): Promise<RunningCapture> {
  // --immediate-mode + -U: hand each packet to the file as it arrives. With -U alone, tcpdump on a TPACKET_V3 ring
  // only sees a block when it fills or times out, and SIGINT can drop it: short captures came out empty.
  const tcpdumpArgs = ['-i', options.iface, '--immediate-mode', '-U', '-n', '-s', '0', '-w', options.file, options.filter];
  const [cmd, args] = options.netns
    ? [options.netns.ip, ['netns', 'exec', options.netns.name, options.tcpdump, ...tcpdumpArgs]]
    : [options.tcpdump, tcpdumpArgs];
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let running = true;
  child.once('close', () => (running = false));
  const kill = async (signal: NodeJS.Signals) => {
    if (!running) return;
    child.kill(signal);
    const timer = setTimeout(() => running && child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  options.teardown.add(`stop tcpdump (${options.file})`, () => kill('SIGKILL'));

  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`tcpdump did not start within ${options.startTimeoutMs ?? 5000} ms: ${stderr.trim()}`)), options.startTimeoutMs ?? 5000);
    const onAbort = () => fail(new Error('aborted while starting tcpdump'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    function done() {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    function fail(err: Error) {
      done();
      void kill('SIGKILL');
      reject(err);
    }
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // tcpdump prints "listening on IFACE" once the socket is bound: traffic before that would be lost.
      if (/listening on/.test(stderr)) {
        done();
        resolve();
      }
    });
    child.once('error', fail);
    child.once('close', (code) => fail(new Error(`tcpdump exited (${code}) before capturing: ${stderr.trim()}`)));
  });

  let stopping: Promise<void> | undefined;
  return {
    file: options.file,
    stop() {
      stopping ??= (async () => {
        await new Promise((r) => setTimeout(r, 150));
        await kill('SIGINT');
      })();
      return stopping;
    },
  };
}

/** Captures the TCP traffic of the given loopback ports only: the narrowest filter that still shows both ends. */
export function captureLoopbackPorts(options: Omit<CaptureOptions, 'iface' | 'filter' | 'netns'> & { ports: readonly number[] }): Promise<RunningCapture> {
  const { ports, ...rest } = options;
  return startCapture({ ...rest, iface: 'lo', filter: `tcp and host 127.0.0.1 and (${ports.map((p) => `port ${p}`).join(' or ')})` });
}
