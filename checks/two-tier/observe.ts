/** Pure: the two-tier lab's evidence → what it shows for the propositions it can observe. */
import type { Observer } from '../../src/claims/types.ts';
import type { TwoTierEvidence } from './evidence.ts';

export const observers: Partial<Record<string, Observer<TwoTierEvidence>>> = {};
