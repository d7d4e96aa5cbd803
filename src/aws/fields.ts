/** A tag the harness puts on everything a run creates: `journal-lab:run=<id>`. */
export interface ResourceTag {
  key: string;
  value: string;
}

/**
 * The SDK types every field as optional; a record the harness builds must not carry an `undefined` that later
 * passes for "nothing there". A missing field is an error that names it.
 */
export function requireField<T>(value: T | null | undefined, field: string): T {
  if (value === undefined || value === null) throw new Error(`the AWS answer has no ${field}`);
  return value;
}

export function hasTag(tags: readonly { Key?: string; Value?: string }[] | undefined, tag: ResourceTag): boolean {
  return (tags ?? []).some((t) => t.Key === tag.key && t.Value === tag.value);
}

/** Name of an SDK error (NoSuchBucket, DependencyViolation …), or '' for anything else. */
export function awsErrorName(err: unknown): string {
  return typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string' ? (err as { name: string }).name : '';
}
