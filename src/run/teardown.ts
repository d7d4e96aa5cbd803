/**
 * Everything a run creates registers its undo here right after creating it; `run()` undoes in reverse order and
 * keeps going past failures, so one stuck step never leaves the rest behind.
 */
export interface TeardownFailure {
  name: string;
  message: string;
}

export class TeardownStack {
  private readonly steps: { name: string; fn: () => unknown }[] = [];
  private running: Promise<TeardownFailure[]> | undefined;

  add(name: string, fn: () => unknown): void {
    this.steps.push({ name, fn });
  }

  get size(): number {
    return this.steps.length;
  }

  /** Idempotent: a second call (Ctrl-C during teardown) waits for the first instead of undoing twice. */
  run(): Promise<TeardownFailure[]> {
    this.running ??= this.undoAll();
    return this.running;
  }

  private async undoAll(): Promise<TeardownFailure[]> {
    const failures: TeardownFailure[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.fn();
      } catch (err) {
        failures.push({ name: step.name, message: err instanceof Error ? err.message : String(err) });
      }
    }
    this.running = undefined;
    return failures;
  }
}
