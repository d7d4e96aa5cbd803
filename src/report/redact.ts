/**
 * Last line of defence: results, logs and journals never carry a private key, even if a collector slipped one
 * into a summary. A PEM private key (any `-----BEGIN ... PRIVATE KEY-----`) becomes `[redacted]`, up to its END
 * line, or to the end of the string when the END line is missing (a truncated key is still a secret).
 */
const PRIVATE_KEY_PEM = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|[\s\S]*$)/g;

export const REDACTED = '[redacted]';

export function redactPrivateKeys(text: string): string {
  return text.replace(PRIVATE_KEY_PEM, REDACTED);
}

/** A copy of a JSON-like value with every string redacted; objects keep their key order. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactPrivateKeys(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v);
    return out as T;
  }
  return value;
}
