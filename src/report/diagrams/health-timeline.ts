import type { TransitionTiming, TwinEvidence } from '../../../checks/health-twin/evidence.ts';
import { BREAK, isRecord, label, sourceComment, type Diagram } from './diagram.ts';

/**
 * The health-twin's targets over time against the thresholds: one target marked down, back up, then all down
 * and what a client got. Measured on HAProxy configured from the target group (time scaled), never on an ALB.
 */
export function healthTimelineDiagram(evidence: unknown): Diagram | undefined {
  if (!isRecord(evidence) || evidence.status !== 'observed') return undefined;
  const twin = evidence as unknown as TwinEvidence;
  const s = twin.settings;
  const names = twin.targets.map((t) => t.name);
  if (names.length === 0) return undefined;
  const first = names[0];
  const ids = names.map((_, i) => `T${i + 1}`);
  const span = ids.length > 1 ? `T1,${ids.at(-1)}` : 'T1';
  const lines = [
    'sequenceDiagram',
    '  participant C as client',
    `  participant LB as HAProxy twin (check every ${s.intervalMs} ms, fall ${s.fall}, rise ${s.rise})`,
    ...names.map((n, i) => `  participant ${ids[i]} as target ${label(n)}`),
    `  Note over LB,${ids.at(-1)}: all targets healthy`,
    `  T1-->>LB: health check answered ${label(failingAnswer(twin.haproxyLog))} from t=0 (${label(first)} starts failing)`,
    `  Note over LB,T1: ${transition(`${first} marked DOWN`, twin.becomingUnhealthy, s.fall, s.intervalMs)}`,
  ];
  const after = twin.becomingUnhealthy.requestsAfterStateChange;
  if (after !== undefined) lines.push(`  Note over C,LB: ${after} client request${after === 1 ? '' : 's'} reached ${label(first)} after it was marked down`);
  lines.push(
    `  T1->>LB: health check answered 200 again`,
    `  Note over LB,T1: ${transition(`${first} back UP`, twin.becomingHealthy, s.rise, s.intervalMs)}`,
    `  Note over LB,${ids.at(-1)}: every target failing: ${label(twin.allUnhealthy.stateSeen.join(', ') || 'states not seen')}`,
  );
  const statuses = twin.allUnhealthy.responses.map((r) => (r.status !== null ? String(r.status) : (r.error ?? 'no answer')));
  if (statuses.length > 0) {
    lines.push(`  C->>LB: ${statuses.length} request${statuses.length === 1 ? '' : 's'}`);
    lines.push(`  LB-->>C: ${label(summarise(statuses))} (${twin.allUnhealthy.requestsReachingTargets} reached a target)`);
  }
  const source = `health-twin lab: HAProxy ${twin.haproxyVersion.replace(/^HAProxy version /i, '').split(' ')[0]} configured from the target group's health check (interval ${s.targetGroup.intervalSeconds} s, timeout ${s.targetGroup.timeoutSeconds} s, healthy ${s.targetGroup.healthyThreshold}, unhealthy ${s.targetGroup.unhealthyThreshold}) with time scaled down ${s.timeScaleFactor}×; times measured from HAProxy's stats, not on an ALB.`;
  lines.push(sourceComment(source));
  return { id: 'health-timeline', title: 'Target health over time (HAProxy twin)', mermaid: lines.join('\n'), source };
}

/** Two lines: what happened when, then the window the thresholds predict and the time on the target group. */
function transition(what: string, t: TransitionTiming, threshold: number, intervalMs: number): string {
  const window = label(`expected ${t.expectedWindowMs.min}–${t.expectedWindowMs.max} ms (${threshold} checks, one every ${intervalMs} ms)`);
  if (t.stateChangeMs === null) return `${label(`${what}: not seen during the experiment`)}${BREAK}${window}`;
  const scaled = t.scaledBackSeconds !== null ? ` · ${label(`≈ ${t.scaledBackSeconds} s at the target group's settings`)}` : '';
  return `${label(`${what} after ${t.stateChangeMs} ms`)}${BREAK}${window}${scaled}`;
}

/** What the failing target answered, as HAProxy logged it when marking it down. */
function failingAnswer(log: readonly string[]): string {
  const code = log.map((l) => /is DOWN, .*?code: (\d+)/.exec(l)?.[1]).find(Boolean);
  return code ? `${code} (wrong status)` : 'with a failure';
}

function summarise(statuses: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => (n > 1 ? `${s} ×${n}` : s)).join(', ');
}
