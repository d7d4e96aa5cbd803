import path from 'node:path';
import { readHistory } from '../../history/history-file.ts';
import { journalHistory, type ClaimThread, type JournalHistory } from '../../history/history-table.ts';
import { labHome } from '../../run/run-record.ts';

export interface HistoryOptions {
  journal: string;
  json: boolean;
}

const MAX_SHOWN = 90;

/** `lab history`: per question, how each claim's verdict moved across the runs recorded for this journal. */
export async function historyCommand(opts: HistoryOptions, out: (s: string) => void): Promise<number> {
  const journal = path.resolve(opts.journal);
  const history = journalHistory(journal, await readHistory(labHome(), journal));
  out(opts.json ? JSON.stringify(history) : renderHistory(history));
  return 0;
}

export function renderHistory(h: JournalHistory): string {
  if (h.runs.length === 0) return `No runs recorded for ${h.journal} yet: \`lab run\` or \`lab check\` records one.`;
  const lines = [`journal ${h.journal} · ${h.runs.length} run${h.runs.length === 1 ? '' : 's'}: ${h.runs.map((r) => `${r.at.slice(0, 16).replace('T', ' ')} (${r.target})`).join(', ')}`];
  for (const q of h.questions) {
    lines.push('', q.key);
    for (const c of q.claims) lines.push(`  ${c.trend.padEnd(18)} ${quote(c)}  ${c.verdicts.map((v) => v ?? '·').join(' → ')}`);
  }
  return lines.join('\n');
}

function quote(c: ClaimThread): string {
  const text = c.claim.replace(/\s+/g, ' ').trim();
  const short = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  return `"${short}"${c.aspect ? ` [${c.aspect}]` : ''}`;
}
