/** Pure: the lb-modes lab's evidence → what it shows for the propositions it can observe. */
import type { Observer } from '../../src/claims/types.ts';
import type { LbModesEvidence } from './evidence.ts';

export const observers: Partial<Record<string, Observer<LbModesEvidence>>> = {};
