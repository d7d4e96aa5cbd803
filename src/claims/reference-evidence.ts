/** Evidence recorded from real runs and shipped with the project: what `lab judge` uses when no run of yours recorded any. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

export interface RecordedEvidence {
  lab: string;
  evidence: unknown;
  recordedAt: string;
  target: string;
  /** `reference`: shipped with journal-lab; `run`: from a run of yours under LAB_HOME. */
  origin: 'reference' | 'run';
  runId?: string;
}

const checksDir = path.join(PROJECT_ROOT, 'checks');

export function loadReferenceEvidence(): Map<string, RecordedEvidence> {
  const index = JSON.parse(readFileSync(path.join(checksDir, 'reference-evidence.json'), 'utf8')) as {
    labs: Record<string, { file: string; recordedAt: string; target: string }>;
  };
  const out = new Map<string, RecordedEvidence>();
  for (const [lab, entry] of Object.entries(index.labs)) {
    const evidence = JSON.parse(readFileSync(path.join(checksDir, entry.file), 'utf8')) as unknown;
    out.set(lab, { lab, evidence, recordedAt: entry.recordedAt, target: entry.target, origin: 'reference' });
  }
  return out;
}
