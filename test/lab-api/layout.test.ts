/** Every lab has the layout docs/adding-a-lab.md describes, so a newcomer finds the same files in each. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabs } from '../../src/lab-api/registry.ts';
import { PROJECT_ROOT } from '../../src/project-root.ts';

const labs = await loadLabs();
const LAYOUT = ['evidence.ts', 'collect.ts', 'lexicon.json', 'facts.json', 'observe.ts', 'claims.ts', 'reference-evidence.json'];
const index = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'checks', 'reference-evidence.json'), 'utf8')) as { labs: Record<string, { file: string }> };

describe.each(labs.map((l) => [l.id]))('lab %s', (id) => {
  it('has labs/<lab>.ts and checks/<lab>/ with the standard files', () => {
    expect(existsSync(path.join(PROJECT_ROOT, 'labs', `${id}.ts`))).toBe(true);
    for (const file of LAYOUT) expect(existsSync(path.join(PROJECT_ROOT, 'checks', id, file)), `checks/${id}/${file}`).toBe(true);
  });

  it('lists its reference evidence in checks/reference-evidence.json', () => {
    expect(index.labs[id]?.file).toBe(`${id}/reference-evidence.json`);
  });
});
