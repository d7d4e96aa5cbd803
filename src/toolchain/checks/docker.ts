import type { ToolCheck } from '../check-types.ts';
import { findExecutable } from '../which.ts';
import { runBounded } from '../run-bounded.ts';

const ENABLES = 'the LocalStack target (lab run --target localstack) runs LocalStack in a container';

/** A Docker client alone is not enough: LocalStack needs a reachable engine, which `docker info` proves. */
export async function checkDocker(env: NodeJS.ProcessEnv): Promise<ToolCheck> {
  const base = { name: 'docker', enables: ENABLES, required: false };
  const bin = findExecutable('docker', env);
  if (!bin) return { ...base, found: false, fix: 'Install Docker Engine (https://docs.docker.com/engine/install/); only the LocalStack target needs it', detail: 'no docker client on PATH' };
  const [client, server] = await Promise.all([
    runBounded(bin, ['version', '--format', '{{.Client.Version}}'], { env, timeoutMs: 4000 }),
    runBounded(bin, ['info', '--format', '{{.ServerVersion}}'], { env, timeoutMs: 4000 }),
  ]);
  const clientVersion = client.stdout.trim().split('\n')[0] || undefined;
  const serverVersion = server.ok ? server.stdout.trim() : '';
  if (serverVersion) return { ...base, found: true, version: `client ${clientVersion ?? '?'}, engine ${serverVersion}`, path: bin };
  const reason = server.stderr.trim().split('\n').find((l) => l.trim()) ?? server.failure ?? 'docker info failed';
  return {
    ...base,
    found: false,
    version: clientVersion ? `client ${clientVersion}` : undefined,
    path: bin,
    fix: 'Start the Docker engine (sudo systemctl start docker) or point DOCKER_HOST at one; or use the default moto target',
    detail: `client found, no engine: LocalStack target unavailable (${reason.trim()})`,
  };
}
