import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findResultBlocks } from '../../src/journal/result-markers.ts';
import { planJudgement, runJudgement, type JudgementResult } from '../../src/run/judge-journal.ts';
import { DiskMemo } from '../../src/run/judgement-memo.ts';
import { watchJournal } from '../../src/run/watch-journal.ts';
import { seedSnapshotsFromReference } from '../support/seed-snapshots.ts';
import { tempJournal } from '../support/temp-journal.ts';

const ANCHOR = 'The three steps involved in the TCP handshake are SYN, SYN-ACK, and ACK.';

/** The journal without the harness's blocks: what the learner wrote. */
function learnerText(text: string): string {
  let out = text;
  for (const b of [...findResultBlocks(text)].sort((a, b) => b.start - a.start)) out = out.slice(0, b.start - 2) + out.slice(b.end);
  return out;
}

/**
 * A separate process playing an editor that reloads on change: before each save it reads the file, adds one
 * numbered sentence to an answer, and saves it, alternating in-place writes and rename-over saves, with short
 * random pauses. If the harness ever overwrote a save, that save's sentence would be missing at the end.
 */
function runEditor(file: string, saves: number): Promise<void> {
  const script = `
    const fs = require('node:fs');
    const [file, saves, anchor] = process.argv.slice(1);
    const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    for (let k = 1; k <= Number(saves); k++) {
      let text;
      for (;;) { try { text = fs.readFileSync(file, 'utf8'); break; } catch (e) { if (e.code !== 'ENOENT') throw e; } }
      const at = text.indexOf(anchor) + anchor.length;
      const next = text.slice(0, at) + ' Edit ' + k + ': the server answers with a SYN-ACK.' + text.slice(at);
      if (k % 2) fs.writeFileSync(file, next);
      else { fs.writeFileSync(file + '.swp', next); fs.renameSync(file + '.swp', file); }
      sleep(Math.floor(Math.random() * 150));
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, file, String(saves), ANCHOR], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`editor exited ${code}: ${err}`))));
  });
}

describe('lab check --watch on a real file, with an editor saving while the harness writes', () => {
  let dir: string;
  let journal: string;
  tempJournal({ prefix: 'jl-watch-', name: 'journal.md', content: readFileSync('journals/journal-week.md', 'utf8'), scope: 'all' }, async (d, f) => {
    dir = d;
    journal = f;
    await seedSnapshotsFromReference(path.join(dir, 'home'));
  });

  it('judges on start and after every save, loses no save, and stops cleanly when aborted', async () => {
    const home = path.join(dir, 'home');
    const stop = new AbortController();
    const reports: JudgementResult[] = [];
    const opts = { workDir: path.join(dir, 'work'), signal: stop.signal, log: () => {}, snapshotHome: home, evidenceMode: 'cached' as const, write: true };
    const watching = watchJournal(journal, [], await DiskMemo.open(home), opts, (r) => reports.push(r), 100);

    const until = async (what: () => boolean | Promise<boolean>, ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await what()) return;
      throw new Error('timed out waiting');
    };
    await until(() => reports.length >= 1, 60_000);
    expect(findResultBlocks(await readFile(journal, 'utf8')).map((b) => b.key)).toContain('handshakes/connection');

    // A plain save: judged again, only the marked blocks written.
    const edited = (await readFile(journal, 'utf8')).replace(ANCHOR, `${ANCHOR} Keepalive is enabled by default on every socket.`);
    await writeFile(journal, edited);
    await until(async () => (await readFile(journal, 'utf8')).includes('| Keepalive is enabled by default on every socket.'), 30_000);
    expect(learnerText(await readFile(journal, 'utf8'))).toBe(learnerText(edited));

    const saves = 30;
    const before = reports.length;
    await runEditor(journal, saves);
    // Settled: the watcher has judged the version now on disk.
    await until(async () => {
      const text = await readFile(journal, 'utf8');
      return text.includes(`| Edit ${saves}: the server answers`) || text.includes(`Edit ${saves}: the server answers with a SYN-ACK. |`);
    }, 60_000);
    stop.abort();
    await watching;

    const final = await readFile(journal, 'utf8');
    for (let k = 1; k <= saves; k++) expect(final, `save ${k} was lost`).toContain(`Edit ${k}: the server answers with a SYN-ACK.`);
    expect(reports.length).toBeGreaterThan(before);
    // The blocks on disk are exactly what judging the final text gives: nothing stale, nothing half-written.
    const plan = await planJudgement(journal, [], await DiskMemo.open(home));
    const again = await runJudgement(plan, { ...opts, signal: new AbortController().signal });
    expect(again.changed).toBe(false);
    expect((await import('node:fs')).readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 180_000);
});
