/** A diagram drawn from one run's evidence: mermaid text plus the caption that says where its data came from. */
export interface Diagram {
  /** Stable id, unique within a block (`tcp-handshake`, `tls-tls13`). */
  id: string;
  title: string;
  /** Mermaid source, without the code fence; its last line is a `%%` comment naming the data's origin. */
  mermaid: string;
  /** One sentence a reader sees under the drawing: what was measured, by what, when. */
  source: string;
}

/** The most steps (messages and notes) or nodes one diagram may have before it becomes hard to read. */
export const MAX_STEPS = 20;

/**
 * Text safe inside a mermaid label: one line, none of the characters mermaid reads as syntax in messages and
 * quoted labels (`;` ends a statement, `#` starts an entity, quotes and brackets close labels, `%%` a comment).
 * Colons stay: after a message's first colon mermaid reads the rest as text.
 */
export function label(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[;#"`{}[\]<>|]/g, ' ')
    .replace(/%%/g, '%')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A line break mermaid draws inside a note or message; joins parts already passed through label(). */
export const BREAK = '<br/>';

/** A label that may keep colons (flowchart labels are quoted, so `:443` reads as written). */
export function quoted(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/"/g, '#quot;').replace(/[`{}<>|]/g, ' ').replace(/%%/g, '%').replace(/\s+/g, ' ').trim()}"`;
}

/** The diagram's last line: where its data came from, kept inside the mermaid text so a copy carries it. */
export function sourceComment(source: string): string {
  return `%% data: ${source.replace(/[\r\n]+/g, ' ').replace(/[`<]/g, ' ')}`;
}

/** Short ids keep labels readable: `i-0574a84b27dd3be7f` → `i-0574a8…`. */
export function shortId(id: string, keep = 8): string {
  return id.length > keep + 2 ? `${id.slice(0, keep)}…` : id;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
