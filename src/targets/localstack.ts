import { EnvironmentError } from '../errors.ts';
import { emulatorCredentials } from './emulator-credentials.ts';
import type { ActiveTarget } from './active-target.ts';

const IMAGE = process.env.LAB_LOCALSTACK_IMAGE ?? 'localstack/localstack:4';

/**
 * LocalStack in a container through testcontainers. The Ryuk reaper is disabled for this container's lifetime
 * because `lab up` must leave the deployment running for `lab down`, which removes the container by id.
 */
export async function startLocalStack(region: string): Promise<ActiveTarget> {
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  const { GenericContainer, Wait } = await import('testcontainers');
  try {
    const container = await new GenericContainer(IMAGE)
      .withExposedPorts(4566)
      .withEnvironment({ SERVICES: 'ec2,elbv2,acm,s3,sts,iam,ssm' })
      .withWaitStrategy(Wait.forHttp('/_localstack/health', 4566))
      .start();
    return {
      name: 'localstack',
      region,
      endpoint: `http://127.0.0.1:${container.getMappedPort(4566)}`,
      credentials: { ...emulatorCredentials },
      started: { kind: 'localstack', containerId: container.getId() },
    };
  } catch (err) {
    throw new EnvironmentError(
      `LocalStack could not be started: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      'LocalStack needs a running Docker engine (`docker info` must work). Without Docker use the default target (moto), or --endpoint URL to attach to a LocalStack running elsewhere on this machine.',
      'Nothing was deployed.',
      { cause: err },
    );
  }
}

export async function stopLocalStack(containerId: string): Promise<void> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  const container = client.container.getById(containerId);
  await client.container.stop(container, { timeout: 10_000 });
  await client.container.remove(container, { removeVolumes: true });
}
