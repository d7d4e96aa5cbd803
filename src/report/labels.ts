import type { ClaimVerdict, QuestionVerdict } from '../model/types.ts';

/** Words a learner reads; the marks make a long table scannable. */
export const CLAIM_LABEL: Record<ClaimVerdict, string> = {
  confirmed: '✅ confirmed',
  contradicted: '❌ contradicted',
  imprecise: '⚠️ imprecise',
  missing: '➖ missing',
  unverifiable: '❔ unverifiable',
  error: '💥 error',
};

export const QUESTION_LABEL: Record<QuestionVerdict, string> = {
  confirmed: 'confirmed',
  'partly-confirmed': 'partly confirmed',
  contradicted: 'contradicted',
  unverified: 'unverified',
  'no-answer': 'no answer yet',
  'no-lab': 'no lab yet',
};
