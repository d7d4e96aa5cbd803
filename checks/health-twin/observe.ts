/** Pure: the health-twin lab's evidence → what it shows for the propositions it can observe. */
import type { Observer } from '../../src/claims/types.ts';
import type { HealthTwinEvidence } from './evidence.ts';

export const observers: Partial<Record<string, Observer<HealthTwinEvidence>>> = {};
