import type { ClaimResult, QuestionResult, SnapshotUse, Source } from '../model/types.ts';
import type { Diagram } from './diagrams/diagram.ts';
import { renderDiagramSection } from './diagram-section.ts';
import { CLAIM_LABEL, QUESTION_LABEL } from './labels.ts';
import { redactPrivateKeys } from './redact.ts';

const MAX_CLAIM = 200;
const MAX_SUMMARY = 140;
const MAX_EVIDENCE = 3;

/** What a block shows besides the verdicts: this run's diagrams and what changed since the previous run. */
export interface BlockExtras {
  diagrams?: readonly Diagram[];
  /** Already worded, e.g. "2 claims fixed since 2026-11-21". */
  sinceLastRun?: string;
}

/**
 * The markdown the writer puts under an answer: one header line, then a table from the learner's statement to its
 * verdict, the evidence and the source, then the diagrams drawn from the evidence. Same input, same bytes.
 */
export interface BlockMeta {
  target: string;
  date: string;
  /** Per lab, where its evidence came from; the header names it for the labs that judged this question. */
  evidence?: Readonly<Record<string, SnapshotUse>>;
}

export function renderQuestionBlock(result: QuestionResult, meta: BlockMeta, extras: BlockExtras = {}): string {
  const lines = [header(result, meta) + (extras.sinceLastRun ? ` · ${inline(extras.sinceLastRun)}` : ''), ''];
  if (result.claims.length === 0) {
    lines.push(emptyNote(result));
  } else {
    lines.push('| Your statement | Verdict | Evidence | Source |', '| --- | --- | --- | --- |');
    result.claims.forEach((claim, i) => lines.push(row(claim, result.claims[i - 1]?.claim === claim.claim)));
  }
  lines.push(...renderDiagramSection(extras.diagrams ?? [], cell));
  return redactPrivateKeys(lines.join('\n'));
}

function header(result: QuestionResult, meta: BlockMeta): string {
  const parts = [`**journal-lab: ${QUESTION_LABEL[result.verdict]}**`, `target ${inline(meta.target)}`, inline(meta.date)];
  if (result.labs.length > 0) parts.push(`lab ${result.labs.map(inline).join(', ')}`);
  const origins = result.labs.filter((lab) => meta.evidence?.[lab]).map((lab) => evidenceOrigin(lab, meta.evidence![lab]));
  if (origins.length > 0) parts.push(`evidence ${origins.join(', ')}`);
  const unjudged = result.unjudged.length;
  if (unjudged > 0) parts.push(`${unjudged} statement${unjudged === 1 ? '' : 's'} not judged (no check covers ${unjudged === 1 ? 'it' : 'them'})`);
  return parts.join(' · ');
}

/**
 * "two-tier fresh 2026-11-28 15:40Z" or "two-tier recorded 2026-11-27 10:02Z (run ab12cd34)": the recording time,
 * not this command's, so judging again on unchanged evidence writes the same bytes.
 */
function evidenceOrigin(lab: string, use: SnapshotUse): string {
  const when = use.recordedAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z');
  return inline(`${lab} ${use.fresh ? 'fresh' : 'recorded'} ${when}${!use.fresh && use.runId ? ` (run ${use.runId})` : ''}`);
}

function emptyNote(result: QuestionResult): string {
  switch (result.verdict) {
    case 'no-answer':
      return 'Write an answer above and run the lab again to have it checked.';
    case 'no-lab':
      return result.closest
        ? `No lab checks this question yet; nothing here was judged. Closest: ${inline(result.closest.key)} (score ${result.closest.score} of the ${result.closest.threshold} that would map it).`
        : 'No lab checks this question yet; nothing here was judged.';
    default:
      return 'No statement of this answer could be checked on this target.';
  }
}

/** A statement judged on several aspects is quoted once; its next rows only name the aspect. */
function row(claim: ClaimResult, sameStatementAsAbove: boolean): string {
  const quoted = sameStatementAsAbove ? '↳ same statement' : cell(truncate(claim.claim, MAX_CLAIM));
  const statement = quoted + (claim.aspect ? ` · *${cell(claim.aspect)}*` : '');
  const verdict = `${claim.verdict === 'confirmed' ? CLAIM_LABEL[claim.verdict] : `**${CLAIM_LABEL[claim.verdict]}**`}: ${cell(claim.explanation)}`;
  const shown = claim.evidence.slice(0, MAX_EVIDENCE).map((e) => cell(truncate(e.summary, MAX_SUMMARY)));
  const hidden = claim.evidence.length - shown.length;
  if (hidden > 0) shown.push(`(+${hidden} more in the JSON results)`);
  return `| ${statement} | ${verdict} | ${shown.join('; ') || '—'} | ${sources(claim.sources) || '—'} |`;
}

function sources(list: readonly Source[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const source of list) {
    if (seen.has(source.url)) continue;
    seen.add(source.url);
    const title = cell(source.title).replace(/[[\]]/g, (c) => `\\${c}`);
    // Only web links become links: a `javascript:` or relative URL from a bad source stays plain text.
    out.push(/^https?:\/\//i.test(source.url) ? `[${title}](${encodeLinkTarget(source.url)})` : title);
  }
  return out.join(', ');
}

function encodeLinkTarget(url: string): string {
  return url.replace(/[\s()<>|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Text safe inside one GFM table cell: one line, no column break, no raw HTML (so no comment that could pass for
 * a result marker), no control characters.
 */
export function cell(text: string): string {
  return redactPrivateKeys(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function inline(text: string): string {
  return cell(text).replace(/[`*_]/g, (c) => `\\${c}`);
}

/** Redacts before cutting, so a cut can never leave key material without the header that marks it. */
function truncate(text: string, max: number): string {
  const safe = redactPrivateKeys(text).trim();
  const chars = [...safe];
  return chars.length <= max ? safe : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
