import path from 'node:path';
import { EnvironmentError, UsageError } from '../errors.ts';
import { TARGET_NAMES, type ActiveTarget } from './active-target.ts';
import { emulatorCredentials } from './emulator-credentials.ts';
import { startMotoServer, stopMotoServer } from './moto-server.ts';
import { probeEndpoint } from './probe-endpoint.ts';
import { startLocalStack, stopLocalStack } from './localstack.ts';
import { attachLiveAws } from './live-aws.ts';

export interface TargetRequest {
  target?: string;
  endpoint?: string;
  region: string;
  acceptAwsCosts?: boolean;
}

/** Starts (moto, LocalStack) or attaches to (--endpoint, live AWS) the target a run deploys to. */
export async function activateTarget(req: TargetRequest, runDir: string): Promise<ActiveTarget> {
  if (req.endpoint) return attachEndpoint(req.endpoint, req.region);
  const target = req.target ?? 'moto';
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
    case 'localstack':
      return startLocalStack(req.region);
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
  if (target.started?.kind === 'localstack') await stopLocalStack(target.started.containerId);
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
