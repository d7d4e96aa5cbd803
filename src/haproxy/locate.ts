import { findExecutable } from '../toolchain/which.ts';

export type HaproxyLocation = { found: true; path: string } | { found: false; reason: string };

export const HAPROXY_INSTALL_HINT = 'install haproxy (apt-get install haproxy)';

/** HAProxy comes from the OS package manager; absent means the lab says so, never a silent pass. */
export function locateHaproxy(env: NodeJS.ProcessEnv = process.env): HaproxyLocation {
  const found = findExecutable('haproxy', env);
  return found ? { found: true, path: found } : { found: false, reason: `haproxy not found on PATH or in /usr/sbin: ${HAPROXY_INSTALL_HINT}` };
}
