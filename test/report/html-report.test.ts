import { describe, expect, it } from 'vitest';
import { historyEntryOf } from '../../src/history/history-entry.ts';
import { journalHistory } from '../../src/history/history-table.ts';
import { inlineScript } from '../../src/report/html/inline-script.ts';
import { renderHtmlReport, type HtmlReportInput } from '../../src/report/html/render-html-report.ts';
import { claim, NASTY, PRIVATE_KEY, question, run } from './builders.ts';

function input(overrides: Partial<HtmlReportInput> = {}): HtmlReportInput {
  const r = run([question({ claims: [claim('contradicted', { claim: NASTY, sources: [{ title: 'bad', url: 'javascript:alert(1)' }, { title: 'RFC', url: 'https://www.rfc-editor.org/rfc/rfc9293' }] })] })]);
  return {
    run: r,
    evidence: [{ lab: 'tcp-tls', origin: 'reference', recordedAt: '2026-11-28T01:54:29Z', target: 'local' }],
    diagrams: new Map([['tcp-tls/connection', [{ id: 'd1', title: 'T <b>', mermaid: 'sequenceDiagram\n  A->>B: x < y & "z"', source: 'lab <i>' }]]]),
    sinceLastRun: new Map([['tcp-tls/connection', '1 claim fixed since 2026-11-21']]),
    history: journalHistory(r.journal, [historyEntryOf(r, '2026-11-21T10:00:00.000Z', null), historyEntryOf(r, '2026-11-28T10:00:00.000Z', 'abcd')]),
    mermaidScript: '/* the mermaid bundle */',
    generatedAt: '2026-11-28T12:00:00.000Z',
    ...overrides,
  };
}

describe('renderHtmlReport', () => {
  it('escapes every journal text: no markup, no comment, no script from an answer', () => {
    const page = renderHtmlReport(input());
    expect(page).not.toContain('<tag attr');
    expect(page).toContain('&lt;tag attr=&quot;x&quot;&gt;');
    expect(page).not.toContain('<!-- journal-lab');
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('<a href="https://www.rfc-editor.org/rfc/rfc9293" rel="noopener noreferrer">RFC</a>');
    expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script>', '<script>']);
    expect(page).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:\"");
  });

  it('shows the diagrams as mermaid text the browser decodes, with their caption, the history and what changed', () => {
    const page = renderHtmlReport(input());
    expect(page).toContain('<pre class="mermaid">sequenceDiagram\n  A-&gt;&gt;B: x &lt; y &amp; &quot;z&quot;</pre><figcaption>Drawn from: lab &lt;i&gt;</figcaption>');
    expect(page).toContain('<p class="since">1 claim fixed since 2026-11-21</p>');
    expect(page).toContain('<h3>History</h3>');
    expect(page).toContain('2026-11-21 10:00');
  });

  it('never carries a private key', () => {
    const r = run([question({ claims: [claim('confirmed', { explanation: `key ${PRIVATE_KEY}` })] })]);
    expect(renderHtmlReport(input({ run: r }))).not.toMatch(/PRIVATE KEY|MIIEvQ/);
  });

  it('inlines a script so the HTML parser cannot end or comment it early', () => {
    expect(inlineScript('a="</script><!--<SCRIPT>"')).toBe('a="\\x3C/script>\\x3C!--\\x3CSCRIPT>"');
  });
});
