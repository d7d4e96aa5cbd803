/**
 * Decides, per lab, whether its evidence is collected now or taken from its snapshot, and records what was
 * collected. Evidence depends on the environment, not on the journal: a snapshot is reused while what it was
 * collected from is unchanged (same deployment, same tools), and stands in when the lab cannot be collected now.
 */
import type { AwsLabContext, Lab } from '../lab-api/lab.ts';
import { UsageError } from '../errors.ts';
import type { SnapshotUse } from '../model/types.ts';
import { DOCTOR_CHECKS } from '../toolchain/doctor.ts';
import { collectEvidence } from './collect-evidence.ts';
import { currentEvidenceSource, sameEvidenceSource, type EvidenceSource } from './evidence-source.ts';
import { loadEvidenceSnapshots, saveEvidenceSnapshot } from './evidence-snapshots.ts';
import type { LabEvidence } from './judge-questions.ts';
import { TeardownStack } from './teardown.ts';

/** `auto`: reuse while unchanged, else collect; `cached`: snapshots only; `fresh`: always collect. */
export type EvidenceMode = 'auto' | 'cached' | 'fresh';


export interface GatheredEvidence {
  evidence: Map<string, LabEvidence>;
  snapshots: Record<string, SnapshotUse>;
}

export interface GatherOptions {
  workDir: string;
  signal: AbortSignal;
  log(line: string): void;
  aws?: AwsLabContext;
  mode: EvidenceMode;
  /** LAB_HOME: where snapshots live; unset in tests that must neither read nor write them. */
  snapshotHome?: string;
  /** Per lab, what its `collectBeforeDeployment` already gathered (`lab run`). */
  early?: ReadonlyMap<string, unknown>;
}

export async function gatherEvidence(labs: readonly Lab[], opts: GatherOptions): Promise<GatheredEvidence> {
  const recorded = opts.snapshotHome && opts.mode !== 'fresh' ? await loadEvidenceSnapshots(opts.snapshotHome) : new Map();
  const evidence = new Map<string, LabEvidence>();
  const snapshots: Record<string, SnapshotUse> = {};
  const sources = new Map<string, EvidenceSource | undefined>();
  const toCollect: Lab[] = [];
  const without: string[] = [];
  for (const lab of labs) {
    const now = currentEvidenceSource(lab, opts.aws);
    sources.set(lab.id, now);
    const snap = recorded.get(lab.id);
    const unchanged = sameEvidenceSource(snap?.collectedFrom, now);
    const use = opts.mode === 'cached' ? !!snap : opts.mode === 'auto' && !!snap && (unchanged || !now);
    if (use) {
      evidence.set(lab.id, { ok: true, evidence: snap.evidence });
      snapshots[lab.id] = { recordedAt: snap.recordedAt, target: snap.target, ...(snap.runId ? { runId: snap.runId } : {}), fresh: unchanged, collected: false };
      opts.log(`${lab.id}: evidence recorded ${snap.recordedAt}${unchanged ? ' (what it was collected from is unchanged)' : ' (judged on this snapshot: it cannot be collected now)'}`);
    } else if (opts.mode === 'cached') {
      without.push(lab.id);
    } else {
      toCollect.push(lab);
    }
  }
  if (without.length > 0) {
    throw new UsageError(
      `--cached: no evidence has been recorded here for ${without.join(', ')}.`,
      '`lab run` (or `lab check` without --cached) once to record it, then --cached judges on it.',
      'The journal was not changed.',
    );
  }
  const teardown = new TeardownStack();
  let collected: Map<string, LabEvidence>;
  try {
    collected = await collectEvidence(toCollect, { workDir: opts.workDir, signal: opts.signal, teardown, log: opts.log, aws: opts.aws, early: opts.early });
  } finally {
    const failures = await teardown.run();
    for (const f of failures) opts.log(`cleanup of ${f.name} failed: ${f.message}`);
  }
  for (const lab of toCollect) {
    const got = collected.get(lab.id)!;
    evidence.set(lab.id, got);
    if (!got.ok) continue;
    const recordedAt = new Date().toISOString();
    const target = lab.kind === 'local' ? 'local' : (opts.aws?.target ?? 'local');
    const runId = lab.kind === 'aws' ? opts.aws?.runId : undefined;
    snapshots[lab.id] = { recordedAt, target, ...(runId ? { runId } : {}), fresh: true, collected: true };
    if (opts.snapshotHome && !opts.signal.aborted) {
      const from = sources.get(lab.id);
      await saveEvidenceSnapshot(opts.snapshotHome, { lab: lab.id, evidence: got.evidence, recordedAt, target, ...(runId ? { runId } : {}), ...(from ? { collectedFrom: from } : {}), toolVersions: await toolVersions(lab) });
    }
  }
  // Callers read the map in the labs' order.
  return { evidence: new Map(labs.filter((l) => evidence.has(l.id)).map((l) => [l.id, evidence.get(l.id)!])), snapshots };
}

async function toolVersions(lab: Lab): Promise<Record<string, string | null>> {
  const names = lab.tools.filter((n) => DOCTOR_CHECKS[n]);
  const checks = await Promise.all(names.map((n) => DOCTOR_CHECKS[n](process.env)));
  return Object.fromEntries(checks.map((c) => [c.name, c.found ? (c.version ?? null) : null]));
}
