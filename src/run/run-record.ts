import { mkdir, readFile, rename, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ActiveTarget } from '../targets/active-target.ts';
import { UsageError } from '../errors.ts';

/** `closed`: ended without a destroy, because nothing of the run could be found any more (see `closure`). */
export type RunStage = 'starting' | 'deploying' | 'deployed' | 'destroying' | 'destroyed' | 'closed' | 'failed';

/** Why a run was closed rather than destroyed, with the observations that decided it. */
export interface RunClosure {
  reason: 'emulator-gone' | 'emulator-restarted' | 'nothing-left' | 'forgotten';
  evidence: string[];
  at: string;
}

/**
 * What a run keeps on disk so another process (`lab status`, `lab down`, a later run after a crash) can find its
 * target and tear its deployment down.
 */
export interface RunRecord {
  runId: string;
  createdAt: string;
  stage: RunStage;
  target: ActiveTarget;
  stateBucket: string;
  /** Stacks whose apply started: each may hold resources until destroyed. */
  stacksTouched: string[];
  outputs: Record<string, Record<string, unknown>>;
  certificate?: { subject: string; notAfter: string; sha256Fingerprint: string };
  error?: string;
  closure?: RunClosure;
}

/** LAB_HOME, else ./.lab in the current directory. */
export function labHome(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.LAB_HOME ?? '.lab');
}

export function runDirOf(home: string, runId: string): string {
  return path.join(home, 'runs', runId);
}

/** Where a run without a deployment (local labs only) keeps its captures and logs. */
export function localWorkDir(home: string): string {
  return path.join(home, 'local', new Date().toISOString().replace(/[:.]/g, '-'));
}

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

export async function saveRunRecord(home: string, record: RunRecord): Promise<void> {
  const dir = runDirOf(home, record.runId);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'run.json');
  // A temp name per writer: two processes saving at once must never rename each other's half-written file.
  const tmp = `${file}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(record, null, 2) + '\n');
  await rename(tmp, file);
}

export async function loadRunRecord(home: string, runId: string): Promise<RunRecord> {
  try {
    return JSON.parse(await readFile(path.join(runDirOf(home, runId), 'run.json'), 'utf8')) as RunRecord;
  } catch {
    throw new UsageError(`No run "${runId}" in ${home}.`, 'List runs with `lab status`; runs live in LAB_HOME (default ./.lab).');
  }
}

export function isFinished(stage: RunStage): boolean {
  return stage === 'destroyed' || stage === 'closed';
}

/** Runs that may still hold resources or processes, newest first. */
export async function openRuns(home: string): Promise<RunRecord[]> {
  let ids: string[];
  try {
    ids = await readdir(path.join(home, 'runs'));
  } catch {
    return [];
  }
  const records = await Promise.all(ids.map((id) => loadRunRecord(home, id).catch(() => undefined)));
  return records
    .filter((r): r is RunRecord => !!r && !isFinished(r.stage))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
