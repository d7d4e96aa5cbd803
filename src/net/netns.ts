/**
 * Two network namespaces joined by a veth pair: a private wire where a lab can cut a peer off with iptables
 * without touching the machine's own network. Everything is registered on the teardown as it is created.
 */
import { randomBytes } from 'node:crypto';
import type { TeardownStack } from '../run/teardown.ts';
import { runCommand } from './run-command.ts';

export interface NetnsEnd {
  /** Namespace name (`ip netns exec NAME ...`). */
  ns: string;
  iface: string;
  addr: string;
}

export interface NetnsPair {
  client: NetnsEnd;
  server: NetnsEnd;
}

export interface NetnsTools {
  ip: string;
  teardown: TeardownStack;
  signal?: AbortSignal;
}

/** Addresses in 10.231.0.0/16, /30 per pair: they exist only inside the lab's namespaces. */
export async function createNetnsPair(tools: NetnsTools): Promise<NetnsPair> {
  const id = randomBytes(3).toString('hex');
  const subnet = randomBytes(1)[0]!;
  const client: NetnsEnd = { ns: `jl-${id}-c`, iface: `jl${id}c`, addr: `10.231.${subnet}.1` };
  const server: NetnsEnd = { ns: `jl-${id}-s`, iface: `jl${id}s`, addr: `10.231.${subnet}.2` };
  const ip = (...args: string[]) => runCommand(tools.ip, args, { timeoutMs: 5000, signal: tools.signal });
  for (const end of [client, server]) {
    await ip('netns', 'add', end.ns);
    // Deleting the namespace also removes its veth end, addresses and iptables rules.
    tools.teardown.add(`delete netns ${end.ns}`, () => deleteNamespace(tools.ip, end.ns));
  }
  // Created directly inside the namespaces, so no interface ever appears in the host namespace.
  await ip('link', 'add', client.iface, 'netns', client.ns, 'type', 'veth', 'peer', 'name', server.iface, 'netns', server.ns);
  for (const end of [client, server]) {
    await ip('-n', end.ns, 'addr', 'add', `${end.addr}/30`, 'dev', end.iface);
    await ip('-n', end.ns, 'link', 'set', end.iface, 'up');
    await ip('-n', end.ns, 'link', 'set', 'lo', 'up');
  }
  return { client, server };
}

/**
 * Deletes a namespace and checks it is gone; once, in an aborted run, a namespace outlived a successful
 * `ip netns del`, so the result is verified and a leftover is reported as a teardown failure, never hidden.
 */
export async function deleteNamespace(ip: string, ns: string): Promise<void> {
  const exists = async () => (await runCommand(ip, ['netns', 'list'], { timeoutMs: 5000 })).stdout.split('\n').some((l) => l.split(' ')[0] === ns);
  for (let attempt = 0; attempt < 3; attempt++) {
    await runCommand(ip, ['netns', 'del', ns], { timeoutMs: 5000, allowFailure: true });
    if (!(await exists())) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`network namespace ${ns} still exists; remove it with: ip netns del ${ns}`);
}

/** Sets a per-namespace sysctl (e.g. net.ipv4.tcp_keepalive_intvl); the host's value is untouched. */
export async function setNamespaceSysctl(tools: NetnsTools, ns: string, key: string, value: string | number): Promise<void> {
  const file = `/proc/sys/${key.replace(/\./g, '/')}`;
  // `ip netns exec` remounts /proc/sys for the namespace, so a shell write lands in the namespace's copy.
  await runCommand(tools.ip, ['netns', 'exec', ns, 'sh', '-c', `echo ${Number(value)} > ${file}`], { timeoutMs: 5000, signal: tools.signal });
}

export async function readNamespaceSysctl(tools: NetnsTools, ns: string, key: string): Promise<number> {
  const file = `/proc/sys/${key.replace(/\./g, '/')}`;
  const { stdout } = await runCommand(tools.ip, ['netns', 'exec', ns, 'cat', file], { timeoutMs: 5000, signal: tools.signal });
  return Number(stdout.trim());
}

/** Silently drops everything arriving in `ns` from `sourceAddr`: the peer looks dead, no RST, no ICMP. */
export async function dropTrafficFrom(tools: NetnsTools & { iptables: string }, ns: string, sourceAddr: string): Promise<string> {
  const rule = ['INPUT', '-s', sourceAddr, '-j', 'DROP'];
  await runCommand(tools.ip, ['netns', 'exec', ns, tools.iptables, '-w', '5', '-I', ...rule], { timeoutMs: 8000, signal: tools.signal });
  tools.teardown.add(`remove iptables DROP in ${ns}`, () =>
    runCommand(tools.ip, ['netns', 'exec', ns, tools.iptables, '-w', '5', '-D', ...rule], { timeoutMs: 8000, allowFailure: true }),
  );
  return `iptables -I ${rule.join(' ')}`;
}
