import { describe, expect, it } from 'vitest';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { allDiagrams, diagramsForQuestion } from '../../src/report/diagrams/index.ts';
import { MAX_STEPS } from '../../src/report/diagrams/diagram.ts';
import { tcpHandshakeDiagram } from '../../src/report/diagrams/tcp-handshake.ts';
import { tlsHandshakeDiagrams } from '../../src/report/diagrams/tls-handshake.ts';
import { healthTimelineDiagram } from '../../src/report/diagrams/health-timeline.ts';
import { albPathDiagram, tiersDiagram } from '../../src/report/diagrams/architecture.ts';
import { mermaidParser } from '../support/mermaid-parser.ts';

const reference = Object.fromEntries([...loadReferenceEvidence()].map(([lab, r]) => [lab, r.evidence])) as Record<string, Record<string, unknown>>;
const diagrams = allDiagrams(reference);

/** Messages, notes and flowchart nodes/edges: what a reader has to follow. */
function steps(mermaid: string): number {
  return mermaid.split('\n').filter((l) => /->>|-->>|Note over|-->|\.->|\.-/.test(l)).length;
}

describe('diagrams drawn from the recorded reference evidence of every lab', () => {
  it('draws the TCP connection, every non-resumed TLS run, both architecture views and the health timeline', () => {
    expect(diagrams.map((d) => d.id)).toEqual([
      'tcp-handshake',
      'tls-tls12-ecdhe',
      'tls-tls12-rsa',
      'tls-tls13',
      'tls-tls12-ecdhe-client-cert',
      'tls-tls12-rsa-client-cert',
      'tls-tls13-client-cert',
      'architecture-tiers',
      'architecture-alb',
      'health-timeline',
    ]);
  });

  it.each(diagrams.map((d) => [d.id, d] as const))('%s parses with mermaid’s own parser', async (_id, d) => {
    const mermaid = await mermaidParser();
    await expect(mermaid.parse(d.mermaid)).resolves.toBeTruthy();
  });

  it.each(diagrams.map((d) => [d.id, d] as const))('%s is short enough to read and says where its data came from', (_id, d) => {
    expect(steps(d.mermaid)).toBeLessThanOrEqual(MAX_STEPS);
    expect(d.mermaid.split('\n').at(-1)).toMatch(/^%% data: (handshakes|two-tier|health-twin) lab: /);
    expect(d.source).toMatch(/lab: /);
  });

  it('shows the captured order, flags and relative seq/ack of the TCP connection', () => {
    const tcp = tcpHandshakeDiagram(reference.handshakes)!.mermaid.split('\n');
    expect(tcp.slice(3, 7)).toEqual([
      '  C->>S: SYN seq=0 (+0 ms)',
      '  S->>C: SYN+ACK seq=0 ack=1 (+0.018 ms)',
      '  C->>S: ACK seq=1 ack=1 (+0.035 ms)',
      '  Note over C,S: 3-way handshake complete: connection established',
    ]);
  });

  it('marks exactly the encrypted TLS records, in captured order, client certificate included', () => {
    const runs = (reference.handshakes.tls as { runs: { id: string; messages: { name: string; encrypted: boolean }[] }[] }).runs;
    for (const d of tlsHandshakeDiagrams(reference.handshakes)) {
      const run = runs.find((r) => `tls-${r.id}` === d.id)!;
      const arrows = d.mermaid.split('\n').filter((l) => l.includes('->>'));
      expect(arrows.map((l) => l.replace(/^.*?: /, '').replace(' (encrypted)', ''))).toEqual(run.messages.map((m) => m.name));
      expect(arrows.map((l) => l.endsWith('(encrypted)'))).toEqual(run.messages.map((m) => m.encrypted));
    }
    const clientCert = tlsHandshakeDiagrams(reference.handshakes).find((d) => d.id === 'tls-tls13-client-cert')!;
    expect(clientCert.mermaid).toContain('C->>S: Certificate (encrypted)');
  });

  it('draws the tiers, the ALB path with its certificate, TLS policy and security-group rules, and the health states', () => {
    expect(tiersDiagram(reference['two-tier'])!.mermaid).toContain('read by terraform_remote_state.network (s3)');
    const alb = albPathDiagram(reference['two-tier'])!.mermaid;
    expect(alb).toContain('listener HTTPS :443 · ELBSecurityPolicy-TLS13-1-2-2021-06');
    expect(alb).toContain('ACM certificate jl-e185c7a3.journal-lab.internal');
    expect(alb).toContain('jl-e185c7a3-backend allows tcp 443 from sg jl-e185c7a3-alb');
    expect(alb).toContain('private subnet · healthy');
    const health = healthTimelineDiagram(reference['health-twin'])!.mermaid;
    expect(health).toContain('t1 marked DOWN after 647 ms');
    expect(health).toContain('t1 back UP after 1571 ms');
    expect(health).toContain('LB-->>C: 503 ×3 (0 reached a target)');
  });

  it('draws nothing, rather than a made-up picture, when the evidence is missing or was not captured', () => {
    expect(diagramsForQuestion('handshakes/connection', {})).toEqual([]);
    expect(diagramsForQuestion('handshakes/connection', { handshakes: { collectorError: 'tcpdump missing' } })).toEqual([]);
    const noCapture = { ...reference.handshakes, tcpHandshake: { status: 'unverifiable', reason: 'no tcpdump' }, tls: { ...(reference.handshakes.tls as object), messageSource: 'node-api' } };
    expect(diagramsForQuestion('handshakes/connection', { handshakes: noCapture })).toEqual([]);
    expect(diagramsForQuestion('health-twin/healthy-targets', { 'health-twin': { status: 'unverifiable', reason: 'no haproxy' } })).toEqual([]);
    expect(diagramsForQuestion('certificates/why-certificate', reference)).toEqual([]);
    expect(diagramsForQuestion('handshakes/connection.2', reference)).toEqual([]);
  });

  it('keeps journal text out of mermaid syntax: labels cannot close a statement or a label', async () => {
    const hostile = { ...reference['health-twin'], targets: [{ name: 't1"]; click x call alert(1) %% ;\n#' }, { name: 't2' }] };
    const d = healthTimelineDiagram(hostile)!;
    expect(d.mermaid).not.toMatch(/click x call alert\(1\) %%/);
    const mermaid = await mermaidParser();
    await expect(mermaid.parse(d.mermaid)).resolves.toBeTruthy();
  });
});

describe('diagrams stay short on long evidence', () => {
  it('summarises a TLS run and a TCP connection too long to draw step by step', async () => {
    const handshakes = reference.handshakes as Record<string, any>;
    const alternating = Array.from({ length: 60 }, (_, i) => ({ direction: i % 2 ? 'server→client' : 'client→server', name: `ApplicationData`, encrypted: true }));
    const tls = { ...handshakes.tls, runs: [{ ...handshakes.tls.runs[0], messages: alternating }] };
    const segments = Array.from({ length: 40 }, (_, i) => ({ ...handshakes.tcpHandshake.segments[3], frame: i + 1 }));
    const long = { ...handshakes, tls, tcpHandshake: { ...handshakes.tcpHandshake, segments } };
    const mermaid = await mermaidParser();
    for (const d of diagramsForQuestion('handshakes/connection', { handshakes: long })) {
      expect(steps(d.mermaid), d.id).toBeLessThanOrEqual(MAX_STEPS);
      await expect(mermaid.parse(d.mermaid)).resolves.toBeTruthy();
    }
    expect(tlsHandshakeDiagrams(long)[0].mermaid).toContain('more records (in the JSON results)');
    expect(tcpHandshakeDiagram(long)!.mermaid).toContain('22 more segments in the JSON results');
  });
});
