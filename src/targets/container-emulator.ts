import type { GenericContainer as GenericContainerType } from 'testcontainers';
import { EnvironmentError } from '../errors.ts';
import { checkDocker } from '../toolchain/checks/docker.ts';

/** Every container the harness starts carries this label with the run id, so `lab down` and sweeps find it. */
export const RUN_LABEL = 'journal-lab.run';

/** An AWS emulator that runs in a container image: where it listens inside, and how it says it is ready. */
export interface ContainerEmulatorSpec {
  /** 'moto' | 'localstack': for messages and the run record. */
  emulator: string;
  image: string;
  containerPort: number;
  healthPath: string;
  environment?: Record<string, string>;
  /** Extra lines for the error when the container exits or never becomes healthy (e.g. LocalStack's auth token). */
  explainStartFailure?: (containerLog: string) => string | undefined;
}

export interface StartedContainerEmulator {
  containerId: string;
  endpoint: string;
  hostPort: number;
}

const STARTUP_TIMEOUT_MS = 120_000;

/**
 * Starts an emulator container through testcontainers' GenericContainer, published on 127.0.0.1 only, and waits for
 * its health endpoint. Ryuk (testcontainers' reaper) is off: it would remove the container when this process exits,
 * but `lab up` must leave the emulator running for `lab down`; and its image cannot be pulled where no registry is
 * reachable. Removal is guaranteed instead by the run id label, the container id in the run record (reported through
 * `onCreated` before the container starts) and the run's teardown.
 */
export async function startContainerEmulator(
  spec: ContainerEmulatorSpec,
  runId: string,
  onCreated: (containerId: string) => void | Promise<void> = () => {},
): Promise<StartedContainerEmulator> {
  await assertEngineAnswers(spec);
  const { GenericContainer, Wait } = await loadTestcontainers();
  const container = new (loopbackContainerClass(GenericContainer))(spec.image, onCreated)
    .withExposedPorts(spec.containerPort)
    .withEnvironment(spec.environment ?? {})
    .withLabels({ [RUN_LABEL]: runId, 'journal-lab.emulator': spec.emulator })
    .withAutoCleanup(false)
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .withWaitStrategy(Wait.forHttp(spec.healthPath, spec.containerPort).forStatusCode(200));
  try {
    const started = await container.start();
    const hostPort = started.getMappedPort(spec.containerPort);
    return { containerId: started.getId(), endpoint: `http://127.0.0.1:${hostPort}`, hostPort };
  } catch (err) {
    const log = await containerLogTail(runId);
    await removeRunContainers(runId).catch(() => undefined);
    const first = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const explained = spec.explainStartFailure?.(log);
    throw new EnvironmentError(
      `The ${spec.emulator} container (${spec.image}) could not be started: ${first}${explained ? `\n${explained}` : ''}`,
      startFailureFix(spec, first),
      'Nothing was deployed; the container (if one was created) was removed.',
      { cause: err },
    );
  }
}

/**
 * The same engine check as `lab doctor` (the docker CLI, which honours DOCKER_HOST strictly): testcontainers would
 * otherwise fall back from an unreachable DOCKER_HOST to /var/run/docker.sock, a different engine than the one the
 * user named. Without a docker CLI, testcontainers' own discovery decides.
 */
async function assertEngineAnswers(spec: ContainerEmulatorSpec): Promise<void> {
  const engine = await checkDocker(process.env);
  if (engine.found || !engine.path) return;
  throw new EnvironmentError(
    `The ${spec.emulator} container (${spec.image}) could not be started: ${engine.detail}`,
    engine.fix ?? 'Start the Docker engine.',
    'Nothing was started or deployed.',
  );
}

/** Stops and removes the run's container by id, then anything else carrying the run's label (a crash mid-start). */
export async function stopContainerEmulator(containerId: string, runId: string): Promise<void> {
  const { getContainerRuntimeClient } = await loadTestcontainers();
  try {
    const client = await getContainerRuntimeClient();
    await removeContainer(client, containerId);
    await removeRunContainers(runId);
  } catch (err) {
    throw new EnvironmentError(
      `The emulator container ${containerId.slice(0, 12)} of run ${runId} could not be removed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      `Start the Docker engine (\`npm run setup -- --with-docker\`) and run \`lab down --run ${runId}\`, or remove it yourself: docker rm -f $(docker ps -aq --filter label=${RUN_LABEL}=${runId})`,
      'The run stays on record until its container is gone.',
      { cause: err },
    );
  }
}

/** Removes every container labelled with the run id (any state); returns their ids. */
export async function removeRunContainers(runId: string): Promise<string[]> {
  const { getContainerRuntimeClient } = await loadTestcontainers();
  const client = await getContainerRuntimeClient();
  const ids = await labelledContainerIds(runId);
  for (const id of ids) await removeContainer(client, id);
  return ids;
}

/** Containers carrying the harness's run label: for one run, or for any run when runId is undefined. */
export async function labelledContainerIds(runId?: string): Promise<string[]> {
  const { getContainerRuntimeClient } = await loadTestcontainers();
  const client = await getContainerRuntimeClient();
  const label = runId ? `${RUN_LABEL}=${runId}` : RUN_LABEL;
  const found = await client.container.dockerode.listContainers({ all: true, filters: { label: [label] } });
  return found.map((c) => c.Id);
}

/** True while the container exists and runs; false once it is stopped, removed, or the engine is gone. */
export async function containerRunning(containerId: string): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await loadTestcontainers();
    const client = await getContainerRuntimeClient();
    return (await client.container.inspect(client.container.getById(containerId))).State.Running === true;
  } catch {
    return false;
  }
}

/**
 * testcontainers as the harness uses it. Ryuk is off (see startContainerEmulator). The host this process reaches
 * published ports on is 127.0.0.1, where they are published: left to itself, testcontainers sees /.dockerenv (as in
 * CI sandboxes) and uses the bridge gateway instead, where a loopback-only port never answers.
 */
async function loadTestcontainers(): Promise<typeof import('testcontainers')> {
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  process.env.TESTCONTAINERS_HOST_OVERRIDE = '127.0.0.1';
  return import('testcontainers');
}

type RuntimeClient = Awaited<ReturnType<typeof import('testcontainers')['getContainerRuntimeClient']>>;

async function removeContainer(client: RuntimeClient, containerId: string): Promise<void> {
  const container = client.container.getById(containerId);
  try {
    // A short grace: the emulator holds nothing worth a clean shutdown once the run has destroyed its resources,
    // and a server running as PID 1 may ignore SIGTERM, so a long grace is only waiting for the SIGKILL.
    await client.container.stop(container, { timeout: 2_000 });
  } catch (err) {
    if (!isGone(err) && !/not running|304/i.test(String(err))) throw err;
  }
  try {
    await client.container.remove(container, { removeVolumes: true });
  } catch (err) {
    if (!isGone(err)) throw err;
  }
}

function isGone(err: unknown): boolean {
  return (err as { statusCode?: number }).statusCode === 404 || /no such container|404/i.test(String(err));
}

async function containerLogTail(runId: string): Promise<string> {
  try {
    const { getContainerRuntimeClient } = await loadTestcontainers();
    const client = await getContainerRuntimeClient();
    const [id] = await labelledContainerIds(runId);
    if (!id) return '';
    const raw = await client.container.dockerode.getContainer(id).logs({ stdout: true, stderr: true, tail: 60 });
    return demuxDockerLog(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
  } catch {
    return '';
  }
}

/** Docker multiplexes stdout/stderr in 8-byte-framed chunks when the container has no TTY. */
export function demuxDockerLog(raw: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= raw.length && (raw[offset] === 1 || raw[offset] === 2) && raw.readUInt16BE(offset + 1) === 0) {
    const size = raw.readUInt32BE(offset + 4);
    parts.push(raw.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return offset === 0 ? raw.toString('utf8') : Buffer.concat(parts).toString('utf8');
}

function startFailureFix(spec: ContainerEmulatorSpec, message: string): string {
  if (/connect ENOENT|ECONNREFUSED|Could not find a working container runtime|docker\.sock/i.test(message)) {
    return 'Start the Docker engine (`npm run setup -- --with-docker`, or `dockerd &` as root) and check that `docker info` answers; or use the default target (moto).';
  }
  if (/pull|manifest|not found|no such image|registry|getaddrinfo|EAI_AGAIN/i.test(message)) {
    return `The image ${spec.image} is not on this machine and could not be pulled. Build a local moto image with \`bash scripts/build-emulator-image.sh\` (its last line is the tag) and pass it with --image TAG.`;
  }
  return `See \`docker logs\` of the container (label ${RUN_LABEL}); or use the default target (moto).`;
}

/**
 * GenericContainer publishes ports on every interface; this subclass binds each published port to 127.0.0.1 only
 * (nothing the harness starts listens beyond loopback) and reports the container id before the container starts.
 */
function loopbackContainerClass(Base: typeof GenericContainerType) {
  return class LoopbackContainer extends Base {
    constructor(image: string, private readonly reportCreated: (containerId: string) => void | Promise<void>) {
      super(image);
    }

    protected override async beforeContainerCreated(): Promise<void> {
      for (const bindings of Object.values(this.hostConfig.PortBindings ?? {}) as { HostIp?: string }[][]) {
        for (const binding of bindings) binding.HostIp = '127.0.0.1';
      }
    }

    protected override async containerCreated(containerId: string): Promise<void> {
      await this.reportCreated(containerId);
    }
  };
}
