/**
 * The newest evidence each lab collected on this machine, kept under LAB_HOME so statements can be judged again
 * without collecting (`lab judge`). Secrets are redacted before anything reaches the disk.
 */
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecordedEvidence } from '../claims/reference-evidence.ts';
import { redactDeep } from '../report/redact.ts';

const dirOf = (home: string) => path.join(home, 'evidence');

export async function saveEvidenceSnapshot(home: string, snapshot: Omit<RecordedEvidence, 'origin'>): Promise<void> {
  await mkdir(dirOf(home), { recursive: true });
  const file = path.join(dirOf(home), `${snapshot.lab}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(redactDeep({ ...snapshot, origin: 'run' }), null, 2) + '\n', { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

/** Snapshots recorded by runs here, per lab; unreadable files are skipped (the reference evidence stands in). */
export async function loadEvidenceSnapshots(home: string): Promise<Map<string, RecordedEvidence>> {
  const out = new Map<string, RecordedEvidence>();
  let files: string[];
  try {
    files = (await readdir(dirOf(home))).filter((f) => f.endsWith('.json'));
  } catch {
    return out;
  }
  for (const f of files) {
    try {
      const s = JSON.parse(await readFile(path.join(dirOf(home), f), 'utf8')) as RecordedEvidence;
      if (s.lab && s.evidence !== undefined) out.set(s.lab, { ...s, origin: 'run' });
    } catch {
      // A half-written or foreign file: ignore it rather than judge on it.
    }
  }
  return out;
}
