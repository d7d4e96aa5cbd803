/** The registry: every labs/*.ts default-exports a Lab; unknown names get the list of known ones. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLabs, selectLabs } from '../../src/lab-api/registry.ts';
import { UsageError } from '../../src/errors.ts';
import { grass, sky } from '../support/toy-labs.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('loadLabs', () => {
  it('loads the shipped labs in file order, each with questions and a claim book', async () => {
    const labs = await loadLabs();
    expect(labs.map((l) => l.id)).toEqual(['certificates', 'handshakes', 'health-twin', 'lb-modes', 'two-tier']);
    for (const lab of labs) {
      expect(lab.questions.length, lab.id).toBeGreaterThan(0);
      expect(lab.claims.lexicon.propositions.length, lab.id).toBeGreaterThan(0);
      for (const q of lab.questions) expect(lab.claims.lexicon.routing[q.id], `${lab.id}/${q.id} has routing cues`).toBeDefined();
    }
  });

  it('names the file that does not default-export a lab', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'registry-'));
    await writeFile(path.join(dir, 'broken.ts'), 'export const notALab = 1;\n');
    await expect(loadLabs(dir)).rejects.toThrow(/labs\/broken\.ts does not default-export a Lab/);
  });
});

describe('selectLabs', () => {
  const all = [sky, grass];
  it('"all" or nothing selects every lab; names select those, in the order given', () => {
    expect(selectLabs(all, [])).toEqual(all);
    expect(selectLabs(all, ['all'])).toEqual(all);
    expect(selectLabs(all, ['grass', 'sky']).map((l) => l.id)).toEqual(['grass', 'sky']);
  });

  it('an unknown name is a usage error that lists the known ones', () => {
    expect(() => selectLabs(all, ['moon'])).toThrow(UsageError);
    expect(() => selectLabs(all, ['moon'])).toThrow(/Unknown lab "moon"/);
    expect(() => selectLabs(all, ['moon'])).toThrow(expect.objectContaining({ fix: expect.stringMatching(/sky, grass/) }));
  });
});
