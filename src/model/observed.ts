/**
 * Observed or not, and why: the one model every collector, observer and judge uses for a point of evidence.
 * "Not observed" is never a pass and never `undefined`: `unverifiable` means this machine or target cannot show it
 * (a tool is missing, nothing is deployed), `error` means the harness broke while trying.
 */
export interface NotObserved {
  status: 'unverifiable' | 'error';
  reason: string;
}

export type Observed<T> = ({ status: 'observed' } & T) | NotObserved;

export function notObserved(reason: string, status: NotObserved['status'] = 'unverifiable'): NotObserved {
  return { status, reason };
}

/** True for a value collected as `notObserved(…)` — also a whole lab's evidence, when nothing of it could be collected. */
export function isNotObserved(value: unknown): value is NotObserved {
  if (typeof value !== 'object' || value === null) return false;
  const status = (value as { status?: unknown }).status;
  return (status === 'unverifiable' || status === 'error') && typeof (value as { reason?: unknown }).reason === 'string';
}

/** The same reason, said of the part that needed it ("the HAProxy experiment did not run (haproxy is missing)"). */
export function notObservedBecause(what: string, cause: NotObserved): NotObserved {
  return { status: cause.status, reason: `${what} (${cause.reason})` };
}
