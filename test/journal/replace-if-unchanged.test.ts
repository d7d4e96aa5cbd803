import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/journal/read-journal.ts';
import { JournalChangedError, writeJournalResults } from '../../src/journal/write-results.ts';
import { FileChangedMeanwhile, replaceIfUnchanged } from '../../src/journal/replace-if-unchanged.ts';
import { sha256 } from '../../src/journal/read-journal.ts';
import { tempJournal } from '../support/temp-journal.ts';

const JOURNAL = '# Week\n\n1. What is TCP?\n## It is a transport protocol.\n';

/**
 * An editor in another process: reads, appends a numbered line, saves (in place or by rename), as fast as it can.
 * Like an editor reloading on a change event, it reads again when the name is briefly absent (the writer moves the
 * file aside for microseconds; see replaceIfUnchanged).
 */
function editor(file: string, saves: number): Promise<void> {
  const script = `
    const fs = require('node:fs');
    const [file, saves] = process.argv.slice(1);
    for (let k = 1; k <= Number(saves); k++) {
      let text;
      for (;;) { try { text = fs.readFileSync(file, 'utf8'); break; } catch (e) { if (e.code !== 'ENOENT') throw e; } }
      const next = text + 'Line ' + k + '.\\n';
      if (k % 2) fs.writeFileSync(file, next);
      else { fs.writeFileSync(file + '.swp', next); fs.renameSync(file + '.swp', file); }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, k % 3); // room for the writer to land some writes
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, file, String(saves)], { stdio: 'ignore' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`editor exited ${code}`))));
  });
}

describe('writing results while an editor saves the same file', () => {
  let dir: string;
  let file: string;
  tempJournal({ prefix: 'jl-race-', name: 'journal.md', content: JOURNAL }, (d, f) => {
    dir = d;
    file = f;
  });

  it('never overwrites a save it has not read: every save survives, the writer retries on the new version', async () => {
    const saves = 1500;
    let done = false;
    const editing = editor(file, saves).finally(() => (done = true));
    let written = 0;
    let refused = 0;
    let round = 0;
    while (!done) {
      round++;
      try {
        const doc = await readJournal(file);
        const q = doc.questions[0];
        if (!q) continue; // read between an in-place save's truncate and its write
        const r = await writeJournalResults(doc, [{ key: 'tcp/what', anchor: q.answerEnd, body: `round ${round}` }]);
        if (r.changed) written++;
      } catch (err) {
        if (err instanceof JournalChangedError) refused++;
        else if (!/ENOENT|does not exist|no end marker|no begin marker/.test(String(err))) throw err;
      }
    }
    await editing;
    const final = await readFile(file, 'utf8');
    for (let k = 1; k <= saves; k++) expect(final, `save ${k} was lost (written ${written}, refused ${refused})`).toContain(`Line ${k}.\n`);
    expect(written).toBeGreaterThan(0);
    console.log(`writer/editor race: ${written} writes landed, ${refused} refused (saved meanwhile), ${saves} saves all kept`);
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);
});

describe('replaceIfUnchanged at the moments a save is most dangerous', () => {
  let dir: string;
  let file: string;
  let temp: string;
  const original = 'original\n';
  const results = 'original\nwith results\n';
  tempJournal({ prefix: 'jl-replace-', name: 'journal.md', content: original }, async (d, f) => {
    dir = d;
    file = f;
    temp = path.join(dir, '.journal.md.tmp');
    await writeFile(temp, results);
  });
  const leftovers = async () => (await readdir(dir)).filter((f) => f !== 'journal.md' && f !== '.journal.md.tmp');

  it('replaces the file when nobody saved meanwhile', async () => {
    await replaceIfUnchanged(file, temp, sha256(original));
    expect(await readFile(file, 'utf8')).toBe(results);
    expect(await readdir(dir)).toEqual(['journal.md']);
  });

  it('a save by rename while the file is aside: the save stays, the results are not written', async () => {
    const err = await replaceIfUnchanged(file, temp, sha256(original), async (at) => {
      if (at === 'aside') await writeFile(file, 'saved by the editor\n');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileChangedMeanwhile);
    expect(await readFile(file, 'utf8')).toBe('saved by the editor\n');
    expect(await leftovers()).toEqual([]);
  });

  it('an in-place save into the moved file before the check: put back', async () => {
    const err = await replaceIfUnchanged(file, temp, sha256(original), async (at) => {
      if (at === 'aside') {
        const moved = (await readdir(dir)).find((f) => f.endsWith('.old'))!;
        await writeFile(path.join(dir, moved), 'written in place\n'); // the editor's open descriptor: same inode
      }
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileChangedMeanwhile);
    expect(await readFile(file, 'utf8')).toBe('written in place\n');
    expect(await leftovers()).toEqual([]);
  });

  it('an in-place save into the moved file after the results were linked: the save wins back the name', async () => {
    const err = await replaceIfUnchanged(file, temp, sha256(original), async (at) => {
      if (at === 'linked') {
        const moved = (await readdir(dir)).find((f) => f.endsWith('.old'))!;
        await writeFile(path.join(dir, moved), 'written in place, late\n');
      }
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileChangedMeanwhile);
    expect(await readFile(file, 'utf8')).toBe('written in place, late\n');
    expect((await leftovers()).filter((f) => f.endsWith('.old'))).toEqual([]);
  });
});
