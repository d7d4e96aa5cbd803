/** Q3 behaviour judge, tested with the snapshot recorded by `node bin/run-ts.js scripts/record-evidence.ts health-twin`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/journal/index.ts';
import { matchQuestion } from '../../src/labs/match.ts';
import lab from '../../labs/health-twin.ts';
import type { HealthTwinEvidence } from '../../checks/health-twin/evidence.ts';
import { TWIN_NOTE } from '../../checks/health-twin/judge-q3.ts';

const recorded = JSON.parse(readFileSync('checks/health-twin/reference-evidence.json', 'utf8')) as HealthTwinEvidence;
const journal = parseJournal(readFileSync('journals/journal-week.md', 'utf8'));
const q3 = journal.questions.find((q) => q.number === 3 && /healthy backend/.test(q.question))!;
const judge = (e: HealthTwinEvidence) => lab.questions[0]!.judge(q3.statements.map((s) => s.text), e, 'local');

describe('health-twin question match', () => {
  it('matches Q3 (healthy backends) and not Q4 (ALB components)', () => {
    const matched = journal.questions.filter((q) => matchQuestion(q.question, [lab]).length > 0);
    expect(matched.map((q) => q.number)).toEqual([3]);
  });
});

describe('health-twin Q3 judge on the recorded snapshot', () => {
  const r = judge(recorded);

  it('"marked unhealthy after failing the health check" is imprecise: thresholds, with measured timings', () => {
    const c = r.claims.find((x) => /^If a backend server fails/.test(x.claim))!;
    expect(c.verdict).toBe('imprecise');
    expect(c.explanation).toMatch(/consecutive failures/);
    expect(c.explanation).toMatch(/marked down \d+ ms/);
  });

  it('every verdict resting on the twin says it was observed on the twin, not on an ALB', () => {
    for (const c of r.claims.filter((x) => x.evidence.some((e) => /^twin-|backend-leg/.test(e.kind)))) {
      expect(c.explanation, c.claim).toContain(TWIN_NOTE);
    }
  });

  it('reports fail-open as AWS documentation next to what the twin did', () => {
    const c = r.claims.find((x) => x.verdict === 'missing' && /every target/.test(x.claim))!;
    expect(c.explanation).toMatch(/This is documentation, not something observed here/);
    expect(c.explanation).toMatch(/503/);
    expect(c.sources[0]!.url).toBe('https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html');
  });

  it('the periodic-check verdict carries the TLS-only capture of the LB → target leg', () => {
    const c = r.claims.find((x) => /periodically/.test(x.claim))!;
    expect(c.verdict).toBe('confirmed');
    const leg = c.evidence.find((e) => e.kind === 'backend-leg-capture')!;
    expect(leg.summary).toMatch(/plaintext HTTP absent/);
  });

  it('without haproxy nothing is confirmed and the reason names the install command', () => {
    const none = judge({ collected: false, reason: 'haproxy not found on PATH or in /usr/sbin: install haproxy (apt-get install haproxy)' });
    expect(none.claims.some((c) => c.verdict === 'confirmed')).toBe(false);
    expect(none.claims.filter((c) => c.verdict === 'unverifiable').every((c) => /apt-get install haproxy/.test(c.explanation))).toBe(true);
  });
});
