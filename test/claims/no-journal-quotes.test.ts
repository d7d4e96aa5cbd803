/**
 * The judges must read what any learner asserts, so nothing in the harness may be written against the shipped
 * journal's wording: no run of six words of its answers appears in labs/, checks/ or src/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/parse-journal.ts';

const RUN = 6;
const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|json|mjs|js)$/.test(f) && !f.startsWith('reference-evidence') ? [p] : [];
  });
}

it('labs/, checks/ and src/ quote no six-word run of the shipped journal answers', () => {
  const journal = parseJournal(readFileSync('journals/journal-week.md', 'utf8'));
  const runs = new Set<string>();
  for (const q of journal.questions) {
    const w = words(q.answer);
    for (let i = 0; i + RUN <= w.length; i++) runs.add(w.slice(i, i + RUN).join(' '));
  }
  expect(runs.size).toBeGreaterThan(100);
  const quoted: string[] = [];
  for (const file of ['labs', 'checks', 'src'].flatMap(files)) {
    const w = words(readFileSync(file, 'utf8'));
    for (let i = 0; i + RUN <= w.length; i++) {
      const run = w.slice(i, i + RUN).join(' ');
      if (runs.has(run)) quoted.push(`${file}: "${run}"`);
    }
  }
  expect(quoted).toEqual([]);
});
