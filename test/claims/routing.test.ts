/**
 * Routing by meaning, on journals written in other words than the shipped one (tests only): each answered
 * question maps to the lab question it is about whatever its wording, numbering, order or section; a question no
 * lab covers stays no-lab with its closest lab; planted wrong statements are flagged, right ones never
 * contradicted. Judged on the reference evidence, as `lab check` would on a fresh run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { parseJournal } from '../../src/journal/parse-journal.ts';
import { loadLabs } from '../../src/lab-api/registry.ts';
import type { QuestionResult } from '../../src/model/types.ts';
import { judgeQuestions, type LabEvidence } from '../../src/run/judge-questions.ts';
import { planQuestions } from '../../src/run/plan-questions.ts';

const labs = await loadLabs();
const evidence = new Map<string, LabEvidence>([...loadReferenceEvidence()].map(([k, v]) => [k, { ok: true, evidence: v.evidence }]));

function judgeJournal(text: string): QuestionResult[] {
  const doc = parseJournal(text);
  const plan = planQuestions(doc.questions, labs, labs);
  return judgeQuestions(plan, evidence, 'moto').filter((q) => q.verdict !== 'no-answer');
}
const keyOf = (results: QuestionResult[], start: string) => results.find((q) => q.question.startsWith(start))?.key;
const verdictOf = (results: QuestionResult[], words: string) => {
  const claims = results.flatMap((q) => q.claims).filter((c) => c.claim.includes(words));
  if (claims.some((c) => c.verdict === 'contradicted')) return 'contradicted';
  if (claims.some((c) => c.verdict === 'imprecise')) return 'imprecise';
  if (claims.some((c) => c.verdict === 'confirmed')) return 'confirmed';
  return 'unjudged';
};

describe('a journal in other words (other numbering, order, sections, register)', () => {
  const results = judgeJournal(readFileSync('test/claims/fixtures/journal-other-a.md', 'utf8'));

  it('maps every on-topic question to its lab question', () => {
    const expected: Record<string, string> = {
      'What happens in a TCP 3-way handshake?': 'handshakes/connection',
      'What does SO_KEEPALIVE do on a socket?': 'handshakes/connection',
      'Describe an SSL handshake.': 'handshakes/connection',
      'How do ELB target health checks work?': 'health-twin/healthy-targets',
      'Explain listeners, rules and target groups': 'two-tier/alb-components',
      'How would you keep traffic encrypted all the way': 'two-tier/alb-end-to-end-tls',
      'How can one Terraform configuration read values': 'two-tier/remote-state',
      'Compare layer 4 and layer 7 load balancing': 'lb-modes/proxy-passthrough-reverse-proxy',
      'What problem does an SSL certificate solve?': 'certificates/why-certificate',
    };
    // Two questions about the same lab question get keys of their own (the second one suffixed).
    const got = Object.fromEntries(Object.keys(expected).map((start) => [start, keyOf(results, start)?.replace(/\.\d+$/, '')]));
    expect(got).toEqual(expected);
  });

  it('leaves an off-topic question no-lab and names the closest lab question with its score', () => {
    const editor = results.find((q) => q.question.startsWith('Which text editor'))!;
    expect(editor.verdict).toBe('no-lab');
    expect(editor.closest).toMatchObject({ key: expect.stringMatching(/\//), score: expect.any(Number), threshold: expect.any(Number) });
  });

  it('flags every planted wrong statement', () => {
    const planted = [
      'switched on for every TCP socket by the kernel',
      'needs two round trips, just like TLS 1.2',
      'flagged unhealthy after a single failed probe',
      'can accept TCP and UDP as well as HTTP',
      'from the highest priority number to the lowest',
      'Put an HTTP target group behind the HTTPS listener',
      'The ALB checks the target certificates',
      'read every resource attribute of the other state',
      'can route /api and /static to different pools',
      'sits in front of the clients',
      'encrypted with the certificate\'s public key',
      'accepts a self-signed certificate',
    ];
    const missed = planted.filter((p) => !['contradicted', 'imprecise'].includes(verdictOf(results, p)));
    expect(missed).toEqual([]);
  });

  it('never contradicts a right statement', () => {
    const right = [
      'opens with a SYN segment',
      'the server replies with a SYN/ACK',
      'the client sends an ACK',
      'after 2 hours of silence',
      'certificate travels encrypted in TLS 1.3',
      'default healthy threshold is 5',
    ];
    expect(right.map((r) => [r, verdictOf(results, r)]).filter(([, v]) => v === 'contradicted')).toEqual([]);
    expect(right.filter((r) => verdictOf(results, r) === 'confirmed').length).toBeGreaterThanOrEqual(5);
  });
});

describe('a second journal: bold questions, bullet answers, a title that is not a question', () => {
  const results = judgeJournal(readFileSync('test/claims/fixtures/journal-other-b.md', 'utf8'));

  it('maps each question and confirms its right statements', () => {
    expect(results.map((q) => q.key).sort()).toEqual(['certificates/why-certificate', 'handshakes/connection', 'two-tier/remote-state']);
    const statements = results.flatMap((q) => q.claims.filter((c) => c.verdict !== 'missing'));
    expect(statements.filter((c) => c.verdict === 'contradicted').map((c) => c.claim)).toEqual([]);
    expect(statements.filter((c) => c.verdict === 'confirmed').length).toBeGreaterThanOrEqual(6);
  });
});

describe('the shipped journal: mapping survives renumbering, reordering and rewording', () => {
  const shipped = readFileSync('journals/journal-week.md', 'utf8');
  const mapping = (text: string) => judgeJournal(text).filter((q) => q.verdict !== 'no-lab').map((q) => q.key).sort();
  const expected = [
    'certificates/why-certificate',
    'handshakes/connection',
    'health-twin/healthy-targets',
    'lb-modes/proxy-passthrough-reverse-proxy',
    'two-tier/alb-components',
    'two-tier/alb-end-to-end-tls',
    'two-tier/remote-state',
  ];

  it('maps its seven answered questions', () => {
    expect(mapping(shipped)).toEqual(expected);
  });

  it('renumbered: the same mapping', () => {
    const renumbered = shipped.replace(/^(\d+)\. /gm, (_, n: string) => `${Number(n) + 10}. `);
    expect(mapping(renumbered)).toEqual(expected);
  });

  it('reordered and reworded (test fixture): the same mapping', () => {
    expect(mapping(readFileSync('test/journal/fixtures/journal-reordered.md', 'utf8'))).toEqual(expected);
  });

  it('questions reworded in other registers: the same mapping', () => {
    const reworded = shipped
      .replace(/Your provisioning architecture has been partitioned[^\n]*/, 'Two Terraform stacks (network, app) keep separate state: how does the app stack pick up the VPC id the network stack created?')
      .replace(/In terms of network connection between a client and a server, describe the following;/, 'Explain, for a client talking to a server:')
      .replace(/How does the AWS Application Load Balancer determine[^\n]*/, 'When does an ELB stop sending requests to a target, and when does it send them again?')
      .replace(/Why might you want to use a TLS certificate in a solution architecture\?/, 'What is an SSL cert actually for?');
    expect(mapping(reworded)).toEqual(expected);
  });
});
