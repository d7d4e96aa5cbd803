import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StageError, UsageError } from '../../src/errors.ts';
import { parseJournal, type JournalDocument } from '../../src/journal/parse-journal.ts';
import { readJournal, sha256 } from '../../src/journal/read-journal.ts';
import { applyResultBlocks, writeJournalResults, type BlockToWrite } from '../../src/journal/write-results.ts';
import { tempJournal } from '../support/temp-journal.ts';

const shipped = readFileSync(new URL('../../journals/journal-week.md', import.meta.url), 'utf8');

function blocksFor(doc: JournalDocument, verdict: string, pick = (_i: number) => true): BlockToWrite[] {
  return doc.questions
    .map((q, i) => ({ q, i }))
    .filter(({ i }) => pick(i))
    .map(({ q, i }) => ({
      key: `lab-${i % 7}/q${i}`,
      anchor: q.answerEnd,
      body: `**journal-lab: ${verdict}** · target \`moto\`\n\n| Your statement | Verdict |\n| --- | --- |\n| ${q.question.slice(0, 20).replace(/\n/g, ' ')} \\| x | ${verdict} |`,
    }));
}

/** The text with every result block removed, plus the two line ends the writer put before each new one. */
function withoutBlocks(text: string): string {
  const doc = parseJournal(text);
  let out = text;
  for (const b of [...doc.blocks].reverse()) {
    const lead = doc.eol + doc.eol;
    expect(out.slice(b.start - lead.length, b.start)).toBe(lead);
    out = out.slice(0, b.start - lead.length) + out.slice(b.end);
  }
  return out;
}

/** Outside-of-block text, block by block: what must never change between runs. */
function outsideBlocks(text: string): string[] {
  const doc = parseJournal(text);
  const parts: string[] = [];
  let at = 0;
  for (const b of doc.blocks) {
    parts.push(text.slice(at, b.start));
    at = b.end;
  }
  parts.push(text.slice(at));
  return parts;
}

/** Deterministic pseudo-random numbers so a failing case can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('applyResultBlocks', () => {
  for (const [name, original] of [
    ['LF', shipped],
    ['CRLF', shipped.replace(/\n/g, '\r\n')],
  ] as const) {
    it(`${name}: inserting blocks and removing them gives back the original bytes; a second run changes nothing`, () => {
      const doc = parseJournal(original);
      const first = applyResultBlocks(doc, blocksFor(doc, 'confirmed'));
      expect(first).not.toBe(original);
      expect(withoutBlocks(first)).toBe(original);
      if (name === 'CRLF') expect(first.replace(/\r\n/g, '')).not.toContain('\n');

      const again = parseJournal(first);
      expect(again.blocks).toHaveLength(doc.questions.length);
      expect(applyResultBlocks(again, blocksFor(again, 'confirmed'))).toBe(first);

      const changed = applyResultBlocks(again, blocksFor(again, 'contradicted'));
      expect(changed).not.toBe(first);
      expect(outsideBlocks(changed)).toEqual(outsideBlocks(first));
      const texts = (d: JournalDocument) => d.questions.map((q) => q.statements.map((s) => s.text));
      expect(texts(parseJournal(changed))).toEqual(texts(doc));
    });
  }

  it('random subsets, bodies and line ends: every byte outside blocks is kept, the answers read the same', () => {
    const next = lcg(20240501);
    const alphabet = ['a', ' ', '|', '\n', 'é', '🔒', '証', '`', '*', '\r\n', '<!-- x -->', '-'];
    for (let round = 0; round < 25; round++) {
      const original = next() < 0.5 ? shipped : shipped.replace(/\n/g, '\r\n');
      const doc = parseJournal(original);
      const body = () => Array.from({ length: 1 + Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const pick = doc.questions.map(() => next() < 0.4);
      const blocks = blocksFor(doc, 'x', (i) => pick[i]).map((b) => ({ ...b, body: `v ${body()}` }));
      const written = applyResultBlocks(doc, blocks);
      expect(withoutBlocks(written)).toBe(original);
      const reread = parseJournal(written);
      expect(reread.questions.map((q) => [q.question, q.answer, q.statements.map((s) => s.text)])).toEqual(
        doc.questions.map((q) => [q.question, q.answer, q.statements.map((s) => s.text)]),
      );
      const rewritten = applyResultBlocks(reread, blocks);
      expect(rewritten).toBe(written);
      // A different subset later: old blocks not written again stay exactly as they are.
      const more = blocksFor(reread, 'y', (i) => !pick[i] && next() < 0.5);
      const third = applyResultBlocks(reread, more);
      for (const b of reread.blocks) expect(third).toContain(written.slice(b.start, b.end));
    }
  });

  it('keeps the caller order for blocks sharing one anchor (table rows)', () => {
    const doc = parseJournal(shipped);
    const rows = doc.questions.filter((q) => q.section.startsWith('Key learnings')).slice(0, 2);
    const out = applyResultBlocks(doc, [
      { key: 'k/one', anchor: rows[0].answerEnd, body: 'one' },
      { key: 'k/two', anchor: rows[1].answerEnd, body: 'two' },
    ]);
    expect(out.indexOf('k/one')).toBeLessThan(out.indexOf('k/two'));
    expect(out).toContain('| 10 | Yourself and your abilities             | YYYYYYYY   |\n\n<!-- journal-lab:begin k/one -->\none\n');
  });

  it('defuses marker-like comments in a body so the next read still works', () => {
    const doc = parseJournal(shipped);
    const out = applyResultBlocks(doc, [{ key: 'a/b', anchor: doc.questions[14].answerEnd, body: 'x <!-- journal-lab:end a/b --> y' }]);
    expect(parseJournal(out).blocks.map((b) => b.key)).toEqual(['a/b']);
  });
});

describe('writeJournalResults', () => {
  let dir: string;
  let file: string;
  tempJournal({ prefix: 'journal-write-', name: 'week.md', content: shipped, mode: 0o640 }, (d, f) => {
    dir = d;
    file = f;
  });

  it('writes atomically, keeps a backup and the mode, then changes nothing on a second identical run', async () => {
    const doc = await readJournal(file);
    const result = await writeJournalResults(doc, blocksFor(doc, 'confirmed', (i) => i === 14));
    const written = await readFile(file, 'utf8');
    expect(result).toEqual({ changed: true, backupPath: `${file}.bak`, hash: sha256(written) });
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(shipped);
    expect(written).toContain('<!-- journal-lab:begin lab-0/q14 -->');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect((await readdir(dir)).sort()).toEqual(['week.md', 'week.md.bak']);

    const again = await readJournal(file);
    expect(await writeJournalResults(again, blocksFor(again, 'confirmed', (i) => i === 14))).toEqual({ changed: false, hash: sha256(written) });
    expect(await readFile(file, 'utf8')).toBe(written);
  });

  it('refuses when the journal changed on disk after it was read, leaving the file untouched', async () => {
    const doc = await readJournal(file);
    const edited = shipped.replace('1. Your provisioning', '1. My provisioning');
    await writeFile(file, edited);
    const err = await writeJournalResults(doc, blocksFor(doc, 'confirmed')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toMatch(/changed on disk while the lab ran; nothing was written/);
    expect((err as UsageError).fix).toMatch(/re-run/i);
    expect(await readFile(file, 'utf8')).toBe(edited);
    expect(await readdir(dir)).toEqual(['week.md']);
  });

  it('leaves a read-only journal alone, even for root', async () => {
    await chmod(file, 0o444);
    const doc = await readJournal(file);
    const err = await writeJournalResults(doc, blocksFor(doc, 'confirmed')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toMatch(/read-only \(mode 0444\); nothing was written/);
    expect((err as UsageError).fix).toMatch(/chmod u\+w .*--no-write/);
    expect(await readFile(file, 'utf8')).toBe(shipped);
    expect(await readdir(dir)).toEqual(['week.md']);
  });

  it('reports a failed write as a stage error with the journal untouched and no temp file left', async () => {
    const doc = await readJournal(file);
    await mkdir(`${file}.bak`); // a directory where the backup should go: the write cannot start
    const err = await writeJournalResults(doc, blocksFor(doc, 'confirmed')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StageError);
    expect((err as StageError).message).toMatch(/Could not write the results .*EISDIR/);
    expect(await readFile(file, 'utf8')).toBe(shipped);
    expect((await readdir(dir)).sort()).toEqual(['week.md', 'week.md.bak']);
  });

  it('refuses malformed markers at read time, leaving the file untouched', async () => {
    const broken = `${shipped}\n<!-- journal-lab:begin a/b -->\nhalf a block\n`;
    await writeFile(file, broken);
    await expect(readJournal(file)).rejects.toThrow(/has no end marker/);
    expect(await readFile(file, 'utf8')).toBe(broken);
  });

  it('says how to fix a missing or non-UTF-8 journal', async () => {
    await expect(readJournal(path.join(dir, 'nope.md'))).rejects.toMatchObject({ name: 'UsageError', message: /does not exist/ });
    await writeFile(file, Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
    const err = await readJournal(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).fix).toMatch(/UTF-8/);
  });

  it('keeps a byte-order mark and CRLF line ends byte for byte', async () => {
    const crlf = '\uFEFF' + shipped.replace(/\n/g, '\r\n');
    await writeFile(file, crlf);
    const doc = await readJournal(file);
    await writeJournalResults(doc, blocksFor(doc, 'confirmed', (i) => i === 15));
    const written = await readFile(file, 'utf8');
    expect(written.startsWith('\uFEFF')).toBe(true);
    expect(withoutBlocks(written)).toBe(crlf);
  });
});
