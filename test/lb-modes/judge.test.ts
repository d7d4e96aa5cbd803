/** Judges tested with the snapshot recorded by scripts/record-lb-modes.ts (real HAProxy + real moto). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/index.ts';
import { matchQuestion } from '../../src/labs/match.ts';
import lab from '../../labs/lb-modes.ts';
import type { LbModesEvidence } from '../../checks/lb-modes/evidence.ts';

const recorded = JSON.parse(readFileSync('checks/lb-modes/reference-evidence.json', 'utf8')) as LbModesEvidence;
const journal = parseJournal(readFileSync('journals/journal-week.md', 'utf8'));
const q5 = journal.questions.find((q) => matchQuestion(q.question, [lab]).length > 0)!;
const statements = q5.statements.map((s) => s.text);
const judge = (e: LbModesEvidence, st: readonly string[] = statements) => lab.questions[0]!.judge(st, e, 'moto');
const claim = (r: ReturnType<typeof judge>, aspect: RegExp) => r.claims.find((c) => aspect.test(c.aspect ?? c.claim));

describe('lb-modes question match', () => {
  it('matches only the proxy / pass-through / reverse proxy question of the shipped journal', () => {
    const matched = journal.questions.filter((q) => matchQuestion(q.question, [lab]).length > 0);
    expect(matched.map((q) => q.number)).toEqual([5]);
  });
});

describe('lb-modes Q5 judge on the recorded snapshot', () => {
  const r = judge(recorded);

  it('contradicts "already load balanced at a lower level (such as at the application layer)", with sources', () => {
    const c = claim(r, /lower level/)!;
    expect(c.verdict).toBe('contradicted');
    expect(c.claim).toMatch(/^PassThru Load Balancer/);
    expect(c.explanation).toMatch(/transport layer \(L4\)/);
    expect(c.sources.length).toBeGreaterThan(0);
  });

  it('calls "passes requests through without modifying them" imprecise: L4, TLS not terminated, nothing added', () => {
    const c = claim(r, /passes through/)!;
    expect(c.verdict).toBe('imprecise');
    expect(c.explanation).toMatch(/backend's own certificate/);
    expect(c.explanation).toMatch(/ignored/);
  });

  it('confirms the proxy and reverse-proxy duties from the HAProxy run', () => {
    for (const a of [/endpoint of both connections/, /forwarding by rules/, /content caching/, /TLS termination/, /header rewriting/]) {
      expect(claim(r, a)?.verdict, String(a)).toBe('confirmed');
    }
  });

  it('confirms the ALB/NLB listener split from the emulator refusing TCP on the ALB, and says so', () => {
    const c = claim(r, /Network Load Balancer TCP listener/)!;
    expect(c.verdict).toBe('confirmed');
    expect(c.explanation).toMatch(/moto emulator/);
  });

  it('reports the missing L4/L7 distinction', () => {
    expect(r.claims.find((c) => c.verdict === 'missing')?.claim).toMatch(/layer 7/);
  });

  it('every claim has evidence and a source', () => {
    for (const c of r.claims) {
      expect(c.sources.length, c.aspect).toBeGreaterThan(0);
      expect(c.evidence.length, c.aspect).toBeGreaterThan(0);
    }
  });

  it('gives the same verdicts when the answer arrives as sentences', () => {
    const sentences = statements.flatMap((s) => s.split(/(?<=\.)\s+/));
    const bySentence = judge(recorded, sentences);
    expect(claim(bySentence, /lower level/)?.verdict).toBe('contradicted');
    expect(claim(bySentence, /lower level/)?.claim).toMatch(/^This type of load balancer/);
  });
});

describe('lb-modes judge when something could not be collected', () => {
  it('no deployment: the API aspect is unverifiable with that reason', () => {
    const r = judge({ ...recorded, api: { collected: false, reason: 'not collected: no deployment' } });
    const c = claim(r, /Network Load Balancer TCP listener/)!;
    expect(c.verdict).toBe('unverifiable');
    expect(c.explanation).toMatch(/no deployment/);
  });

  it('a permissive emulator (ALB accepted TCP) never confirms: unverifiable, cites AWS docs', () => {
    // Derived from the recorded snapshot: only the ALB attempts' outcomes are flipped, to reach this branch.
    if (!recorded.api.collected) throw new Error('recorded snapshot lacks the API part');
    const attempts = recorded.api.attempts.map((a) => (a.loadBalancer === 'alb' ? { ...a, outcome: 'accepted' as const, errorCode: null, errorMessage: null, deleted: true } : a));
    const c = claim(judge({ ...recorded, api: { ...recorded.api, attempts } }), /Network Load Balancer TCP listener/)!;
    expect(c.verdict).toBe('unverifiable');
    expect(c.explanation).toMatch(/does not enforce/);
    expect(c.sources.map((s) => s.url).join(' ')).toMatch(/docs\.aws\.amazon\.com/);
  });

  it('no haproxy: data-plane verdicts are unverifiable with the install hint, never confirmed', () => {
    const r = judge({ ...recorded, dataPlane: { collected: false, reason: 'haproxy not found on PATH or in /usr/sbin: install haproxy (apt-get install haproxy)' } });
    const local = r.claims.filter((c) => c.aspect && !/Network Load Balancer/.test(c.aspect));
    expect(local.length).toBeGreaterThan(0);
    for (const c of local) {
      expect(c.verdict).toBe('unverifiable');
      expect(c.explanation).toMatch(/apt-get install haproxy/);
    }
  });
});
