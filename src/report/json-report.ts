import type { ClaimResult, ClaimVerdict, QuestionResult, QuestionVerdict, RunResult, SnapshotUse } from '../model/types.ts';
import { redactDeep } from './redact.ts';

/** The `--json` contract is the model itself: a claim and a question print exactly as the judges made them. */
export type JsonClaim = ClaimResult;
export type JsonQuestion = QuestionResult;

export interface JsonReport {
  journal: string;
  target: string;
  date: string;
  summary: { questions: Partial<Record<QuestionVerdict, number>>; claims: Partial<Record<ClaimVerdict, number>> };
  questions: JsonQuestion[];
  /** Per lab: when its evidence was recorded, from which target and run, and whether it is fresh. */
  snapshots?: Record<string, SnapshotUse>;
  /** The evidence snapshots per lab, so every verdict can be audited. */
  evidence: Record<string, unknown>;
}

/** What `--json` prints: the run as plain data, keys in a fixed order, private keys redacted. */
export function toJsonReport(run: RunResult): JsonReport {
  const questions = run.questions.map(
    (q): JsonQuestion => ({
      key: q.key,
      section: q.section,
      number: q.number,
      question: q.question,
      labs: [...q.labs],
      verdict: q.verdict,
      claims: q.claims.map(jsonClaim),
      unjudged: [...q.unjudged],
      ...(q.closest ? { closest: { ...q.closest } } : {}),
    }),
  );
  return redactDeep({
    journal: run.journal,
    target: run.target,
    date: run.date,
    summary: {
      questions: tally(run.questions.map((q) => q.verdict)),
      claims: tally(run.questions.flatMap((q) => q.claims.map((c) => c.verdict))),
    },
    questions,
    ...(run.snapshots ? { snapshots: run.snapshots } : {}),
    evidence: run.evidence,
  });
}

function jsonClaim(c: ClaimResult): JsonClaim {
  return {
    claim: c.claim,
    ...(c.aspect !== undefined ? { aspect: c.aspect } : {}),
    verdict: c.verdict,
    explanation: c.explanation,
    evidence: c.evidence.map((e) => ({ kind: e.kind, summary: e.summary, ...(e.data !== undefined ? { data: e.data } : {}) })),
    sources: c.sources.map((s) => ({ title: s.title, url: s.url })),
    ...(c.failures ? { failures: c.failures } : {}),
  };
}

function tally<K extends string>(values: readonly K[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}
