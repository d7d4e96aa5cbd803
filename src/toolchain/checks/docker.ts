import type { ToolCheck } from '../check-types.ts';
import { findExecutable } from '../which.ts';
import { runBounded } from '../run-bounded.ts';

const ENABLES = 'the container targets (lab run --target moto-container | localstack) run their emulator in a container';
const START_ENGINE =
  'Start the Docker engine: `npm run setup -- --with-docker` (starts dockerd in the background when there is no systemd), `sudo systemctl start docker`, or `sudo dockerd &`; or point DOCKER_HOST at a running engine. The default moto target needs none of this';

/** A Docker client alone is not enough: the container targets need a reachable engine, which `docker info` proves. */
export async function checkDocker(env: NodeJS.ProcessEnv): Promise<ToolCheck> {
  const base = { name: 'docker', enables: ENABLES, required: false };
  const bin = findExecutable('docker', env);
  if (!bin) {
    return {
      ...base,
      found: false,
      fix: 'Install Docker: `npm run setup -- --with-docker` (Debian: docker.io) or https://docs.docker.com/engine/install/; only the container targets need it',
      detail: 'no docker client on PATH',
    };
  }
  const [client, server] = await Promise.all([
    runBounded(bin, ['version', '--format', '{{.Client.Version}}'], { env, timeoutMs: 4000 }),
    runBounded(bin, ['info', '--format', '{{.ServerVersion}}'], { env, timeoutMs: 4000 }),
  ]);
  const clientVersion = client.stdout.trim().split('\n')[0] || undefined;
  const serverVersion = server.ok ? server.stdout.trim() : '';
  if (serverVersion) return { ...base, found: true, version: `client ${clientVersion ?? '?'}, engine ${serverVersion}`, path: bin };
  const reason = server.stderr.trim().split('\n').find((l) => l.trim()) ?? server.failure ?? 'docker info failed';
  const daemon = findExecutable('dockerd', env);
  return {
    ...base,
    found: false,
    version: clientVersion ? `client ${clientVersion}` : undefined,
    path: bin,
    fix: START_ENGINE,
    detail: daemon
      ? `Docker is installed (${daemon}) but its engine is stopped: container targets unavailable (${reason.trim()})`
      : `client found, no engine: container targets unavailable (${reason.trim()})`,
  };
}
