/**
 * mermaid's own parser in Node: mermaid needs a DOM to load, so a jsdom window stands in for the browser. The
 * parse is the real one the renderers use; only drawing needs a browser (the screenshot tests do that).
 */
import { JSDOM } from 'jsdom';

type Mermaid = { initialize(c: object): void; parse(text: string): Promise<unknown> };
let loaded: Promise<Mermaid> | undefined;

export function mermaidParser(): Promise<Mermaid> {
  loaded ??= (async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    g.window ??= dom.window;
    g.document ??= dom.window.document;
    const { default: mermaid } = (await import('mermaid')) as unknown as { default: Mermaid };
    mermaid.initialize({ startOnLoad: false });
    return mermaid;
  })();
  return loaded;
}
