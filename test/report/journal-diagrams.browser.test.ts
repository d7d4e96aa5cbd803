import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { html } from '../../src/report/html/escape.ts';
import { inlineScript } from '../../src/report/html/inline-script.ts';
import { mermaidBrowserBundle } from '../../src/report/html/mermaid-bundle.ts';
import { findChromium, launchChromium, NO_CHROMIUM } from '../support/chromium.ts';
import { judgedShippedJournal, mermaidFences } from '../support/judged-journal.ts';
import { announceSkip } from '../support/prerequisites.ts';

const artifacts = process.env.LAB_ARTIFACTS ? path.resolve(process.env.LAB_ARTIFACTS) : path.join(tmpdir(), 'journal-lab-artifacts');
const chromiumPath = findChromium();
const skip = announceSkip('journal diagrams in headless Chromium', chromiumPath ? undefined : NO_CHROMIUM);

/**
 * The diagrams as a markdown viewer draws them: every ```mermaid fence of the journal the writer produced, handed
 * to mermaid in a browser exactly as written (GitHub, VS Code and Obsidian do the same with the fence's text).
 */
describe.skipIf(skip)('the journal’s diagrams, drawn in headless Chromium', () => {
  it('draws every mermaid block of the written journal without an error', async () => {
    const { written } = await judgedShippedJournal();
    const fences = mermaidFences(written);
    expect(fences.length).toBeGreaterThan(0);
    const headers = written.split('\n').filter((l) => l.startsWith('**journal-lab:'));
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>journal diagrams</title>
<style>body{font:14px sans-serif;max-width:1000px;margin:auto} figure{border:1px solid #ccc;padding:8px;margin:12px 0}</style></head><body>
<h1>Diagrams of the written journal (${fences.length})</h1><p>${headers.map(html).join('<br>')}</p>
${fences.map((f, i) => `<figure data-fence="${i}"><pre class="mermaid">${html(f)}</pre></figure>`).join('\n')}
<script>${inlineScript(mermaidBrowserBundle())}</script>
<script>mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
mermaid.run({ querySelector: 'pre.mermaid' }).then(() => { document.body.dataset.diagrams = 'drawn'; }, (e) => { document.body.dataset.diagrams = 'failed'; console.error(String(e && e.message || e)); });</script>
</body></html>`;
    const dir = await mkdtemp(path.join(tmpdir(), 'jl-journal-diagrams-'));
    const file = path.join(dir, 'journal-diagrams.html');
    await writeFile(file, page);
    await mkdir(artifacts, { recursive: true });
    const browser = await launchChromium(chromiumPath!);
    try {
      const tab = await browser.context.newPage();
      const errors: string[] = [];
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(pathToFileURL(file).href);
      await tab.waitForFunction(() => document.body.dataset.diagrams !== undefined, undefined, { timeout: 60_000 });
      expect(await tab.evaluate(() => document.body.dataset.diagrams)).toBe('drawn');
      expect(await tab.locator('figure[data-fence] svg').count()).toBe(fences.length);
      // A drawing mermaid could not parse shows its "Syntax error" bomb instead of the diagram.
      expect(await tab.locator('text=Syntax error').count()).toBe(0);
      expect(errors).toEqual([]);
      const shot = path.join(artifacts, 'journal-diagrams.png');
      await tab.screenshot({ path: shot, fullPage: true });
      await tab.locator('figure[data-fence="0"]').screenshot({ path: path.join(artifacts, 'journal-diagram-first.png') });
      const tcp = fences.findIndex((f) => f.includes('SYN+ACK'));
      await tab.locator(`figure[data-fence="${tcp}"]`).screenshot({ path: path.join(artifacts, 'journal-diagram-tcp.png') });
      console.log(`screenshot of the journal's ${fences.length} diagrams: ${shot} (and journal-diagram-*.png beside it)`);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
