/**
 * Headless Chromium for the tests that must see the diagrams drawn: Debian's chromium found on PATH (or named by
 * LAB_CHROMIUM), never a browser downloaded by npm. Launched with a fresh profile and without the background
 * connections a closed network refuses.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findExecutable } from '../../src/toolchain/which.ts';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.LAB_CHROMIUM) return env.LAB_CHROMIUM;
  for (const name of NAMES) {
    const found = findExecutable(name, env);
    if (found) return found;
  }
  return undefined;
}

export const NO_CHROMIUM = 'no chromium on PATH (apt-get install -y chromium, or `bash scripts/setup.sh --with-browser`; LAB_CHROMIUM=/path/to/chrome to choose one)';

export async function launchChromium(executablePath: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'jl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
