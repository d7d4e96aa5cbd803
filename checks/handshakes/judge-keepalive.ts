/** Judges TCP keepalive statements against the namespace experiment and this machine's defaults. */
import type { ExpectedFact, RuleOutcome, StatementRule } from '../../src/model/judge-answer.ts';
import type { EvidenceItem } from '../../src/model/types.ts';
import type { HandshakesEvidence, KeepaliveDefaults, KeepaliveObservation } from './evidence.ts';
import { notObserved } from './judge-support.ts';
import { SOURCES } from './sources.ts';

const sources = [SOURCES.rfc1122Keepalive, SOURCES.tcp7, SOURCES.nodeSetKeepAlive];

function keepalive(evidence: HandshakesEvidence): { obs?: KeepaliveObservation; unavailable?: RuleOutcome } {
  const unavailable = notObserved(evidence.keepalive, 'TCP keepalive', sources);
  return unavailable ? { unavailable } : { obs: evidence.keepalive as KeepaliveObservation };
}

function defaults(evidence: HandshakesEvidence): KeepaliveDefaults | undefined {
  return evidence.keepaliveDefaults.status === 'observed' ? (evidence.keepaliveDefaults as KeepaliveDefaults) : undefined;
}

export function describeDefaults(d: KeepaliveDefaults | undefined): string {
  if (!d) return 'the Linux defaults could not be read here';
  const total = d.time + d.intvl * d.probes;
  return `this machine's defaults are tcp_keepalive_time=${d.time} s, tcp_keepalive_intvl=${d.intvl} s, tcp_keepalive_probes=${d.probes}: a socket that enables keepalive without its own timers notices a dead peer after ${total} s (${(total / 3600).toFixed(1)} h)`;
}

function items(obs: KeepaliveObservation, d?: KeepaliveDefaults): EvidenceItem[] {
  const k = obs.keepalive;
  return [
    {
      kind: 'keepalive-probes',
      summary: `setKeepAlive(true, ${obs.nodeInitialDelayMs}): first probe after ${k.firstProbeAfterMs ?? '?'} ms idle, then every ${k.medianIntervalMs ?? '?'} ms; ${k.probes.filter((p) => p.answered).length} answered, ${k.unansweredProbesBeforeError} unanswered after the cut${k.resetSent ? ', then the kernel sent RST' : ''}`,
      data: { probes: k.probes, sample: obs.sampleSegments },
    },
    {
      kind: 'keepalive-detection',
      summary: k.errorCode
        ? `peer cut off (${obs.cut.rule}) → the application got ${k.errorCode} ("${k.errorMessage}") after ${k.detectionMs} ms`
        : `peer cut off (${obs.cut.rule}) → no error reached the application within the lab's deadline`,
    },
    { kind: 'keepalive-default-off', summary: `connection without setKeepAlive: ${obs.plain.probes} probes in ${obs.plain.idleMs} ms idle (namespace tcp_keepalive_time=${obs.namespaceSysctls.time} s), ${obs.plain.errorCode ? `error ${obs.plain.errorCode}` : 'and no error although its peer was gone'}` },
    ...(d ? [{ kind: 'linux-defaults', summary: describeDefaults(d), data: d }] : []),
  ];
}

export const keepaliveRules: StatementRule<HandshakesEvidence>[] = [
  {
    id: 'keepalive-purpose',
    about: /keep-?\s?alive[^.]*(ensure|remain|stay|does not time out|prevent|keep)/i,
    judge(_statement, evidence) {
      const { obs, unavailable } = keepalive(evidence);
      if (!obs) return unavailable!;
      return {
        verdict: 'imprecise',
        explanation: `An idle TCP connection does not time out by itself: the connection without keepalive stayed established for ${obs.plain.idleMs} ms with ${obs.plain.probes} probes, and it never learned that its peer had vanished. Keepalive does not keep a connection alive through network problems either; it detects a dead or unreachable peer and then ends the connection (here ${obs.keepalive.errorCode ?? 'an error'} after ${obs.keepalive.detectionMs ?? '?'} ms). Its other use is to keep NAT and firewall state from expiring. It is off unless the application enables it (SO_KEEPALIVE, Node's setKeepAlive), and ${describeDefaults(defaults(evidence))}.`,
        evidence: items(obs, defaults(evidence)),
        sources: [...sources, SOURCES.tldpKeepalive],
      };
    },
  },
  {
    id: 'keepalive-probes',
    about: /(small )?(packets?|probes?|segments?)[^.]*(regular )?intervals?|check (if|whether) the other end/i,
    judge(_statement, evidence) {
      const { obs, unavailable } = keepalive(evidence);
      if (!obs) return unavailable!;
      const answered = obs.keepalive.probes.filter((p) => p.answered).length;
      const probe = obs.sampleSegments.find((s, i) => i >= 3 && s.direction === 'client→server' && s.length <= 1);
      const ok = answered > 0 && obs.keepalive.medianIntervalMs !== undefined;
      return {
        verdict: ok ? 'confirmed' : 'contradicted',
        explanation: ok
          ? `The capture shows the probes: empty ACK segments (${probe ? `seq=${probe.rawSeq}, one below the next sequence number, ${probe.length} bytes` : 'no payload'}) that the live peer must acknowledge, sent every ${obs.keepalive.medianIntervalMs} ms once the connection had been idle for ${obs.keepalive.firstProbeAfterMs} ms.`
          : 'No keepalive probes were captured on the connection that enabled keepalive.',
        evidence: items(obs),
        sources,
      };
    },
  },
  {
    id: 'keepalive-failure',
    about: /no (response|reply|answer)[^.]*(attempts|tries|probes|times)|considered (lost|dead|broken)/i,
    judge(_statement, evidence) {
      const { obs, unavailable } = keepalive(evidence);
      if (!obs) return unavailable!;
      const k = obs.keepalive;
      const ok = Boolean(k.errorCode) && k.unansweredProbesBeforeError > 0;
      return {
        verdict: ok ? 'confirmed' : 'contradicted',
        explanation: ok
          ? `After the peer was cut off, ${k.unansweredProbesBeforeError} probes went unanswered; the kernel then ${k.resetSent ? 'sent a RST, ' : ''}closed the connection and the application's next read failed with ${k.errorCode} (${k.detectionMs} ms after the cut). The application learns of it only through that error.`
          : 'The connection was not closed after unanswered probes within the lab\'s deadline.',
        evidence: items(obs),
        sources,
      };
    },
  },
  {
    id: 'keepalive-configurable',
    about: /(frequency|interval|timer|time)[^.]*configur|configur[^.]*(keep-?alive|frequency|interval)/i,
    judge(_statement, evidence) {
      const { obs, unavailable } = keepalive(evidence);
      if (!obs) return unavailable!;
      const k = obs.keepalive;
      const ns = obs.namespaceSysctls;
      const libuvOverrode = k.medianIntervalMs !== undefined && Math.abs(k.medianIntervalMs - ns.intvl * 1000) > 400;
      return {
        verdict: 'confirmed',
        explanation: `Per system: ${describeDefaults(defaults(evidence))}. Per socket: Node's setKeepAlive(true, ${obs.nodeInitialDelayMs}) made the first probe go out after ${k.firstProbeAfterMs} ms idle. ${libuvOverrode ? `The interval (${k.medianIntervalMs} ms) and count (${k.unansweredProbesBeforeError}) did not follow the namespace's sysctls (${ns.intvl} s, ${ns.probes}): this Node's libuv sets its own TCP_KEEPINTVL/TCP_KEEPCNT (1 s, 10), so an application cannot tune those from Node's API.` : `The interval and count followed the namespace sysctls (${ns.intvl} s, ${ns.probes}).`}`,
        evidence: items(obs, defaults(evidence)),
        sources,
      };
    },
  },
];

export const keepaliveFacts: ExpectedFact<HandshakesEvidence>[] = [
  {
    id: 'keepalive-off-by-default',
    fact: 'TCP keepalive is off unless the application enables it on the socket (SO_KEEPALIVE / setKeepAlive).',
    mentionedBy: /(off|disabled|not enabled|opt-?in) by default|SO_KEEPALIVE|setKeepAlive|must be (enabled|turned on)/i,
    explain: (evidence) => {
      const obs = evidence.keepalive.status === 'observed' ? (evidence.keepalive as KeepaliveObservation) : undefined;
      return {
        explanation: obs
          ? `The connection that did not call setKeepAlive sent ${obs.plain.probes} probes in ${obs.plain.idleMs} ms, although its namespace's tcp_keepalive_time was ${obs.namespaceSysctls.time} s: the sysctls only apply to sockets that enable SO_KEEPALIVE.`
          : 'RFC 1122 requires keepalive to default to off.',
        evidence: obs ? items(obs) : [],
        sources,
      };
    },
  },
  {
    id: 'keepalive-default-timers',
    fact: 'The default timers are long: Linux waits tcp_keepalive_time (7200 s) before the first probe.',
    mentionedBy: /7200|two hours|2 hours|tcp_keepalive_time/i,
    explain: (evidence) => ({
      explanation: `Without per-socket timers, ${describeDefaults(defaults(evidence))}; RFC 1122 requires the idle time to default to no less than two hours.`,
      evidence: defaults(evidence) ? [{ kind: 'linux-defaults', summary: describeDefaults(defaults(evidence)), data: defaults(evidence) }] : [],
      sources,
    }),
  },
];
