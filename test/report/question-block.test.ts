import { readFileSync } from 'node:fs';
import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/journal/blocks.ts';
import { parseJournal } from '../../src/journal/parse-journal.ts';
import { applyResultBlocks } from '../../src/journal/write-results.ts';
import { renderQuestionBlock } from '../../src/report/question-block.ts';
import { claim, NASTY, PRIVATE_KEY, question } from './builders.ts';

const meta = { target: 'moto', date: '2026-11-28' };

function tableOf(markdown: string): Table {
  const table = parseMarkdown(markdown).children.find((n) => n.type === 'table');
  if (!table || table.type !== 'table') throw new Error(`no table in:\n${markdown}`);
  return table;
}

describe('renderQuestionBlock', () => {
  it('renders a header and one table row per claim', () => {
    const out = renderQuestionBlock(question({ unjudged: ['a', 'b'] }), meta);
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      '**journal-lab: partly confirmed** · target moto · 2026-11-28 · lab tcp-tls · 2 statements not judged (no check covers them)',
    );
    expect(lines.slice(2)).toEqual([
      '| Your statement | Verdict | Evidence | Source |',
      '| --- | --- | --- | --- |',
      '| The learner says something confirmed. | ✅ confirmed: Because the evidence shows it is confirmed. | 3 packets for confirmed | [RFC 9293 §3.5](https://www.rfc-editor.org/rfc/rfc9293#section-3.5) |',
      '| The learner says something imprecise. · *Server Key Exchange* | **⚠️ imprecise**: Because the evidence shows it is imprecise. | 3 packets for imprecise | [RFC 9293 §3.5](https://www.rfc-editor.org/rfc/rfc9293#section-3.5) |',
    ]);
  });

  it('escapes pipes and line breaks so every claim stays one row of four cells', () => {
    const nasty = claim('contradicted', {
      claim: NASTY,
      aspect: NASTY,
      explanation: NASTY,
      evidence: [{ kind: 'x', summary: NASTY }],
      sources: [{ title: `[${NASTY}]`, url: 'https://example.org/a b(c)' }],
    });
    const out = renderQuestionBlock(question({ claims: [nasty, claim('confirmed')] }), meta);
    expect(out.split('\n')).toHaveLength(6);
    expect(out).not.toContain('<!--');
    const table = tableOf(out);
    expect(table.children).toHaveLength(3);
    for (const row of table.children) expect(row.children).toHaveLength(4);
    expect(out).toContain('a \\| b c d &lt;tag attr="x"> & \'q\'');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('(https://example.org/a%20b%28c%29)');
  });

  it('quotes a statement judged on several aspects once', () => {
    const same = { claim: 'The steps are Hello, Certificate and Finished.' };
    const out = renderQuestionBlock(
      question({ claims: [claim('confirmed', { ...same, aspect: 'ClientHello' }), claim('imprecise', { ...same, aspect: 'Finished' })] }),
      meta,
    );
    expect(out.split('\n').slice(4).map((l) => l.split(' | ')[0])).toEqual([
      '| The steps are Hello, Certificate and Finished. · *ClientHello*',
      '| ↳ same statement · *Finished*',
    ]);
  });

  it('is deterministic: same input, same bytes', () => {
    const q = question({ unjudged: ['x'], claims: [claim('missing'), claim('unverifiable'), claim('error')] });
    const a = renderQuestionBlock(q, meta);
    expect(renderQuestionBlock(structuredClone(q), { ...meta })).toBe(a);
    expect(a).toContain('1 statement not judged (no check covers it)');
  });

  it('never prints a private key, wherever it hides', () => {
    for (const where of ['claim', 'explanation', 'summary', 'title', 'aspect'] as const) {
      const c = claim('confirmed');
      if (where === 'summary') c.evidence = [{ kind: 'pem', summary: `key: ${PRIVATE_KEY}` }];
      else if (where === 'title') c.sources = [{ title: PRIVATE_KEY, url: 'https://x.example' }];
      else c[where] = `before ${PRIVATE_KEY} after`;
      const out = renderQuestionBlock(question({ claims: [c] }), meta);
      expect(out, where).not.toMatch(/BEGIN|PRIVATE KEY|MIIEvQIBADANBg/);
      expect(out, where).toMatch(/\\?\[redacted\\?\]/);
    }
    const truncated = claim('confirmed', { claim: `${PRIVATE_KEY.slice(0, 90)}` });
    expect(renderQuestionBlock(question({ claims: [truncated] }), meta)).not.toContain('MIIEvQ');
  });

  it('shortens long claims and evidence lists, and never links a non-web URL', () => {
    const long = claim('contradicted', {
      claim: 'word '.repeat(100),
      evidence: Array.from({ length: 5 }, (_, i) => ({ kind: 'k', summary: `item ${i}` })),
      sources: [
        { title: 'bad', url: 'javascript:alert(1)' },
        { title: 'dup', url: 'https://a.example' },
        { title: 'dup again', url: 'https://a.example' },
      ],
    });
    const out = renderQuestionBlock(question({ claims: [long] }), meta);
    expect(out).toMatch(/word word…/);
    expect(out).toContain('item 0; item 1; item 2; (+2 more in the JSON results)');
    expect(out).toContain('| bad, [dup](https://a.example) |');
    expect(out).not.toContain('javascript:alert(1))');
  });

  it('says what to do when there is nothing to judge', () => {
    expect(renderQuestionBlock(question({ verdict: 'no-answer', claims: [] }), meta)).toBe(
      '**journal-lab: no answer yet** · target moto · 2026-11-28 · lab tcp-tls\n\nWrite an answer above and run the lab again to have it checked.',
    );
    expect(renderQuestionBlock(question({ verdict: 'no-lab', labs: [], claims: [] }), meta)).toMatch(/No lab checks this question yet/);
  });

  it('goes into the shipped journal as a result block that the reader keeps out of the answer', () => {
    const text = readFileSync(new URL('../../journals/journal-week.md', import.meta.url), 'utf8');
    const doc = parseJournal(text);
    const target = doc.questions.find((q) => q.hasAnswer && q.number === 2 && q.section.startsWith('System'))!;
    const body = renderQuestionBlock(question({ claims: [claim('contradicted', { claim: NASTY })] }), meta);
    const written = applyResultBlocks(doc, [{ key: 'tls-e2e/alb', anchor: target.answerEnd, body }]);
    const reread = parseJournal(written);
    expect(reread.blocks.map((b) => b.key)).toEqual(['tls-e2e/alb']);
    expect(reread.questions.map((q) => q.statements.map((s) => s.text))).toEqual(doc.questions.map((q) => q.statements.map((s) => s.text)));
  });
});

describe('renderQuestionBlock: where the evidence came from', () => {
  it('names, per lab of the question, whether its evidence is fresh or recorded, and when', () => {
    const out = renderQuestionBlock(question({ labs: ['two-tier', 'handshakes'], unjudged: [] }), {
      ...meta,
      evidence: {
        'two-tier': { recordedAt: '2026-11-27T10:02:33.120Z', target: 'moto', runId: 'ab12cd34', fresh: false, collected: false },
        handshakes: { recordedAt: '2026-11-28T15:40:05.000Z', target: 'local', fresh: true, collected: false },
        certificates: { recordedAt: '2026-11-28T15:41:00.000Z', target: 'local', fresh: true, collected: true },
      },
    });
    expect(out.split('\n')[0]).toBe(
      '**journal-lab: partly confirmed** · target moto · 2026-11-28 · lab two-tier, handshakes · evidence two-tier recorded 2026-11-27 10:02Z (run ab12cd34), handshakes fresh 2026-11-28 15:40Z',
    );
  });
});
