/**
 * Two tiny labs built in memory (no collector I/O), for testing the framework itself — registry, matching,
 * judging — without depending on any shipped lab's lexicon or wording.
 */
import type { Lab } from '../../src/lab-api/lab.ts';
import { notObserved } from '../../src/model/observed.ts';

const source = { title: 'A made-up reference', url: 'https://example.invalid/reference' };

type ToyEvidence = { status: 'observed'; value: string };

/** As the registry holds labs: evidence typed unknown. */
export function toyLab(id: string, words: { subject: string; right: string; wrong: string }): Lab {
  const lab: Lab<ToyEvidence> = {
    id,
    title: `toy lab about ${words.subject}`,
    kind: 'local',
    tools: [],
    questions: [{ id: 'q', title: `what ${words.subject} is` }],
    claims: {
      lexicon: {
        concepts: { subject: [words.subject] },
        routing: { q: { threshold: 2, cues: { '{subject}': 2 } } },
        propositions: [
          {
            id: `${id}.value`,
            question: 'q',
            subject: words.subject,
            property: 'its value',
            kind: 'enum',
            values: { [words.right]: [`{subject}…\\b${words.right}\\b`], [words.wrong]: [`{subject}…\\b${words.wrong}\\b`] },
          },
        ],
      },
      facts: { [`${id}.value`]: { value: words.right, fact: `${words.subject} is ${words.right}.`, source } },
      observers: { [`${id}.value`]: (e) => (e.value ? { status: 'observed', value: e.value, summary: `the toy saw ${e.value}` } : notObserved('the toy saw nothing')) },
    },
    collect: async () => ({ status: 'observed', value: words.right }),
  };
  return lab as unknown as Lab;
}

export const sky = toyLab('sky', { subject: 'the sky', right: 'blue', wrong: 'green' });
export const grass = toyLab('grass', { subject: 'the grass', right: 'green', wrong: 'purple' });
