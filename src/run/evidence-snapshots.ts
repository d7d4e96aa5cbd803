/**
 * Each lab's newest evidence, kept under LAB_HOME with what it was collected from (deployment, tools and their
 * versions) and when, so `lab check` can judge again without collecting while that is unchanged, and `lab judge`
 * can judge single statements. Secrets are redacted before anything reaches the disk.
 */
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadReferenceEvidence, type RecordedEvidence } from '../claims/reference-evidence.ts';
import { redactDeep } from '../report/redact.ts';
import type { EvidenceSource } from './evidence-source.ts';

export interface EvidenceSnapshot extends RecordedEvidence {
  origin: 'run';
  /** Absent in snapshots written before sources were recorded: such a snapshot is never reused as fresh. */
  collectedFrom?: EvidenceSource;
  /** Versions of the lab's tools as they reported them (null: missing or broken). */
  toolVersions?: Record<string, string | null>;
}

const dirOf = (home: string) => path.join(home, 'evidence');

export async function saveEvidenceSnapshot(home: string, snapshot: Omit<EvidenceSnapshot, 'origin'>): Promise<void> {
  await mkdir(dirOf(home), { recursive: true });
  const file = path.join(dirOf(home), `${snapshot.lab}.json`);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(redactDeep({ ...snapshot, origin: 'run' }), null, 2) + '\n', { mode: 0o600 });
  await rename(temp, file);
}

/** Snapshots recorded by runs here, per lab; unreadable files are skipped (the reference evidence stands in). */
export async function loadEvidenceSnapshots(home: string): Promise<Map<string, EvidenceSnapshot>> {
  const out = new Map<string, EvidenceSnapshot>();
  let files: string[];
  try {
    files = (await readdir(dirOf(home))).filter((f) => f.endsWith('.json'));
  } catch {
    return out;
  }
  await Promise.all(
    files.map(async (f) => {
      try {
        const s = JSON.parse(await readFile(path.join(dirOf(home), f), 'utf8')) as EvidenceSnapshot;
        if (s.lab && s.evidence !== undefined) out.set(s.lab, { ...s, origin: 'run' });
      } catch {
        // A half-written or foreign file: ignore it rather than judge on it.
      }
    }),
  );
  return out;
}

/** The newest evidence per lab: a run's snapshot on this machine wins over the reference one shipped. */
export async function recordedEvidence(home: string): Promise<Map<string, RecordedEvidence>> {
  const merged = loadReferenceEvidence();
  for (const [lab, snap] of await loadEvidenceSnapshots(home)) merged.set(lab, snap);
  return merged;
}
