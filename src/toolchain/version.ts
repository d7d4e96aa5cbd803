/** First dotted version in a tool's banner ("iptables v1.8.9 (nf_tables)" → "1.8.9"). */
export function extractVersion(text: string): string | undefined {
  return /(\d+\.\d+(?:\.\d+)?(?:[-+~][0-9A-Za-z.+~-]*)?)/.exec(text)?.[1];
}

/** Numeric compare of major.minor.patch; pre-release suffixes are ignored (1.10.0-rc1 counts as 1.10.0). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, '').split(/[-+~]/)[0].split('.').map((p) => Number.parseInt(p, 10) || 0);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export function isAtLeast(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) >= 0;
}
