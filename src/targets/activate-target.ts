import path from 'node:path';
import { EnvironmentError, UsageError } from '../errors.ts';
import { TARGET_NAMES, type ActiveTarget, type StartedContainer } from './active-target.ts';
import { emulatorCredentials } from './emulator-credentials.ts';
import { startMotoServer, stopMotoServer } from './moto-server.ts';
import { probeEndpoint } from './probe-endpoint.ts';
import { assertLocalStackServesStacks, localStackSpec } from './localstack.ts';
import { motoContainerSpec } from './moto-container.ts';
import { startContainerEmulator, stopContainerEmulator, type ContainerEmulatorSpec } from './container-emulator.ts';
import { attachLiveAws } from './live-aws.ts';

export interface TargetRequest {
  target?: string;
  endpoint?: string;
  region: string;
  acceptAwsCosts?: boolean;
  /** Container image for moto-container and localstack. */
  image?: string;
}

/** Called once an emulator container exists, before it starts, so the run record can name it at once. */
export type OnContainerCreated = (target: ActiveTarget) => void | Promise<void>;

/** Starts (moto, or an emulator container: moto-container, LocalStack) or attaches to (--endpoint, live AWS) the target a run deploys to. */
export async function activateTarget(req: TargetRequest, runDir: string, runId: string, onContainerCreated?: OnContainerCreated): Promise<ActiveTarget> {
  if (req.endpoint) return attachEndpoint(req.endpoint, req.region);
  const target = req.target ?? 'moto';
  if (req.image && target !== 'moto-container' && target !== 'localstack') {
    throw new UsageError(`--image applies to the container targets, not to --target ${target}.`, 'Use it with --target moto-container or --target localstack.', 'Nothing was started or deployed.');
  }
  switch (target) {
    case 'moto': {
      const moto = await startMotoServer(path.join(runDir, 'moto.log'));
      return {
        name: 'moto',
        region: req.region,
        endpoint: moto.endpoint,
        credentials: { ...emulatorCredentials },
        started: { kind: 'moto', pid: moto.pid, port: moto.port, logFile: moto.logFile },
      };
    }
    case 'moto-container':
      return startContainerTarget(target, motoContainerSpec(req.image), req.region, runId, onContainerCreated);
    case 'localstack': {
      const started = await startContainerTarget(target, localStackSpec(req.image), req.region, runId, onContainerCreated);
      await assertLocalStackServesStacks(started.endpoint!).catch(async (err) => {
        await releaseTarget(started);
        throw err;
      });
      return started;
    }
    case 'aws':
      return attachLiveAws(req.region, req.acceptAwsCosts ?? false);
    default:
      throw new UsageError(
        `Unknown target "${target}".`,
        `Use --target ${TARGET_NAMES.join(' | ')}, or --endpoint URL to attach to an emulator that is already running.`,
        'Nothing was started or deployed.',
      );
  }
}

/** Stops only what the harness started; an attached endpoint is left as it was. */
export async function releaseTarget(target: ActiveTarget): Promise<void> {
  if (target.started?.kind === 'moto') await stopMotoServer(target.started.pid);
  if (target.started?.kind === 'container') await stopContainerEmulator(target.started.containerId, target.started.runId);
}

async function startContainerTarget(
  name: string,
  spec: ContainerEmulatorSpec,
  region: string,
  runId: string,
  onCreated: OnContainerCreated | undefined,
): Promise<ActiveTarget> {
  const base = { name, region, credentials: { ...emulatorCredentials } };
  const startedAs = (containerId: string): StartedContainer => ({ kind: 'container', emulator: spec.emulator, image: spec.image, containerId, runId });
  const container = await startContainerEmulator(spec, runId, (id) => onCreated?.({ ...base, started: startedAs(id) }));
  return { ...base, endpoint: container.endpoint, started: startedAs(container.containerId) };
}

async function attachEndpoint(endpoint: string, region: string): Promise<ActiveTarget> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(`--endpoint "${endpoint}" is not a URL.`, 'Pass it like --endpoint http://127.0.0.1:5000');
  }
  const probe = await probeEndpoint(url.href);
  if (!probe.reachable) {
    throw new EnvironmentError(
      `The endpoint ${url.origin} does not answer (${probe.error}).`,
      'Start the emulator first (e.g. `moto_server -H 127.0.0.1 -p 5000`) or drop --endpoint to let journal-lab start moto itself.',
      'Nothing was deployed.',
    );
  }
  return {
    name: probe.kind === 'localstack' ? 'localstack' : probe.kind === 'moto' ? 'moto' : 'endpoint',
    region,
    endpoint: url.origin,
    credentials: { ...emulatorCredentials },
  };
}
