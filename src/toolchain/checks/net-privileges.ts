import { readFile } from 'node:fs/promises';
import type { ToolCheck } from '../check-types.ts';

// Bit numbers from linux/capability.h.
const CAPS = { CAP_NET_ADMIN: 12n, CAP_NET_RAW: 13n, CAP_SYS_ADMIN: 21n } as const;

/** Effective capability set of this process, from /proc/self/status; undefined off Linux. */
async function effectiveCaps(): Promise<bigint | undefined> {
  try {
    const status = await readFile('/proc/self/status', 'utf8');
    const hex = /^CapEff:\s*([0-9a-f]+)$/m.exec(status)?.[1];
    return hex ? BigInt(`0x${hex}`) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Capturing needs CAP_NET_RAW (CAP_NET_ADMIN for promiscuous mode); `ip netns add` needs CAP_SYS_ADMIN (it unshares
 * and bind-mounts) plus CAP_NET_ADMIN to configure the veth pair. Root in a restricted container may lack them.
 */
export async function checkNetPrivileges(): Promise<ToolCheck> {
  const base = {
    name: 'net-privileges',
    enables: 'packet capture and private network namespaces for the TCP/TLS/load-balancer labs',
    required: false,
  };
  const caps = await effectiveCaps();
  const uid = process.getuid?.();
  if (caps === undefined) {
    return { ...base, found: false, fix: 'Run the network labs on Linux', detail: 'no /proc/self/status: capabilities unknown (not Linux?)' };
  }
  const has = Object.fromEntries(Object.entries(CAPS).map(([k, bit]) => [k, (caps & (1n << bit)) !== 0n])) as Record<keyof typeof CAPS, boolean>;
  const canCapture = has.CAP_NET_RAW && has.CAP_NET_ADMIN;
  const canNetns = has.CAP_SYS_ADMIN && has.CAP_NET_ADMIN;
  const held = Object.entries(has).filter(([, v]) => v).map(([k]) => k);
  const detail =
    `${uid === 0 ? 'root' : `uid ${uid}`}; capture: ${canCapture ? 'yes' : 'no'}, namespaces: ${canNetns ? 'yes' : 'no'}` +
    ` (effective: ${held.join(', ') || 'none of NET_ADMIN/NET_RAW/SYS_ADMIN'})`;
  if (canCapture && canNetns) return { ...base, found: true, version: uid === 0 ? 'root' : 'capabilities', detail };
  return {
    ...base,
    found: false,
    fix: 'Run the labs as root (sudo -E npm start), or in a container started with --cap-add NET_ADMIN --cap-add NET_RAW --cap-add SYS_ADMIN',
    detail,
  };
}
