import { mkdir } from 'node:fs/promises';
import type { LabContext } from './lab.ts';
import { TeardownStack } from '../run/teardown.ts';

/** A LabContext for running a lab's collector on its own (tests, recorders); the caller runs `teardown.run()`. */
export async function createLocalLabContext(workDir: string, log: (line: string) => void = () => {}): Promise<LabContext & { abort(): void }> {
  await mkdir(workDir, { recursive: true });
  const controller = new AbortController();
  return {
    workDir,
    signal: controller.signal,
    log,
    teardown: new TeardownStack(),
    abort: () => controller.abort(),
  };
}
