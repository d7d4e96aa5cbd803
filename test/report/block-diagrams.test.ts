import { describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/parse-journal.ts';
import { renderQuestionBlock } from '../../src/report/question-block.ts';
import { judgedShippedJournal, mermaidFences } from '../support/judged-journal.ts';
import { mermaidParser } from '../support/mermaid-parser.ts';
import { claim, question } from './builders.ts';

const meta = { target: 'moto', date: '2026-11-28' };

describe('diagrams in the result blocks', () => {
  it('puts the diagrams after the table, each with a visible caption, and none when there are none', () => {
    const d = { id: 'x', title: 'A | title', mermaid: 'sequenceDiagram\n  A->>B: hi\n%% data: x', source: 'the x lab <b>' };
    const out = renderQuestionBlock(question({ claims: [claim('confirmed')] }), meta, { diagrams: [d] });
    expect(out.split('\n').slice(5)).toEqual(['', '**A \\| title**', '', '```mermaid', 'sequenceDiagram', '  A->>B: hi', '%% data: x', '```', '', '*Drawn from: the x lab &lt;b>*']);
    expect(renderQuestionBlock(question(), meta, { diagrams: [] })).toBe(renderQuestionBlock(question(), meta));
  });

  it('says in the header what changed since the previous run, after everything else', () => {
    const out = renderQuestionBlock(question(), meta, { sinceLastRun: '2 claims fixed since 2026-11-21' });
    expect(out.split('\n')[0]).toBe('**journal-lab: partly confirmed** · target moto · 2026-11-28 · lab tcp-tls · 2 claims fixed since 2026-11-21');
  });

  it('writes parseable diagrams into the shipped journal’s blocks only, and the reader keeps them out of the answers', async () => {
    const { doc, written, blocks } = await judgedShippedJournal();
    const withDiagrams = blocks.filter((b) => b.body.includes('```mermaid')).map((b) => b.key);
    expect(withDiagrams).toEqual(['two-tier/remote-state', 'handshakes/connection', 'two-tier/alb-end-to-end-tls', 'health-twin/healthy-targets', 'two-tier/alb-components']);
    const fences = mermaidFences(written);
    expect(fences).toHaveLength(11);
    const mermaid = await mermaidParser();
    for (const f of fences) await expect(mermaid.parse(f)).resolves.toBeTruthy();
    const reread = parseJournal(written);
    expect(reread.questions.map((q) => q.statements.map((s) => s.text))).toEqual(doc.questions.map((q) => q.statements.map((s) => s.text)));
    // Every diagram sits inside a marked block.
    const fenceAt = [...written.matchAll(/^```mermaid$/gm)].map((m) => m.index);
    expect(fenceAt.every((at) => reread.blocks.some((b) => b.start < at && at < b.end))).toBe(true);
  });
});
