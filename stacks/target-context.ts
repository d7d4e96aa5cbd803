/**
 * Everything a stack needs to know about where it deploys. The same stacks deploy to moto, LocalStack or AWS;
 * only this context differs.
 */
export interface TargetContext {
  /** 'moto' | 'localstack' | 'aws' | 'endpoint' — recorded in tags and results. */
  target: string;
  region: string;
  /** One endpoint for every service (emulators); undefined for live AWS. */
  endpoint?: string;
  /** Fixed dummy credentials for emulators only; live AWS uses the normal credential chain. */
  emulatorCredentials?: { accessKeyId: string; secretAccessKey: string };
  /** Short per-run id carried by every name and by the `journal-lab:run` tag. */
  runId: string;
  /** S3 bucket holding both tiers' state, created by the harness before `init`. */
  stateBucket: string;
}

export const RUN_TAG = 'journal-lab:run';

export const stackNames = { network: 'network', app: 'app' } as const;

/** Deploy order; destroy walks it backwards. */
export const STACK_ORDER = [stackNames.network, stackNames.app] as const;

export function stateKey(runId: string, stack: string): string {
  return `journal-lab/${runId}/${stack}.tfstate`;
}

/** Services the stacks and the checks talk to; each gets the emulator endpoint. */
export const EMULATED_SERVICES = ['ec2', 'elbv2', 'acm', 's3', 'sts', 'iam', 'ssm'] as const;
