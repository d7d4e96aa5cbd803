/**
 * Pure: the health-twin lab's evidence → what it shows for the propositions it can observe. The twin is HAProxy
 * configured from the lab's target group (its own thresholds and interval, scaled in time), not an ALB: it can show
 * how thresholds work (a run of failures, a run of passes, no requests to a target marked down, checks on a fixed
 * interval, TLS on the target leg). AWS defaults and what an ALB does when every target is down are judged on the
 * AWS documentation; the observers for those say why the lab cannot show them and what the twin did instead.
 */
import type { Observation, Observer } from '../../src/claims/types.ts';
import { notObservedBecause } from '../../src/model/observed.ts';
import type { HealthTwinEvidence, TransitionTiming, TwinEvidence } from './evidence.ts';

/** Loopback scheduling and the stats polling add a little to every measured transition. */
const SLACK_MS = 150;
const TWIN = 'on the HAProxy twin of the target group (not an ALB)';

function onTwin(f: (e: TwinEvidence) => Observation): Observer<HealthTwinEvidence> {
  return (e) => (e.status === 'observed' ? f(e) : notObservedBecause('the twin experiment did not run', e));
}

function inWindow(t: TransitionTiming): boolean {
  return t.stateChangeMs !== null && t.stateChangeMs >= t.expectedWindowMs.min - SLACK_MS && t.stateChangeMs <= t.expectedWindowMs.max + SLACK_MS;
}

function settingsLine(e: TwinEvidence): string {
  const t = e.settings.targetGroup;
  return `the lab's target group: unhealthy after ${t.unhealthyThreshold}, healthy after ${t.healthyThreshold}, every ${t.intervalSeconds} s (twin ${e.settings.timeScaleFactor}× faster: ${e.settings.intervalMs} ms)`;
}

/** A run of failures, not the first one: the state changed inside the window the threshold predicts. */
const unhealthyRule = onTwin((e) => {
  const d = e.becomingUnhealthy;
  const fall = e.settings.fall;
  if (!inWindow(d) || fall < 2) {
    return { status: 'unverifiable', reason: `the twin marked the failing target down after ${d.stateChangeMs ?? 'no'} ms, outside the ${d.expectedWindowMs.min}–${d.expectedWindowMs.max} ms its threshold predicts, so it shows nothing here` };
  }
  return {
    status: 'observed',
    value: 'after several failed checks in a row (UnhealthyThresholdCount)',
    summary:
      `${TWIN}, with ${settingsLine(e)}, a target whose health endpoint started failing was marked down after ${d.stateChangeMs} ms, ` +
      `not at its first failed check but after ${fall} in a row (the threshold predicts ${d.expectedWindowMs.min}–${d.expectedWindowMs.max} ms; ≈ ${d.scaledBackSeconds ?? '?'} s at the real interval).`,
    data: { settings: e.settings.targetGroup, becomingUnhealthy: d },
  };
});

const healthyRule = onTwin((e) => {
  const u = e.becomingHealthy;
  const rise = e.settings.rise;
  if (!inWindow(u) || rise < 2) {
    return { status: 'unverifiable', reason: `the twin marked the recovered target up after ${u.stateChangeMs ?? 'no'} ms, outside the ${u.expectedWindowMs.min}–${u.expectedWindowMs.max} ms its threshold predicts, so it shows nothing here` };
  }
  return {
    status: 'observed',
    value: 'after several passing checks in a row (HealthyThresholdCount)',
    summary:
      `${TWIN}, with ${settingsLine(e)}, a recovered target was marked up again after ${u.stateChangeMs} ms and served its first request at ${u.trafficMs ?? '–'} ms, ` +
      `after ${rise} passing checks in a row, not the first one (the threshold predicts ${u.expectedWindowMs.min}–${u.expectedWindowMs.max} ms; ≈ ${u.scaledBackSeconds ?? '?'} s at the real interval).`,
    data: { settings: e.settings.targetGroup, becomingHealthy: u },
  };
});

const stopRouting = onTwin((e) => {
  const d = e.becomingUnhealthy;
  if (d.requestsAfterStateChange === undefined || d.stateChangeMs === null) return { status: 'unverifiable', reason: 'the twin recorded no requests around the state change' };
  if (d.requestsAfterStateChange !== 0) {
    return { status: 'unverifiable', reason: `the twin still sent ${d.requestsAfterStateChange} request(s) to a target it had marked down, so it shows nothing here` };
  }
  return {
    status: 'observed',
    value: 'no new requests go to an unhealthy target',
    summary: `${TWIN}: client requests kept flowing while a target failed; its last request was served at ${d.trafficMs ?? '–'} ms, it was marked down at ${d.stateChangeMs} ms, and none of the later requests reached it.`,
    data: d,
  };
});

const mechanism = onTwin((e) => {
  const m = e.measuredCheckIntervalMs;
  if (m.samples < 3 || Math.abs(m.mean - e.settings.intervalMs) > e.settings.intervalMs * 0.2) {
    return { status: 'unverifiable', reason: `the twin's checks came every ${m.mean} ms over ${m.samples} gaps, not at the configured ${e.settings.intervalMs} ms` };
  }
  return {
    status: 'observed',
    value: 'active requests sent on a fixed interval',
    summary: `${TWIN}: each target received a GET ${e.settings.targetGroup.path} check every ${m.mean} ms on average (${m.samples} gaps measured; configured ${e.settings.intervalMs} ms = ${e.settings.targetGroup.intervalSeconds} s ÷ ${e.settings.timeScaleFactor}), whether or not clients sent anything.`,
    data: m,
  };
});

const httpsEncrypted = onTwin((e) => {
  const leg = e.backendLeg;
  if (!leg.captured) return { status: 'unverifiable', reason: `the load balancer → target leg was not captured (${leg.reason})` };
  if (e.settings.targetGroup.protocol !== 'HTTPS') return { status: 'unverifiable', reason: `the lab's health checks use ${e.settings.targetGroup.protocol}, not HTTPS` };
  const tlsOnly = leg.payloadSegments > 0 && leg.nonTlsPayloadSegments === 0 && !leg.plaintextHttpFound;
  return {
    status: 'observed',
    value: tlsOnly ? 'encrypted with TLS' : 'sent in clear text',
    summary:
      `a capture of the twin's load balancer → target leg (HTTPS health checks and traffic) held ${leg.payloadSegments} payload segments: ${leg.tlsPayloadSegments} TLS records, ` +
      `${leg.nonTlsPayloadSegments} anything else, plaintext HTTP ${leg.plaintextHttpFound ? 'found' : 'absent'}.`,
    data: leg,
  };
});

/** The lab's target group does not use the defaults, so what the twin measured says nothing about them. */
function notTheDefault(what: string, actual: (e: TwinEvidence) => string): Observer<HealthTwinEvidence> {
  return onTwin((e) => ({ status: 'unverifiable', reason: `it runs the lab's own target group settings, not the AWS defaults (its ${what} is ${actual(e)})` }));
}

/** The all-unhealthy case needs an ALB; the twin is HAProxy, which behaves differently (shown only as contrast). */
const failOpen = onTwin((e) => {
  const a = e.allUnhealthy;
  const answers = a.responses.map((r) => r.status ?? r.error ?? '?').join(', ');
  return {
    status: 'unverifiable',
    reason:
      `only an ALB can show it, and the lab's load balancer is an HAProxy twin; for contrast, with every target down (${a.stateSeen.join(', ')}) HAProxy answered ${answers || 'nothing'} itself ` +
      `and ${a.requestsReachingTargets} request(s) reached a target, which is HAProxy's behaviour, not the ALB's`,
  };
});

export const observers: Partial<Record<string, Observer<HealthTwinEvidence>>> = {
  'hc.unhealthy-rule': unhealthyRule,
  'hc.healthy-rule': healthyRule,
  'hc.stop-routing': stopRouting,
  'hc.mechanism': mechanism,
  'hc.https-encrypted': httpsEncrypted,
  'hc.fail-open': failOpen,
  'hc.unhealthy-threshold': notTheDefault('unhealthy threshold', (e) => String(e.settings.targetGroup.unhealthyThreshold)),
  'hc.healthy-threshold': notTheDefault('healthy threshold', (e) => String(e.settings.targetGroup.healthyThreshold)),
  'hc.interval': notTheDefault('interval', (e) => `${e.settings.targetGroup.intervalSeconds} s`),
  'hc.path-default': notTheDefault('path', (e) => e.settings.targetGroup.path),
};
