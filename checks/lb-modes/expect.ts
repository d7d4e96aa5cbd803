import type { Failure, Source, EvidenceItem } from '../../src/model/types.ts';
import type { RuleOutcome } from '../../src/model/judge-answer.ts';

/**
 * What a verdict relies on having been observed. When an observation is not what the lab expected, the harness
 * does not know better than the learner: the outcome becomes `unverifiable` with the failures, never a guess.
 */
export interface Expectation {
  path: string;
  ok: boolean;
  message: string;
}

export function expectThat(path: string, ok: boolean, message: string): Expectation {
  return { path, ok, message };
}

export function outcomeUnless(
  expectations: Expectation[],
  outcome: RuleOutcome,
): RuleOutcome {
  const failures: Failure[] = expectations.filter((e) => !e.ok).map((e) => ({ path: e.path, message: e.message }));
  if (failures.length === 0) return outcome;
  return {
    aspect: outcome.aspect,
    verdict: 'unverifiable',
    explanation: `The lab run did not show what this verdict needs (${failures.map((f) => f.message).join('; ')}), so it decides nothing. Re-run the lab; if it persists, the run's evidence shows what HAProxy did instead.`,
    evidence: outcome.evidence,
    sources: outcome.sources,
    failures,
  };
}

export function notCollectedOutcome(aspect: string, reason: string, sources: Source[], evidence: EvidenceItem[] = []): RuleOutcome {
  return {
    aspect,
    verdict: 'unverifiable',
    explanation: `Not checked on this machine: ${reason}. The verdict needs the local HAProxy experiment.`,
    evidence: [{ kind: 'not-collected', summary: reason }, ...evidence],
    sources,
  };
}
