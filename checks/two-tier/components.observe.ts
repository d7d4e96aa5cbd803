/** Pure: the two-tier lab evidence (ALB components question) → what it shows for the propositions it can observe. */
import type { Observer } from '../../src/claims/types.ts';
import type { TwoTierEvidence } from './evidence.ts';

export const componentObservers: Partial<Record<string, Observer<TwoTierEvidence>>> = {};
