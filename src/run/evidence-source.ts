/**
 * What a lab's evidence was collected from: the deployment (for AWS labs) and this machine's tools. Evidence
 * depends on these, never on the journal, so a snapshot stays valid while they are unchanged.
 */
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AwsLabContext, Lab } from '../lab-api/lab.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { findExecutable } from '../toolchain/which.ts';

export interface EvidenceSource {
  /** AWS labs only: the run whose deployment was measured. */
  deployment?: { target: string; runId: string; endpoint?: string };
  host: string;
  kernel: string;
  node: string;
  root: boolean;
  /** journal-lab's version: a newer collector may record evidence of another shape. */
  harness: string;
  /**
   * Each declared tool's binary as found (path, size, mtime), or null when absent. Comparing these needs no process
   * spawn, and any install, upgrade or removal changes them.
   */
  tools: Record<string, { path: string; size: number; mtimeMs: number } | null>;
}

let harnessVersion: string | undefined;

/** The source a collection of this lab would have now; undefined for an AWS lab with nothing deployed. */
export function currentEvidenceSource(lab: Lab, aws: AwsLabContext | undefined, env: NodeJS.ProcessEnv = process.env): EvidenceSource | undefined {
  if (lab.kind === 'aws' && !aws) return undefined;
  harnessVersion ??= (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    ...(lab.kind === 'aws' && aws ? { deployment: { target: aws.target, runId: aws.runId, ...(aws.endpoint ? { endpoint: aws.endpoint } : {}) } } : {}),
    host: os.hostname(),
    kernel: os.release(),
    node: process.version,
    root: process.getuid?.() === 0,
    harness: harnessVersion,
    tools: Object.fromEntries([...lab.tools].sort().map((name) => [name, binaryIdentity(name, env)])),
  };
}

function binaryIdentity(name: string, env: NodeJS.ProcessEnv): EvidenceSource['tools'][string] {
  const found = findExecutable(name, env);
  if (!found) return null;
  try {
    const s = statSync(found); // follows symlinks: the alternatives link stays, the binary behind it changes
    return { path: found, size: s.size, mtimeMs: Math.trunc(s.mtimeMs) };
  } catch {
    return null;
  }
}

/** Same deployment, same machine, same tools: a snapshot from `recorded` is what collecting now would give. */
export function sameEvidenceSource(recorded: EvidenceSource | undefined, now: EvidenceSource | undefined): boolean {
  return !!recorded && !!now && canonical(recorded) === canonical(now);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}
