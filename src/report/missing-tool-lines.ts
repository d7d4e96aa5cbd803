import type { QuestionResult } from '../model/types.ts';

/** A tool a lab declared that this machine lacks, with the command that installs it. */
export interface MissingTool {
  name: string;
  fix: string;
}

export interface MissingToolCount {
  tool: string;
  /** Claims the lab could not observe because this tool is missing (judged on documentation only, or unverifiable). */
  claims: number;
  fix: string;
}

/**
 * How many claims each missing tool left unobserved, read from the reasons the labs recorded (a claim counts for
 * every missing tool its reason names). Tools that left nothing unobserved are not listed; pure.
 */
export function countClaimsLeftByMissingTools(questions: readonly QuestionResult[], missing: readonly MissingTool[]): MissingToolCount[] {
  const reasons = questions.flatMap((q) => q.claims).map((c) =>
    c.verdict === 'unverifiable' || c.evidence.some((e) => e.kind === 'not-observed')
      ? [c.explanation, ...c.evidence.filter((e) => e.kind === 'not-observed').map((e) => e.summary)].join('\n')
      : '',
  );
  return missing
    .map((tool) => {
      const named = new RegExp(`(^|[^\\w/-])${tool.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
      return { tool: tool.name, claims: reasons.filter((r) => r && named.test(r)).length, fix: tool.fix };
    })
    .filter((t) => t.claims > 0);
}

/** The summary's last lines: one per missing tool, with the count and the exact fix. */
export function renderMissingToolLines(counts: readonly MissingToolCount[]): string[] {
  return counts.map((c) => `missing ${c.tool}: ${c.claims} claim${c.claims === 1 ? '' : 's'} left unverifiable (judged without observing); fix: ${c.fix}`);
}
