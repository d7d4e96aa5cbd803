import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, NO_CHROMIUM } from '../support/chromium.ts';
import { runLab } from '../support/run-lab.ts';
import { announceSkip } from '../support/prerequisites.ts';

/** Where the screenshots go: LAB_ARTIFACTS (CI keeps it), else a temp dir; the path is printed. */
const artifacts = process.env.LAB_ARTIFACTS ? path.resolve(process.env.LAB_ARTIFACTS) : path.join(tmpdir(), 'journal-lab-artifacts');
const chromiumPath = findChromium();
const skip = announceSkip('html report in headless Chromium', chromiumPath ? undefined : NO_CHROMIUM);

describe.skipIf(skip)('lab report --html, opened in headless Chromium', () => {
  let dir: string;
  let page: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jl-report-'));
    await mkdir(artifacts, { recursive: true });
    // A hostile journal: the answer tries markup, a script and an entity.
    const text = await readFile('journals/journal-week.md', 'utf8');
    const hostile = text.replace('4. Compliance: Many regulations', '4. Compliance <script>window.__jlInjected=1</script><img src=x onerror="window.__jlInjected=2"> &lt;b&gt; Many regulations');
    await writeFile(path.join(dir, 'journal.md'), hostile);
    page = path.join(dir, 'report.html');
    const r = await runLab(['report', '--html', page, '--journal', path.join(dir, 'journal.md')], { LAB_HOME: path.join(dir, 'home') }, 120_000);
    expect(r.code, r.stderr).toBe(0);
    browser = await launchChromium(chromiumPath!);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders without console errors or requests, draws every diagram, and keeps journal text as text', async () => {
    const html = await readFile(page, 'utf8');
    // Booleans, not matchers on the page: a failure must not print 3.6 MB.
    expect(/<script>window\.__jlInjected|<img src=x/.test(html)).toBe(false);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>', '<script>']);
    expect(/<link\b|<iframe\b|\bsrc="https?:/i.test(html.replace(/<script>[\s\S]*?<\/script>/g, ''))).toBe(false);
    const tab = await browser.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && requests.push(r.url()));
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForFunction(() => document.body.dataset.diagrams !== undefined, undefined, { timeout: 60_000 });
    expect(await tab.evaluate(() => document.body.dataset.diagrams)).toBe('drawn');
    const figures = await tab.locator('figure[data-diagram]').count();
    expect(figures).toBe(11);
    expect(await tab.locator('figure[data-diagram] svg').count()).toBe(figures);
    // Sequence diagrams drew their messages, flowcharts their nodes.
    expect(await tab.locator('figure[data-diagram="tls-tls13"] svg text').allTextContents()).toContain('Finished (encrypted)');
    expect(await tab.locator('figure[data-diagram="architecture-alb"] svg .node').count()).toBeGreaterThanOrEqual(5);
    expect(await tab.evaluate(() => (window as unknown as { __jlInjected?: number }).__jlInjected)).toBeUndefined();
    expect(await tab.locator('text=Compliance <script>window.__jlInjected=1</script>').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const shot = path.join(artifacts, 'html-report.png');
    await tab.screenshot({ path: shot, fullPage: true });
    await tab.screenshot({ path: path.join(artifacts, 'html-report-top.png') });
    // The page fits its width: nothing from the journal (a long URL) pushes it sideways.
    expect(await tab.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    for (const id of ['tls-tls13-client-cert', 'architecture-alb', 'health-timeline']) {
      await tab.locator(`figure[data-diagram="${id}"]`).first().screenshot({ path: path.join(artifacts, `html-report-${id}.png`) });
    }
    console.log(`screenshots of the html report: ${shot} and html-report-<diagram>.png beside it (page ${Math.round((await stat(page)).size / 1024)} KiB)`);
    await tab.close();
  }, 120_000);
});
