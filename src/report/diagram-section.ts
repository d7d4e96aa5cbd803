import type { Diagram } from './diagrams/diagram.ts';

/**
 * The diagrams under a block's table: a bold title, the mermaid fence (GitHub, GitLab, VS Code and Obsidian draw
 * it in place), and a visible caption saying where the data came from.
 */
export function renderDiagramSection(diagrams: readonly Diagram[], safeText: (s: string) => string): string[] {
  const lines: string[] = [];
  for (const d of diagrams) {
    lines.push('', `**${safeText(d.title)}**`, '', '```mermaid', ...d.mermaid.split('\n').map(noFence), '```', '', `*Drawn from: ${safeText(d.source)}*`);
  }
  return lines;
}

/** A line of mermaid can never end the fence it sits in. */
function noFence(line: string): string {
  return line.replace(/`/g, "'");
}
