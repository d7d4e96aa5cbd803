import type { ToolCheck } from '../check-types.ts';
import { findExecutable } from '../which.ts';
import { runBounded } from '../run-bounded.ts';
import { extractVersion } from '../version.ts';

interface DebianTool {
  name: string;
  versionArgs: string[];
  apt: string;
  enables: string;
}

/** Tools the local (network/TLS) labs use; each missing one degrades its labs with a stated reason. */
export const DEBIAN_TOOLS: readonly DebianTool[] = [
  { name: 'haproxy', versionArgs: ['-v'], apt: 'haproxy', enables: 'load-balancer labs: HAProxy stands in for the ALB (TLS re-encryption, health checks, proxy vs pass-through)' },
  { name: 'tcpdump', versionArgs: ['--version'], apt: 'tcpdump', enables: 'packet captures in the TCP handshake and TLS labs' },
  { name: 'tshark', versionArgs: ['--version'], apt: 'tshark', enables: 'decoding captures (TCP flags, TLS records) in the TCP handshake and TLS labs' },
  { name: 'openssl', versionArgs: ['version'], apt: 'openssl', enables: 'TLS handshake and certificate inspection (openssl s_client) in the TLS labs' },
  { name: 'ip', versionArgs: ['-V'], apt: 'iproute2', enables: 'network namespaces and veth pairs that keep lab traffic off the host network' },
  { name: 'iptables', versionArgs: ['--version'], apt: 'iptables', enables: 'security-group stand-in (allow only the load balancer) inside lab namespaces' },
];

function aptFix(pkg: string): string {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get install -y ${pkg}   (or: npm run setup)`;
}

export async function checkDebianTool(tool: DebianTool, env: NodeJS.ProcessEnv): Promise<ToolCheck> {
  const base = { name: tool.name, enables: tool.enables, required: false };
  const bin = findExecutable(tool.name, env);
  if (!bin) return { ...base, found: false, fix: aptFix(tool.apt), detail: 'not on PATH or in /usr/local/sbin, /usr/sbin, /sbin' };
  const r = await runBounded(bin, tool.versionArgs, { env, timeoutMs: 4000 });
  // Some tools print their banner on stderr; a non-zero exit with a banner still proves the binary runs.
  const banner = (r.stdout.trim() || r.stderr.trim()).split('\n')[0] ?? '';
  const version = extractVersion(banner);
  if (!version) {
    return { ...base, found: false, path: bin, fix: aptFix(tool.apt), detail: `${bin} ${tool.versionArgs.join(' ')} failed: ${r.failure ?? 'no version in output'}` };
  }
  return { ...base, found: true, version, path: bin };
}
