import { runCommand } from '../net/run-command.ts';

/** First line of `haproxy -v`, e.g. "HAProxy version 2.6.12-1+deb12u4 2026/10/17". */
export async function haproxyVersion(bin: string, signal?: AbortSignal): Promise<string> {
  const out = await runCommand(bin, ['-v'], { timeoutMs: 5_000, signal });
  return out.stdout.split('\n')[0]?.replace(/\s+-\s+https?:\S+$/, '').trim() ?? 'unknown';
}
