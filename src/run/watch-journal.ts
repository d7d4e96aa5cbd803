/**
 * `lab check --watch`: judges the journal again whenever it is saved (debounced), on evidence gathered once per
 * lab (evidence depends on the environment, not on the journal). Writes only the marked blocks, and only onto the
 * version it read: a save that lands while it writes makes it read and judge again, never overwrite.
 */
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LabError } from '../errors.ts';
import { sha256 } from '../journal/read-journal.ts';
import { JournalChangedError } from '../journal/write-results.ts';
import { gatherEvidence, type GatheredEvidence } from './gather-evidence.ts';
import { judgeAndWrite, planJudgement, type JudgementResult, type JudgePlan, type JudgeRunOptions } from './judge-journal.ts';

export const WATCH_DEBOUNCE_MS = 300;
/** Saves racing the writer this many times in a row: wait for the next quiet moment instead of spinning. */
const MAX_RETRIES = 20;

export async function watchJournal(
  journalPath: string,
  labNames: readonly string[],
  memo: JudgePlan['memo'],
  opts: JudgeRunOptions,
  report: (result: JudgementResult) => void,
  debounceMs = WATCH_DEBOUNCE_MS,
): Promise<void> {
  const file = path.resolve(journalPath);
  const gathered: GatheredEvidence = { evidence: new Map(), snapshots: {} };
  let judgedHash: string | undefined;
  const changes = saveNotifier(file, debounceMs, opts.signal);
  try {
    while (!opts.signal.aborted) {
      const current = await hashOf(file);
      if (current !== undefined && current !== judgedHash) {
        judgedHash = (await judgeLatest(journalPath, labNames, memo, gathered, opts, report)) ?? current;
        continue; // a save during the judgement shows as a new hash right away
      }
      await changes.next();
    }
  } finally {
    changes.close();
  }
}

/** Reads, judges and writes until a write lands on the version read; returns the hash now on disk. */
async function judgeLatest(
  journalPath: string,
  labNames: readonly string[],
  memo: JudgePlan['memo'],
  gathered: GatheredEvidence,
  opts: JudgeRunOptions,
  report: (result: JudgementResult) => void,
): Promise<string | undefined> {
  for (let attempt = 0; attempt < MAX_RETRIES && !opts.signal.aborted; attempt++) {
    try {
      const plan = await planJudgement(journalPath, labNames, memo);
      const lacking = plan.labsToRun.filter((l) => !gathered.evidence.has(l.id));
      if (lacking.length > 0) {
        const more = await gatherEvidence(lacking, { workDir: opts.workDir, signal: opts.signal, log: opts.log, aws: opts.aws, mode: opts.evidenceMode ?? 'auto', snapshotHome: opts.snapshotHome });
        for (const [lab, e] of more.evidence) gathered.evidence.set(lab, e);
        Object.assign(gathered.snapshots, more.snapshots);
      }
      const inPlan = new Set(plan.labsToRun.map((l) => l.id));
      const own: GatheredEvidence = {
        evidence: new Map([...gathered.evidence].filter(([lab]) => inPlan.has(lab))),
        snapshots: Object.fromEntries(Object.entries(gathered.snapshots).filter(([lab]) => inPlan.has(lab))),
      };
      const result = await judgeAndWrite(plan, own, opts);
      report(result);
      return result.hash ?? plan.doc.hash;
    } catch (err) {
      if (opts.signal.aborted) return undefined;
      if (err instanceof JournalChangedError) continue; // saved meanwhile: read that version and judge it
      // A half-typed journal (a broken marker, a bad table) is the learner's to fix: say so and keep watching.
      opts.log(err instanceof LabError ? `not judged: ${err.message} ${err.fix}` : `not judged: ${err instanceof Error ? err.message : String(err)}`);
      return hashOf(path.resolve(journalPath));
    }
  }
  return undefined;
}

async function hashOf(file: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(file));
  } catch {
    return undefined; // mid-save (renamed away) or deleted: the next event tells
  }
}

/**
 * Resolves `next()` once the file was quiet for `debounceMs` after a change. Watches the directory, because
 * editors save by renaming a new file over the old one, which ends a watch on the file itself.
 */
function saveNotifier(file: string, debounceMs: number, signal: AbortSignal): { next(): Promise<void>; close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let pending = false;
  const fire = () => {
    pending = true;
    wake?.();
  };
  const watcher = watch(path.dirname(file), (_event, name) => {
    if (name !== null && name !== path.basename(file)) return;
    clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  return {
    next: () =>
      new Promise<void>((resolve) => {
        if (pending || signal.aborted) {
          pending = false;
          return resolve();
        }
        wake = () => {
          wake = undefined;
          pending = false;
          resolve();
        };
      }),
    close: () => {
      clearTimeout(timer);
      watcher.close();
      signal.removeEventListener('abort', onAbort);
    },
  };
}
