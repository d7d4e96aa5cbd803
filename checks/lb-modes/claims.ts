/** What the lb-modes lab can judge: its lexicon (concepts, routing, propositions), fact sheet and observers. */
import type { ClaimBook } from '../../src/claims/judge-statements.ts';
import type { FactSheet, LabLexicon } from '../../src/claims/types.ts';
import type { LbModesEvidence } from './evidence.ts';
import facts from './facts.json' with { type: 'json' };
import lexicon from './lexicon.json' with { type: 'json' };
import { observers } from './observe.ts';

export const lbModesClaims: ClaimBook<LbModesEvidence> = {
  // JSON imports infer one literal type per proposition; the lexicon's shape is checked where it is compiled.
  lexicon: lexicon as unknown as LabLexicon,
  facts: facts as FactSheet,
  observers,
};
