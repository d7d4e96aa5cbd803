import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJournal, type JournalDocument } from '../../src/journal/parse-journal.ts';
import type { Question } from '../../src/model/types.ts';

const shipped = readFileSync(new URL('../../journals/journal-week.md', import.meta.url), 'utf8');
const reordered = readFileSync(new URL('./fixtures/journal-reordered.md', import.meta.url), 'utf8');

const SYS = 'System Architecture and Application Design, Cloud Computing (AWS)';
const CICD = 'CICD, Infrastructure as as Code (IaC), Terraform, Packer and Ansible';

/** The answered questions of the shipped journal: section, number, how the question starts, statement count. */
const ANSWERED: [string, number, RegExp, number][] = [
  [CICD, 1, /^Your provisioning architecture has been partitioned into two tiers/, 3],
  [SYS, 1, /^In terms of network connection between a client and a server, describe the following;/, 14],
  [SYS, 2, /^Your technical requirement calls for a full end-2-end encryption/, 8],
  [SYS, 3, /^How does the AWS Application Load Balancer determine which are the healthy backend servers/, 4],
  [SYS, 4, /^The main configurable components of the AWS Application Load Balancers/, 15],
  [SYS, 5, /^Research these infrastructure components/, 3],
  [SYS, 6, /^Why might you want to use a TLS certificate in a solution architecture\?$/, 6],
];

function answered(doc: JournalDocument): Question[] {
  return doc.questions.filter((q) => q.hasAnswer);
}

function expectVerbatim(doc: JournalDocument): void {
  for (const q of doc.questions) {
    for (const s of q.statements) {
      expect(doc.text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
      expect(s.start).toBeGreaterThanOrEqual(q.start);
      expect(s.end).toBeLessThanOrEqual(q.answerEnd);
    }
  }
}

describe('parseJournal on the shipped journal', () => {
  const doc = parseJournal(shipped, 'journals/journal-week.md');

  it('finds exactly the seven answered questions with their sections, numbers and statements', () => {
    const got = answered(doc);
    expect(got.map((q) => [q.section, q.number])).toEqual(ANSWERED.map(([s, n]) => [s, n]));
    ANSWERED.forEach(([, , question, count], i) => {
      expect(got[i].question).toMatch(question);
      expect(got[i].statements).toHaveLength(count);
    });
  });

  it('keeps statements verbatim, at their offsets, inside their question', () => {
    expectVerbatim(doc);
  });

  it('keeps bullet sub-parts and URL lines in the question text, not in the answer', () => {
    const [, q1, , , q4, q5] = answered(doc);
    expect(q1.question).toContain('https://tldp.org/HOWTO/TCP-Keepalive-HOWTO/overview.html');
    expect(q1.question).toMatch(/\* Connection sessions\n\* TCP handshake\n\* TLS handshake\n\* TCP Keepalive$/);
    expect(q4.question).toMatch(/\* Listeners\n[\s\S]*\* Health Checks$/);
    expect(q5.question).toMatch(/\* A reverse proxy$/);
    expect(q1.answer).toMatch(/^## TCP handshake is the process/);
    expect(q1.answer).not.toContain('https://');
  });

  it('reads answer headings and lazy `#Listeners:` lines as answer text, without their #s', () => {
    const [cicd, q1, q2, q3, q4] = answered(doc);
    expect(cicd.statements[0].text).toMatch(/^To dynamically retrieve parameters/);
    expect(q1.statements[0].text).toBe(
      'TCP handshake is the process of establishing a connection between two devices over a TCP/IP network.',
    );
    expect(q3.statements[0].text).toMatch(/^The AWS Application Load Balancer uses a health check mechanism/);
    expect(q4.statements[0].text).toMatch(/^Listeners: A listener is a component/);
    expect(q2.statements.map((s) => s.text.split(' ').slice(0, 2).join(' '))).toEqual([
      'Create a',
      'Configure the',
      'Attach the',
      'Configure the',
      'Install the',
      'Configure the',
      'Test the',
      'Monitor the',
    ]);
  });

  it('keeps numbered answer items (recipe steps, reasons) in the answer, not as questions', () => {
    const [, , q2, , , q5, q6] = answered(doc);
    expect(q2.answer).toMatch(/8\. Monitor the performance[^\n]*$/);
    expect(q5.statements.map((s) => s.text.split(':')[0])).toEqual(['Proxy Load Balancer', 'PassThru Load Balancer', 'Reverse Proxy']);
    expect(q6.statements[0].text).toMatch(/^A TLS \(Transport Layer Security\) certificate is used/);
    expect(q6.statements.slice(2).map((s) => s.text.split(':')[0])).toEqual(['Authentication', 'Encryption', 'Trust', 'Compliance']);
    expect(doc.questions.filter((q) => q.section === SYS).map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reports placeholders, empty items and bare numbers as question slots without an answer', () => {
    const slots = doc.questions.filter((q) => !q.hasAnswer);
    for (const q of slots) {
      expect(q.answer).toBe('');
      expect(q.statements).toEqual([]);
    }
    const bySection = (prefix: string) => doc.questions.filter((q) => q.section.startsWith(prefix));
    expect(bySection('Key learnings').map((q) => [q.number, q.question, q.hasAnswer])).toContainEqual([6, 'Terraform', false]);
    expect(bySection('Key learnings')).toHaveLength(10);
    expect(bySection('Kubernetes').map((q) => q.number)).toEqual([1, 2]);
    expect(bySection('Linux').map((q) => q.number)).toEqual([1, 2]);
    expect(bySection('Site Reliability').map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
    expect(bySection('DevOps').map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
    expect(bySection('New commands')).toHaveLength(10);
    expect(bySection('Glossary')).toHaveLength(10);
    expect(doc.questions).toHaveLength(10 + 2 + 2 + 1 + 6 + 5 + 5 + 10 + 10);
  });

  it('anchors each answer where its result block goes: after the answer, tables after the table', () => {
    const [cicd, , q2, q3] = answered(doc);
    expect(shipped.slice(0, cicd.answerEnd)).toMatch(/"terraform remote state" data source type\. $/);
    expect(shipped.slice(0, q2.answerEnd)).toMatch(/optimize the configuration as needed\.$/);
    expect(shipped.slice(0, q3.answerEnd)).toMatch(/used for the health check requests\.$/);
    const table = doc.questions.filter((q) => q.section.startsWith('Key learnings'));
    expect(new Set(table.map((q) => q.answerEnd)).size).toBe(1);
    expect(shipped.slice(table[0].answerEnd, table[0].answerEnd + 4)).toBe('\n\n\n#');
  });

  it('records lines and the file hash and line ends', () => {
    const [cicd] = answered(doc);
    expect(cicd.line).toBe(34);
    expect(doc.eol).toBe('\n');
    expect(doc.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.blocks).toEqual([]);
  });
});

describe('parseJournal on variants', () => {
  it('finds the same questions and statements in a reordered, renumbered, reworded copy', () => {
    const doc = parseJournal(reordered);
    const original = answered(parseJournal(shipped));
    const got = answered(doc);
    expect(got).toHaveLength(original.length);
    const statementsOf = (qs: Question[]) => qs.map((q) => q.statements.map((s) => s.text)).sort((a, b) => a[0].localeCompare(b[0]));
    expect(statementsOf(got)).toEqual(statementsOf(original));
    expect(got.map((q) => [q.section.slice(0, 6), q.number])).toEqual([
      ['System', 1],
      ['System', 2],
      ['System', 3],
      ['System', 4],
      ['System', 5],
      ['System', 6],
      ['CICD, ', 3],
    ]);
    expect(got[0].question).toBe('Why would you use a TLS certificate in a solutions architecture?');
    expect(got[2].question).toMatch(/^Describe the following, for a network connection/);
    expectVerbatim(doc);
  });

  it('keeps offsets right in a CRLF copy', () => {
    const crlf = shipped.replace(/\n/g, '\r\n');
    const doc = parseJournal(crlf);
    expect(doc.eol).toBe('\r\n');
    expectVerbatim(doc);
    const lf = answered(parseJournal(shipped));
    const got = answered(doc);
    expect(got.map((q) => q.statements.map((s) => s.text))).toEqual(lf.map((q) => q.statements.map((s) => s.text)));
    expect(got.map((q) => q.question.replace(/\r\n/g, '\n'))).toEqual(lf.map((q) => q.question));
    expect(got.map((q) => q.line)).toEqual(lf.map((q) => q.line));
  });

  it('keeps offsets right around emoji, accents and CJK', () => {
    const text = [
      '## Réseau 🌐 et sécurité',
      '',
      '1. Why does TLS matter — für Sicherheit? 🔒',
      'TLS chiffre les données 🔐 entre le client et le serveur. 証明書はサーバーを認証します。 Ça marche!',
      '',
      '2. Describe each of these 負荷分散 terms.',
      '* Café',
      '* 代理',
      '👍 A reverse proxy terminates TLS. Naïve clients see one endpoint.',
      '',
    ].join('\n');
    const doc = parseJournal(text);
    expectVerbatim(doc);
    const [q1, q2] = doc.questions;
    expect(q1.section).toBe('Réseau 🌐 et sécurité');
    expect(q1.question).toBe('Why does TLS matter — für Sicherheit? 🔒');
    expect(q1.statements.map((s) => s.text)).toEqual([
      'TLS chiffre les données 🔐 entre le client et le serveur.',
      '証明書はサーバーを認証します。',
      'Ça marche!',
    ]);
    expect(q2.question).toBe('Describe each of these 負荷分散 terms.\n* Café\n* 代理');
    expect(q2.statements.map((s) => s.text)).toEqual(['👍 A reverse proxy terminates TLS.', 'Naïve clients see one endpoint.']);
  });

  it('reads bold questions, `1)` markers, indented answers, nested lists, quotes and code', () => {
    const text = [
      '## Networking',
      '',
      '1) **What is a VPC?**',
      '',
      '   A VPC is a private network. It spans one region.',
      '',
      '   - Subnets live in one AZ.',
      '',
      '2) **Explain NAT gateways:**',
      '   - cost',
      '   - placement',
      '',
      '   NAT gateways cost money per hour.',
      '',
      '```',
      'aws ec2 describe-nat-gateways',
      '```',
      '',
      '> Note: quoted. Second sentence.',
      '',
    ].join('\n');
    const doc = parseJournal(text);
    expect(doc.questions.map((q) => [q.number, q.question, q.statements.map((s) => s.text)])).toEqual([
      [1, '**What is a VPC?**', ['A VPC is a private network.', 'It spans one region.', 'Subnets live in one AZ.']],
      [2, '**Explain NAT gateways:**\n   - cost\n   - placement', ['NAT gateways cost money per hour.', 'Note: quoted.', 'Second sentence.']],
    ]);
    expect(text.slice(0, doc.questions[1].answerEnd)).toMatch(/Second sentence\.$/);
  });

  it('reads short bullets as the answer unless the question announces parts', () => {
    const text = ['## AWS', '', '1. List three AWS regions.', '* us-east-1', '* eu-west-1', '* ap-south-1', ''].join('\n');
    const [q] = parseJournal(text).questions;
    expect(q.question).toBe('List three AWS regions.');
    expect(q.statements.map((s) => s.text)).toEqual(['us-east-1', 'eu-west-1', 'ap-south-1']);
  });

  it('starts a section at a title heading with an intro paragraph when the numbering starts again', () => {
    const text = [
      '## One',
      '',
      '1. What is DNS?',
      'A directory.',
      '',
      '## Two',
      '',
      'Questions for week two.',
      '',
      '1. What is TTL?',
      '',
      '## Notes on TTL',
      '',
      'It is in seconds.',
      '',
      '2. Why cache?',
      '',
    ].join('\n');
    const doc = parseJournal(text);
    expect(doc.questions.map((q) => [q.section, q.number, q.statements.map((s) => s.text)])).toEqual([
      ['One', 1, ['A directory.']],
      ['Two', 1, ['Notes on TTL', 'It is in seconds.']],
      ['Two', 2, []],
    ]);
  });

  it('treats a section heading after an answer as a section, and a prose heading as answer text', () => {
    const text = [
      '## Networking',
      '',
      '1. What is a listener?',
      'It listens.',
      '',
      '## Storage',
      '',
      '1. What is S3?',
      '## S3 is an object store.',
      '',
      '2. How is S3 priced?',
      '',
    ].join('\n');
    const doc = parseJournal(text);
    expect(doc.questions.map((q) => [q.section, q.number, q.statements.map((s) => s.text)])).toEqual([
      ['Networking', 1, ['It listens.']],
      ['Storage', 1, ['S3 is an object store.']],
      ['Storage', 2, []],
    ]);
  });
});
