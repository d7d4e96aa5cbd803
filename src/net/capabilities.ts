import { findExecutable } from '../toolchain/which.ts';

/** Whether an experiment can run here, and if not, why (shown to the learner instead of a silent pass). */
export type Capability = { ok: true } | { ok: false; reason: string };

export interface NetTools {
  tcpdump?: string;
  tshark?: string;
  ip?: string;
  iptables?: string;
  openssl?: string;
}

export interface NetCapabilities {
  tools: NetTools;
  isRoot: boolean;
  /** tcpdump on loopback and tshark to decode it. */
  capture: Capability;
  /** Network namespaces with a veth pair and iptables rules inside them. */
  namespaces: Capability;
}

function missing(tools: NetTools, names: (keyof NetTools)[]): string[] {
  return names.filter((n) => !tools[n]);
}

/** Looks up the Debian tools the packet labs use and whether this process may use raw sockets and netns. */
export function probeNetCapabilities(env: NodeJS.ProcessEnv = process.env): NetCapabilities {
  const tools: NetTools = {
    tcpdump: findExecutable('tcpdump', env),
    tshark: findExecutable('tshark', env),
    ip: findExecutable('ip', env),
    iptables: findExecutable('iptables', env),
    openssl: findExecutable('openssl', env),
  };
  const isRoot = process.getuid?.() === 0;
  const notRoot = 'it needs root (raw packet capture and network namespaces); run "sudo lab run ..." or in a root container';
  const install = (names: string[]) => `${names.join(', ')} not found on PATH or in /usr/sbin (Debian: apt-get install ${names.map(debianPackage).join(' ')})`;
  const captureMissing = missing(tools, ['tcpdump', 'tshark']);
  const nsMissing = missing(tools, ['ip', 'iptables']);
  return {
    tools,
    isRoot,
    capture: captureMissing.length > 0 ? { ok: false, reason: install(captureMissing) } : isRoot ? { ok: true } : { ok: false, reason: notRoot },
    namespaces: nsMissing.length > 0 ? { ok: false, reason: install(nsMissing) } : isRoot ? { ok: true } : { ok: false, reason: notRoot },
  };
}

function debianPackage(tool: string): string {
  return tool === 'ip' ? 'iproute2' : tool === 'tshark' ? 'tshark' : tool;
}
