import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { parseJournal } from '../../src/journal/parse-journal.ts';

const block = (key: string, body = '**confirmed**\n\n| a | b |\n| --- | --- |\n| 1. What is this? | x |') =>
  `<!-- journal-lab:begin ${key} -->\n${body}\n<!-- journal-lab:end ${key} -->`;

function refusal(text: string): UsageError {
  try {
    parseJournal(text, 'week.md');
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error('expected parseJournal to refuse the markers');
}

describe('result blocks in the journal', () => {
  const text = [
    '## Net',
    '',
    '1. What is TCP?',
    'TCP is a transport protocol.',
    '',
    block('net/tcp'),
    '',
    'It is connection-oriented.',
    '',
    '2. What is UDP?',
    '',
    block('net/udp', '2. How does this look? It must not become a question.'),
    '',
  ].join('\n');

  it('finds blocks with their offsets and lines, and keeps them out of answers without ending them early', () => {
    const doc = parseJournal(text);
    expect(doc.blocks.map((b) => [b.key, b.line])).toEqual([
      ['net/tcp', 6],
      ['net/udp', 18],
    ]);
    for (const b of doc.blocks) {
      expect(text.slice(b.start, b.end)).toMatch(/^<!-- journal-lab:begin \S+ -->[\s\S]*<!-- journal-lab:end \S+ -->$/);
    }
    const [tcp, udp] = doc.questions;
    expect(doc.questions).toHaveLength(2);
    expect(tcp.statements.map((s) => s.text)).toEqual(['TCP is a transport protocol.', 'It is connection-oriented.']);
    expect(tcp.answer).not.toContain('journal-lab');
    expect(tcp.answer).not.toContain('confirmed');
    expect(text.slice(0, tcp.answerEnd)).toMatch(/connection-oriented\.$/);
    expect(udp.hasAnswer).toBe(false);
    expect(udp.answerEnd).toBe(text.indexOf('What is UDP?') + 'What is UDP?'.length);
  });

  it('refuses a begin without an end, naming the line and the fix', () => {
    const err = refusal(`## A\n\n1. Why?\nBecause.\n\n<!-- journal-lab:begin a/b -->\nbody\n`);
    expect(err.message).toMatch(/line 6: result block "a\/b" has no end marker/);
    expect(err.fix).toMatch(/line 6/);
    expect(err.kept).toMatch(/not modified/);
  });

  it('refuses an end without a begin', () => {
    expect(refusal(`1. Why?\n<!-- journal-lab:end a/b -->\n`).message).toMatch(/line 2: end marker for "a\/b" has no begin/);
  });

  it('refuses nested blocks', () => {
    const nested = `<!-- journal-lab:begin a -->\n<!-- journal-lab:begin b -->\n<!-- journal-lab:end b -->\n<!-- journal-lab:end a -->\n`;
    expect(refusal(nested).message).toMatch(/line 2: result block "b" starts inside block "a" \(begun on line 1\)/);
  });

  it('refuses a key used twice', () => {
    expect(refusal(`${block('a')}\n\n${block('a')}\n`).message).toMatch(/result block "a" appears twice \(also on line 1\)/);
  });

  it('refuses an end marker naming another key', () => {
    const mismatched = `<!-- journal-lab:begin a -->\nx\n<!-- journal-lab:end b -->\n`;
    expect(refusal(mismatched).message).toMatch(/line 3: end marker for "b" closes block "a" begun on line 1/);
  });
});
