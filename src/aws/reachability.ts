/**
 * Whether an SDK call failed because nothing answered (refused, reset, timed out, DNS) rather than because the
 * service said no. Decides "emulator gone" / "AWS unreachable" apart from an API error.
 */
export function isConnectionFailure(err: unknown): boolean {
  const codes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE']);
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name } = e as { code?: string; name?: string };
    if ((code && codes.has(code)) || name === 'TimeoutError' || name === 'RequestTimeout') return true;
  }
  return false;
}

/** Credentials missing, expired or rejected: live AWS answered, but not to us. */
export function isCredentialFailure(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? '';
  return /CredentialsProviderError|ExpiredToken|InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|AccessDenied|InvalidAccessKeyId/.test(name);
}
