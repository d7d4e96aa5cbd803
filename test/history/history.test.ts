import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sinceLastRun } from '../../src/history/history-changes.ts';
import { historyEntryOf, type HistoryEntry } from '../../src/history/history-entry.ts';
import { appendHistory, historyFileOf, readHistory } from '../../src/history/history-file.ts';
import { journalHistory } from '../../src/history/history-table.ts';
import type { ClaimVerdict } from '../../src/model/types.ts';
import { claim, PRIVATE_KEY, question, run } from '../report/builders.ts';

const JOURNAL = '/home/learner/journal.md';

function entry(at: string, claims: [string, ClaimVerdict][], key = 'two-tier/remote-state'): HistoryEntry {
  return historyEntryOf(
    { ...run([question({ key, claims: claims.map(([text, verdict]) => claim(verdict, { claim: text })) })]), journal: JOURNAL },
    at,
    'abcd1234',
  );
}

describe('the history file', () => {
  it('appends one line per run beside the run records and reads them back, oldest first', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'jl-history-'));
    await appendHistory(home, entry('2026-11-21T10:00:00.000Z', [['A', 'contradicted']]));
    await appendHistory(home, entry('2026-11-28T10:00:00.000Z', [['A', 'confirmed']]));
    expect(path.dirname(historyFileOf(home, JOURNAL))).toBe(path.join(home, 'history'));
    expect((await readHistory(home, JOURNAL)).map((e) => e.at)).toEqual(['2026-11-21T10:00:00.000Z', '2026-11-28T10:00:00.000Z']);
    expect(await readHistory(home, '/another/journal.md')).toEqual([]);
  });

  it('survives a line torn by a crash: skipped on read, and the next run starts a line of its own', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'jl-history-'));
    await appendHistory(home, entry('2026-11-21T10:00:00.000Z', [['A', 'missing']]));
    await appendFile(historyFileOf(home, JOURNAL), '{"v":1,"at":"2026-11-2');
    await appendHistory(home, entry('2026-11-28T10:00:00.000Z', [['A', 'missing']]));
    expect((await readHistory(home, JOURNAL)).map((e) => e.at)).toEqual(['2026-11-21T10:00:00.000Z', '2026-11-28T10:00:00.000Z']);
  });

  it('reads only the tail of a huge file', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'jl-history-'));
    const line = JSON.stringify(entry('2026-01-01T00:00:00.000Z', [['x'.repeat(2000), 'confirmed']])) + '\n';
    await appendHistory(home, entry('2026-01-01T00:00:00.000Z', [['x', 'confirmed']]));
    await appendFile(historyFileOf(home, JOURNAL), line.repeat(2500));
    const read = await readHistory(home, JOURNAL);
    expect(read.length).toBe(100);
  });

  it('never stores a private key, even from a claim', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'jl-history-'));
    await appendHistory(home, entry('2026-11-21T10:00:00.000Z', [[`my key ${PRIVATE_KEY}`, 'contradicted']]));
    expect(await readFile(historyFileOf(home, JOURNAL), 'utf8')).not.toMatch(/PRIVATE KEY|MIIEvQ/);
  });
});

describe('what changed since the previous run', () => {
  it('counts fixed, newly contradicted and still missing claims, a reworded one included', () => {
    const before = entry('2026-11-21T10:00:00.000Z', [
      ['The app tier reads the network state through terraform remote state.', 'contradicted'],
      ['Outputs of child modules are readable too.', 'imprecise'],
      ['Only root-module outputs are readable.', 'missing'],
      ['The state lives in S3.', 'confirmed'],
      ['State locking uses a lock file.', 'missing'],
    ]);
    const now = question({
      key: 'two-tier/remote-state',
      claims: [
        claim('confirmed', { claim: 'The app tier reads the network tier state through terraform remote state.' }),
        claim('confirmed', { claim: 'Outputs of child modules are readable too.' }),
        claim('contradicted', { claim: 'The state lives in S3.' }),
        claim('missing', { claim: 'State locking uses a lock file.' }),
      ],
    });
    // Reworded fix, wording kept fix, missing fact now written in (no longer reported) = 3 fixed.
    expect(sinceLastRun([before], [now]).get('two-tier/remote-state')).toBe('3 claims fixed, 1 newly contradicted, 1 still missing since 2026-11-21');
    expect(sinceLastRun([], [now]).size).toBe(0);
    expect(sinceLastRun([before], [question({ key: 'handshakes/connection' })]).size).toBe(0);
    // Checked again with nothing changed: the phrase still says what moved since the last run that differed.
    expect(sinceLastRun([before, { ...before, at: '2026-11-28T10:00:00.000Z', questions: [{ key: 'two-tier/remote-state', claims: now.claims }] }], [now]).get('two-tier/remote-state')).toBe('3 claims fixed, 1 newly contradicted, 1 still missing since 2026-11-21');
    const same = question({ key: 'two-tier/remote-state', claims: [claim('confirmed', { claim: 'The state lives in S3.' })] });
    // Nothing moved: no phrase, so the block of an unchanged question stays byte for byte what it was.
    expect(sinceLastRun([entry('2026-11-21T10:00:00.000Z', [['The state lives in S3.', 'confirmed']])], [same]).has('two-tier/remote-state')).toBe(false);
    const stillMissing = question({ key: 'two-tier/remote-state', claims: [claim('missing', { claim: 'State locking uses a lock file.' })] });
    expect(sinceLastRun([entry('2026-11-21T10:00:00.000Z', [['State locking uses a lock file.', 'missing']])], [stillMissing]).has('two-tier/remote-state')).toBe(false);
  });

  it('follows each claim through the runs for `lab history`', () => {
    const h = journalHistory(JOURNAL, [
      entry('2026-11-14T10:00:00.000Z', [['Keepalive is on by default.', 'contradicted'], ['Probes start after 2 hours.', 'missing']]),
      entry('2026-11-21T10:00:00.000Z', [['Keepalive is off by default.', 'confirmed'], ['Probes start after 2 hours.', 'missing']]),
      entry('2026-11-28T10:00:00.000Z', [['Keepalive is off by default on Linux.', 'confirmed'], ['The first probe is sent after 7200 s.', 'confirmed']]),
    ]);
    expect(h.runs).toEqual([
      { at: '2026-11-14T10:00:00.000Z', target: 'moto', runId: 'abcd1234' },
      { at: '2026-11-21T10:00:00.000Z', target: 'moto', runId: 'abcd1234' },
      { at: '2026-11-28T10:00:00.000Z', target: 'moto', runId: 'abcd1234' },
    ]);
    expect(h.questions).toEqual([
      {
        key: 'two-tier/remote-state',
        claims: [
          { claim: 'Keepalive is off by default on Linux.', verdicts: ['contradicted', 'confirmed', 'confirmed'], trend: 'unchanged' },
          { claim: 'Probes start after 2 hours.', verdicts: ['missing', 'missing', null], trend: 'fixed' },
          { claim: 'The first probe is sent after 7200 s.', verdicts: [null, null, 'confirmed'], trend: 'new' },
        ],
      },
    ]);
  });
});
