/** Question matching on toy labs: by the question's words, else its answer's, plus single statements elsewhere. */
import { describe, expect, it } from 'vitest';
import { closestLabQuestion, matchQuestion } from '../../src/lab-api/match.ts';
import { grass, sky } from '../support/toy-labs.ts';

const labs = [sky, grass];

describe('matchQuestion', () => {
  it('maps a question by the subject its own text names', () => {
    expect(matchQuestion('What colour is the sky?', [], labs).map((m) => [m.key, m.via])).toEqual([['sky/q', 'question']]);
  });

  it('falls back to the answer when the question names no subject', () => {
    expect(matchQuestion('Describe it.', ['The grass is green.'], labs).map((m) => [m.key, m.via])).toEqual([['grass/q', 'answer']]);
  });

  it('adds another lab question when one statement asserts something about it', () => {
    const matches = matchQuestion('What colour is the sky?', ['The sky is blue.', 'And the grass is purple.'], labs);
    expect(matches.map((m) => [m.key, m.via])).toEqual([['sky/q', 'question'], ['grass/q', 'statement']]);
  });

  it('does not add a lab question for a statement that only mentions its subject', () => {
    expect(matchQuestion('What colour is the sky?', ['I like the grass.'], labs).map((m) => m.key)).toEqual(['sky/q']);
  });

  it('matches nothing off topic, and names the closest lab question', () => {
    expect(matchQuestion('How do I bake bread?', ['With flour.'], labs)).toEqual([]);
    expect(closestLabQuestion('the sky at night', labs)?.key).toBe('sky/q');
  });
});
