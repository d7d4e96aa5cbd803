import { EnvironmentError } from '../errors.ts';
import type { ContainerEmulatorSpec } from './container-emulator.ts';

export const LOCALSTACK_DEFAULT_IMAGE = 'localstack/localstack:4';
const EDGE_PORT = 4566;
const HEALTH_PATH = '/_localstack/health';
/** The services the two-tier stacks and the state bucket call. */
export const LOCALSTACK_SERVICES = ['ec2', 'elbv2', 'acm', 's3', 'sts', 'iam', 'ssm'] as const;

/**
 * LocalStack's parts of the container target: since 2026-03 the image refuses to start without
 * LOCALSTACK_AUTH_TOKEN, and ELBv2 (the ALB and NLB the stacks deploy) is in the paid tier. The token goes to the
 * container's environment only, never into a message, log or result.
 */
export function localStackSpec(image: string | undefined, env: NodeJS.ProcessEnv = process.env): ContainerEmulatorSpec {
  const token = env.LOCALSTACK_AUTH_TOKEN;
  if (!token) {
    throw new EnvironmentError(
      'LocalStack needs LOCALSTACK_AUTH_TOKEN: its image refuses to start without an account since 2026-03.',
      'Set LOCALSTACK_AUTH_TOKEN (https://app.localstack.cloud/settings/auth-tokens; the plan must include ELBv2), or use --target moto-container / the default target moto.',
      'Nothing was started or deployed.',
    );
  }
  return {
    emulator: 'localstack',
    image: image ?? env.LAB_LOCALSTACK_IMAGE ?? LOCALSTACK_DEFAULT_IMAGE,
    containerPort: EDGE_PORT,
    healthPath: HEALTH_PATH,
    environment: { SERVICES: LOCALSTACK_SERVICES.join(','), LOCALSTACK_AUTH_TOKEN: token },
    explainStartFailure: explainLocalStackLog,
  };
}

/** What LocalStack's startup log says when it quit, in one line, or undefined when it says nothing we know. */
export function explainLocalStackLog(log: string): string | undefined {
  if (/license activation failed|LOCALSTACK_AUTH_TOKEN|exit code 55/i.test(log)) {
    const reason = /following reason:\s*\n\s*\n?([^\n]+)/i.exec(log)?.[1]?.trim();
    return `LocalStack refused to start: its license activation failed${reason ? ` (${reason})` : ''}. Check LOCALSTACK_AUTH_TOKEN.`;
  }
  return undefined;
}

export interface LocalStackHealth {
  edition?: string;
  version?: string;
  /** Needed services LocalStack does not offer (absent, or not "available"/"running"). */
  unavailable: string[];
}

/** Reads the JSON of /_localstack/health: which of the services the stacks need this LocalStack cannot serve. */
export function readLocalStackHealth(json: unknown): LocalStackHealth {
  const body = (json ?? {}) as { services?: Record<string, string>; edition?: string; version?: string };
  const services = body.services ?? {};
  const unavailable = LOCALSTACK_SERVICES.filter((s) => !['available', 'running'].includes(services[s] ?? ''));
  return { edition: body.edition, version: body.version, unavailable };
}

/** The answer LocalStack gives for a service outside the caller's plan (or not emulated); true for that answer. */
export function isLocalStackPlanRefusal(message: string): boolean {
  return /not included in your current license plan|not yet implemented or pro feature/i.test(message);
}

/**
 * After the container is healthy: refuse early (before Terraform creates half a stack) when this LocalStack cannot
 * serve ELBv2 or another needed service; the message names the paid tier rather than a Terraform error.
 */
export async function assertLocalStackServesStacks(endpoint: string, fetchImpl: typeof fetch = fetch): Promise<LocalStackHealth> {
  const health = readLocalStackHealth(await (await fetchImpl(new URL(HEALTH_PATH, endpoint), { signal: AbortSignal.timeout(5000) })).json());
  const probe = await fetchImpl(new URL('/', endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=journal-lab/20260101/us-east-1/elasticloadbalancing/aws4_request, SignedHeaders=host, Signature=0' },
    body: 'Action=DescribeLoadBalancers&Version=2015-12-01',
    signal: AbortSignal.timeout(10_000),
  });
  const answer = await probe.text();
  if (health.unavailable.includes('elbv2') || isLocalStackPlanRefusal(answer)) {
    throw new EnvironmentError(
      `This LocalStack (${health.edition ?? 'unknown edition'} ${health.version ?? ''}) does not serve ELBv2, which the app tier's ALB and NLB need: it is in LocalStack's paid tier.`.replace(' )', ')'),
      'Use a LOCALSTACK_AUTH_TOKEN whose plan includes ELBv2, or --target moto-container / the default target moto (free, ELBv2 included).',
      'Nothing was deployed; the LocalStack container was removed.',
    );
  }
  if (health.unavailable.length > 0) {
    throw new EnvironmentError(
      `This LocalStack does not serve ${health.unavailable.join(', ')}, which the stacks need.`,
      `Start it with SERVICES including ${LOCALSTACK_SERVICES.join(',')}, or use --target moto-container.`,
      'Nothing was deployed; the LocalStack container was removed.',
    );
  }
  return health;
}
