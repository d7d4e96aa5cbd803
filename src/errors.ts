/**
 * The few error kinds the CLI knows how to report. Each says what happened, what was kept safe, and the
 * command that fixes it. Commands throw these; only the CLI entry prints them and chooses the exit code.
 */
export class LabError extends Error {
  constructor(
    message: string,
    readonly fix: string,
    readonly kept = '',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad user input: flags, journal content, unknown lab or target. Exit code 2. */
export class UsageError extends LabError {}

/** Something the harness needs is missing or unreachable: terraform, provider, endpoint, port. Exit code 3. */
export class EnvironmentError extends LabError {}

/** A stage failed while running: deploy, collect, teardown. Exit code 4. */
export class StageError extends LabError {}

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return 2;
  if (err instanceof EnvironmentError) return 3;
  if (err instanceof StageError) return 4;
  return 1;
}
