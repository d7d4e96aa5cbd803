export type EndpointKind = 'moto' | 'localstack' | 'aws-compatible';

/** Any HTTP answer within the timeout counts as reachable; what answers decides the kind. */
export async function probeEndpoint(url: string, timeoutMs = 3000): Promise<{ reachable: boolean; kind?: EndpointKind; error?: string }> {
  try {
    const moto = await fetch(new URL('/moto-api/', url), { signal: AbortSignal.timeout(timeoutMs) });
    if (moto.ok) return { reachable: true, kind: 'moto' };
    const localstack = await fetch(new URL('/_localstack/health', url), { signal: AbortSignal.timeout(timeoutMs) });
    if (localstack.ok) return { reachable: true, kind: 'localstack' };
    return { reachable: true, kind: 'aws-compatible' };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { reachable: false, error: cause ?? (err instanceof Error ? err.message : String(err)) };
  }
}

/** Polls until the endpoint answers, the process we wait on dies, or time runs out (bounded). */
export async function waitUntilAnswering(
  url: string,
  { timeoutMs, isAlive }: { timeoutMs: number; isAlive: () => boolean },
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) return false;
    if ((await probeEndpoint(url, 1000)).reachable) return true;
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}
