import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { loadLabs } from '../../src/lab-api/registry.ts';
import { currentEvidenceSource } from '../../src/run/evidence-source.ts';
import { saveEvidenceSnapshot } from '../../src/run/evidence-snapshots.ts';

/**
 * Fills LAB_HOME's snapshots with the reference evidence recorded from real runs, as a run on this machine would
 * have left them: the local labs' from this machine's current tools, the AWS labs' from a run that is gone.
 */
export async function seedSnapshotsFromReference(home: string, recordedAt = '2026-11-28T09:30:00.000Z'): Promise<void> {
  const reference = loadReferenceEvidence();
  for (const lab of await loadLabs()) {
    const ref = reference.get(lab.id);
    if (!ref) continue;
    const runId = lab.kind === 'aws' ? 'c0ffee00' : undefined;
    const from = lab.kind === 'local' ? currentEvidenceSource(lab, undefined) : currentEvidenceSource(lab, { target: ref.target, region: 'us-east-1', runId: runId!, stateBucket: '', outputs: {}, synthesized: {} });
    await saveEvidenceSnapshot(home, { lab: lab.id, evidence: ref.evidence, recordedAt, target: ref.target, ...(runId ? { runId } : {}), collectedFrom: from, toolVersions: {} });
  }
}
