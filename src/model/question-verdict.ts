import type { ClaimResult, QuestionVerdict } from './types.ts';

/**
 * A question's verdict is derived from its claims, never set by hand.
 * `error` and `unverifiable` claims decide nothing on their own: a question whose claims are all of that kind is
 * `unverified`, so a statement the harness could not decide is never reported as confirmed.
 */
export function deriveQuestionVerdict(claims: readonly ClaimResult[]): QuestionVerdict {
  if (claims.some((c) => c.verdict === 'contradicted')) return 'contradicted';
  if (claims.some((c) => c.verdict === 'imprecise' || c.verdict === 'missing')) return 'partly-confirmed';
  if (claims.some((c) => c.verdict === 'confirmed')) return 'confirmed';
  return 'unverified';
}
