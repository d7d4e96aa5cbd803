import { StageError } from '../errors.ts';

/**
 * Ctrl-C (or SIGTERM) aborts the running stage; teardown still runs. A second Ctrl-C only says so, because
 * stopping a teardown halfway is what leaks resources; a third gives up and exits.
 */
export function interruptSignal(log: (line: string) => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  let count = 0;
  const onSignal = (name: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      log(`${name}: stopping; tearing down what this run created…`);
      controller.abort(new StageError(`Interrupted (${name}).`, 'Re-run the command when ready.', 'Everything the run created was torn down.'));
    } else if (count === 2) {
      log('teardown in progress — press Ctrl-C again to exit now (this may leave resources; `lab down` removes them later)');
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
