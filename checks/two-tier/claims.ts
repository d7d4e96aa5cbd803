/**
 * What the two-tier lab can judge. Remote state and end-to-end TLS live in lexicon.json/facts.json, the ALB
 * components question in components.*.json: one file per question group, so each changes on its own.
 */
import type { ClaimBook } from '../../src/claims/judge-statements.ts';
import { mergeLexicons, type FactSheet, type LabLexicon } from '../../src/claims/types.ts';
import type { TwoTierEvidence } from './evidence.ts';
import componentFacts from './components.facts.json' with { type: 'json' };
import componentLexicon from './components.lexicon.json' with { type: 'json' };
import facts from './facts.json' with { type: 'json' };
import lexicon from './lexicon.json' with { type: 'json' };
import { componentObservers } from './components.observe.ts';
import { observers } from './observe.ts';

export const twoTierClaims: ClaimBook<TwoTierEvidence> = {
  // A JSON import of many propositions types each `values` with the other propositions' keys as optional: not
  // comparable to Record<string, string[]> for tsc, though the data is; hence the cast through unknown.
  lexicon: mergeLexicons(lexicon as unknown as LabLexicon, componentLexicon as unknown as LabLexicon),
  facts: { ...(facts as FactSheet), ...(componentFacts as FactSheet) },
  observers: { ...observers, ...componentObservers },
};
