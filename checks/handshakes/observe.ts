/**
 * Pure: the handshakes lab's evidence → what it shows for the propositions it can observe. The TCP handshake is a
 * real loopback capture; the TLS runs are captures decoded with and without the key log (six full handshakes:
 * TLS 1.2 with ECDHE and RSA key exchange and TLS 1.3, each with and without a client certificate, plus resumed
 * sessions); keepalive and HTTP persistence are experiments in network namespaces. A part that could not run says
 * why, and the judge falls back to the fact sheet.
 */
import type { FactSheet, Observation, Observer } from '../../src/claims/types.ts';
import type { Direction, HandshakesEvidence, KeepaliveDefaults, KeepaliveObservation, SegmentView, SessionsObservation, TcpHandshakeObservation, TlsMessage, TlsObservation, TlsRun } from './evidence.ts';
import factSheet from './facts.json' with { type: 'json' };

const facts = factSheet as FactSheet;

// ---------- TCP ----------

interface Handshake {
  syn: SegmentView;
  synAck: SegmentView;
  ack: SegmentView;
  next?: SegmentView;
}

const FLAG_ORDER = ['SYN', 'ACK', 'FIN', 'RST', 'PSH'];
const flagsOf = (s: SegmentView) => FLAG_ORDER.filter((f) => s.flags.includes(f));
const showFlags = (s: SegmentView) => flagsOf(s).join('+') || 'no flags';

function withHandshake(e: HandshakesEvidence, read: (h: Handshake, o: TcpHandshakeObservation) => Observation): Observation {
  if (e.tcpHandshake.status !== 'observed') return e.tcpHandshake;
  const o = e.tcpHandshake as TcpHandshakeObservation;
  const c2s = (s: SegmentView) => s.direction === 'client→server';
  const syn = o.segments.find((s) => c2s(s) && s.flags.includes('SYN') && !s.flags.includes('ACK'));
  const synAck = syn && o.segments.find((s) => !c2s(s) && s.frame > syn.frame && s.flags.includes('SYN'));
  const ack = synAck && o.segments.find((s) => c2s(s) && s.frame > synAck.frame);
  if (!syn || !synAck || !ack) return { status: 'unverifiable', reason: 'the capture holds no complete SYN, SYN+ACK, ACK exchange' };
  const next = o.segments.find((s) => c2s(s) && s.frame > ack.frame);
  return read({ syn, synAck, ack, ...(next ? { next } : {}) }, o);
}

const segmentLine = (what: string, s: SegmentView) => `${what} (frame ${s.frame}, ${s.direction}) carried ${showFlags(s)}, seq ${s.rawSeq}${s.flags.includes('ACK') ? `, ack ${s.rawAck}` : ''}, ${s.length} data bytes`;

const synFlags: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => ({ status: 'observed', value: flagsOf(h.syn), summary: `in a real loopback connection ${segmentLine("the client's first segment", h.syn)}.`, data: h.syn }));

const synAckFlags: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => ({ status: 'observed', value: flagsOf(h.synAck), summary: `in a real loopback connection ${segmentLine("the server's reply to the SYN", h.synAck)}.`, data: h.synAck }));

const synAckCombined: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => {
    const one = h.synAck.flags.includes('SYN') && h.synAck.flags.includes('ACK');
    return {
      status: 'observed',
      value: one ? 'one segment (SYN+ACK)' : 'two separate segments',
      summary: `in a real loopback connection ${segmentLine("the server's first SYN", h.synAck)}${one ? ": its own SYN and the acknowledgment of the client's SYN travelled in that one segment" : ''}.`,
      data: h.synAck,
    };
  });

const ackFlags: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => ({ status: 'observed', value: flagsOf(h.ack), summary: `in a real loopback connection ${segmentLine("the client's third segment", h.ack)}.`, data: h.ack }));

const stepName = (s: SegmentView) => (s.flags.includes('SYN') ? (s.flags.includes('ACK') ? 'SYN+ACK' : 'SYN') : s.flags.includes('ACK') ? 'ACK' : showFlags(s));

const steps: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => {
    const order = [h.syn, h.synAck, h.ack].map(stepName);
    return {
      status: 'observed',
      value: order,
      summary: `the capture of a real connection opened with ${order.join(' → ')} (frames ${h.syn.frame}, ${h.synAck.frame}, ${h.ack.frame}, ${h.syn.direction}, ${h.synAck.direction}, ${h.ack.direction}).`,
      data: [h.syn, h.synAck, h.ack],
    };
  });

const wayCount: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => ({ status: 'observed', value: 3, summary: `the captured connection was open after three segments: ${[h.syn, h.synAck, h.ack].map(stepName).join(', ')}.` }));

const ackNumber: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => {
    const serverAcks = h.synAck.rawAck - h.syn.rawSeq;
    const clientAcks = h.ack.rawAck - h.synAck.rawSeq;
    const value = serverAcks === 1 && clientAcks === 1 ? "the peer's ISN + 1" : serverAcks === 0 && clientAcks === 0 ? "the peer's ISN itself" : undefined;
    if (!value) return { status: 'unverifiable', reason: `the captured acknowledgment numbers were ISN + ${serverAcks} and ISN + ${clientAcks}, which fits neither reading` };
    return {
      status: 'observed',
      value,
      summary: `the client's SYN had ISN ${h.syn.rawSeq} and the server's SYN+ACK acknowledged ${h.synAck.rawAck} (ISN + ${serverAcks}); the server's ISN was ${h.synAck.rawSeq} and the client's ACK acknowledged ${h.ack.rawAck} (ISN + ${clientAcks}).`,
      data: { syn: h.syn, synAck: h.synAck, ack: h.ack },
    };
  });

const synConsumes: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => {
    const used = h.ack.rawSeq - h.syn.rawSeq - h.syn.length;
    if (used !== 1 && used !== 0) return { status: 'unverifiable', reason: `the client's sequence number moved by ${used} across its SYN, which the capture cannot explain` };
    return {
      status: 'observed',
      value: used === 1 ? 'one sequence number' : 'no sequence number',
      summary: `the client's SYN carried no data (seq ${h.syn.rawSeq}), yet its next segment started at seq ${h.ack.rawSeq}: the SYN used up ${used} sequence number.`,
    };
  });

const finalAckData: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => ({
    status: 'observed',
    value: 'may carry data, need not',
    summary:
      h.ack.length === 0
        ? `the client's final ACK (frame ${h.ack.frame}) carried no data and the connection was established all the same; the request's first ${h.next?.length ?? '?'} bytes followed in frame ${h.next?.frame ?? '?'}.`
        : `the client's final ACK (frame ${h.ack.frame}) already carried ${h.ack.length} bytes of data.`,
    data: h.ack,
  }));

const isn: Observer<HandshakesEvidence> = (e) =>
  withHandshake(e, (h) => {
    if (h.syn.rawSeq === 0 || h.synAck.rawSeq === 0) return { status: 'unverifiable', reason: 'the capture holds raw sequence numbers of 0, so it shows nothing about how they are chosen' };
    return {
      status: 'observed',
      value: 'random (unpredictable)',
      summary: `the client's initial sequence number was ${h.syn.rawSeq} and the server's ${h.synAck.rawSeq}, not 0 (capture tools show them as a relative 0).`,
    };
  });

// ---------- TLS ----------

const NOT_HANDSHAKE = new Set(['ApplicationData', 'Alert', 'EncryptedHandshakeMessage', 'EncryptedRecord']);
const versionOf = (r: TlsRun) => (r.negotiated.protocol === 'TLSv1.3' ? '1.3' : r.negotiated.protocol === 'TLSv1.2' ? '1.2' : r.negotiated.protocol);
const handshakeMessages = (r: TlsRun) => r.messages.filter((m) => !NOT_HANDSHAKE.has(m.name));
const namesOf = (r: TlsRun) => [...new Set(handshakeMessages(r).map((m) => m.name))];

function withRuns(e: HandshakesEvidence, pick: (r: TlsRun) => boolean, what: string, read: (runs: TlsRun[]) => Observation): Observation {
  if (e.tls.status !== 'observed') return e.tls;
  const o = e.tls as TlsObservation;
  if (o.messageSource !== 'capture') return { status: 'unverifiable', reason: `no capture of the TLS messages was possible here${o.messageSourceReason ? ` (${o.messageSourceReason})` : ''}` };
  const runs = o.runs.filter((r) => pick(r) && r.messages.length > 0);
  if (runs.length === 0) return { status: 'unverifiable', reason: `this run's evidence holds no captured ${what}` };
  return read(runs);
}

const fullRuns = (version: string) => (r: TlsRun) => versionOf(r) === version && !r.resumed;

/** The runs' message orders merged into one, the fact sheet's other items kept in their documented place. */
function mergedOrder(lists: string[][], documented: readonly string[]): string[] {
  const merged: string[] = [];
  const insertAfter = (item: string, previous: string | undefined) => {
    if (merged.includes(item)) return;
    const at = previous === undefined ? -1 : merged.indexOf(previous);
    merged.splice(at + 1, 0, item);
  };
  for (const list of lists) list.forEach((item, i) => insertAfter(item, list[i - 1]));
  documented.forEach((item, i) => {
    if (merged.includes(item)) return;
    const previous = documented.slice(0, i).reverse().find((d) => merged.includes(d));
    insertAfter(item, previous);
  });
  return merged;
}

const arrow = (m: TlsMessage) => `${m.name}${m.direction === 'client→server' ? ' (client)' : ' (server)'}${m.encrypted ? ' [encrypted]' : ''}`;

function messageSequence(id: string, version: string, runsWhat: string): Observer<HandshakesEvidence> {
  return (e) =>
    withRuns(e, fullRuns(version), `full TLS ${version} handshake`, (runs) => {
      const fact = facts[id];
      const documented = fact.value as string[];
      const order = mergedOrder(runs.map(namesOf), documented);
      const conditional: Record<string, string> = {};
      for (const [item, condition] of Object.entries(fact.conditional ?? {})) if (order.includes(item)) conditional[item] = condition;
      const notes: string[] = [];
      for (const item of order) {
        const seenIn = runs.filter((r) => namesOf(r).includes(item));
        if (seenIn.length === runs.length || item === 'Hello') continue;
        conditional[item] ??= seenIn.length ? `in some handshakes only (the lab saw it in: ${seenIn.map((r) => r.label).join('; ')})` : 'in some handshakes only (the lab did not see it)';
        if (seenIn.length) notes.push(`${item} only in ${seenIn.map((r) => r.label).join('; ')}`);
      }
      const richest = [...runs].sort((a, b) => handshakeMessages(b).length - handshakeMessages(a).length)[0]!;
      return {
        status: 'observed',
        value: order,
        conditional,
        summary: `the lab captured ${runs.length} full ${runsWhat}; the fullest one (${richest.label}) ran ${handshakeMessages(richest).map(arrow).join(' → ')}${notes.length ? `; ${notes.join('; ')}` : ''}.`,
        data: runs.map((r) => ({ id: r.id, label: r.label, messages: namesOf(r) })),
      };
    });
}

const ske: Observer<HandshakesEvidence> = (e) =>
  withRuns(e, fullRuns('1.2'), 'full TLS 1.2 handshake', (runs) => {
    const dhe = runs.filter((r) => r.ephemeralKey);
    const rsa = runs.filter((r) => !r.ephemeralKey);
    const has = (r: TlsRun) => namesOf(r).includes('ServerKeyExchange');
    if (!dhe.length || !rsa.length) return { status: 'unverifiable', reason: 'the lab did not capture both an (EC)DHE and an RSA key exchange here' };
    if (!dhe.every(has) || rsa.some(has)) return { status: 'unverifiable', reason: 'ServerKeyExchange did not follow the key exchange in these captures' };
    return {
      status: 'observed',
      value: 'sent with (EC)DHE key exchange',
      summary: `the server sent ServerKeyExchange in the ${dhe.length} ECDHE handshakes (${dhe[0]!.negotiated.cipher}, ${dhe[0]!.ephemeralKey}) and in none of the ${rsa.length} RSA key exchange handshakes (${rsa[0]!.negotiated.cipher}).`,
      data: runs.map((r) => ({ id: r.id, cipher: r.negotiated.cipher, ephemeralKey: r.ephemeralKey ?? null, serverKeyExchange: has(r) })),
    };
  });

/** The messages each side sent in one stretch, in order: [direction, names][]. */
function flights(r: TlsRun): { direction: Direction; names: string[] }[] {
  const out: { direction: Direction; names: string[] }[] = [];
  for (const m of handshakeMessages(r)) {
    const last = out[out.length - 1];
    if (last && last.direction === m.direction) last.names.push(m.name);
    else out.push({ direction: m.direction, names: [m.name] });
  }
  return out;
}

const serverHelloDone: Observer<HandshakesEvidence> = (e) =>
  withRuns(e, fullRuns('1.2'), 'full TLS 1.2 handshake', (runs) => {
    const ok = runs.every((r) => {
      const first = flights(r).find((f) => f.direction === 'server→client');
      return first?.names[first.names.length - 1] === 'ServerHelloDone';
    });
    if (!ok) return { status: 'unverifiable', reason: "ServerHelloDone did not close the server's first flight in every capture" };
    const first = flights(runs[0]!).find((f) => f.direction === 'server→client')!;
    return {
      status: 'observed',
      value: "the server's hello messages are over; it waits for the client",
      summary: `in all ${runs.length} TLS 1.2 handshakes ServerHelloDone closed the server's first flight (${first.names.join(', ')}) and the client answered next.`,
    };
  });

const ccsSenders: Observer<HandshakesEvidence> = (e) =>
  withRuns(e, fullRuns('1.2'), 'full TLS 1.2 handshake', (runs) => {
    const sides = (r: TlsRun) => new Set(r.messages.filter((m) => m.name === 'ChangeCipherSpec').map((m) => m.direction));
    const both = runs.every((r) => sides(r).size === 2);
    return {
      status: 'observed',
      value: both ? 'both sides' : 'only the server',
      summary: `in the ${runs.length} TLS 1.2 handshakes ${both ? 'the client and the server each sent ChangeCipherSpec' : 'not every side sent ChangeCipherSpec'} (e.g. ${handshakeMessages(runs[0]!).filter((m) => m.name === 'ChangeCipherSpec' || m.name === 'Finished').map(arrow).join(' → ')}).`,
    };
  });

const ccsOrder: Observer<HandshakesEvidence> = (e) =>
  withRuns(e, fullRuns('1.2'), 'full TLS 1.2 handshake', (runs) => {
    const before = runs.every((r) => {
      const ms = handshakeMessages(r);
      return ms.every((m, i) => m.name !== 'ChangeCipherSpec' || ms.slice(i + 1).find((n) => n.direction === m.direction)?.name === 'Finished');
    });
    if (!before) return { status: 'unverifiable', reason: "ChangeCipherSpec was not directly followed by the same side's Finished in every capture" };
    return {
      status: 'observed',
      value: 'right before its Finished',
      summary: `in every TLS 1.2 handshake each side's ChangeCipherSpec was followed directly by its own Finished, which was already encrypted (${handshakeMessages(runs[0]!).filter((m) => m.name === 'ChangeCipherSpec' || m.name === 'Finished').map(arrow).join(' → ')}).`,
    };
  });

const certVerify12: Observer<HandshakesEvidence> = (e) =>
  withRuns(e, fullRuns('1.2'), 'full TLS 1.2 handshake', (runs) => {
    const cv = (r: TlsRun, d: Direction) => r.messages.some((m) => m.name === 'CertificateVerify' && m.direction === d);
    const withCert = runs.filter((r) => r.clientCertificateSent);
    const without = runs.filter((r) => !r.clientCertificateSent);
    if (!withCert.length || !without.length) return { status: 'unverifiable', reason: 'the lab did not capture TLS 1.2 handshakes both with and without a client certificate here' };
    if (runs.some((r) => cv(r, 'server→client')) || !withCert.every((r) => cv(r, 'client→server')) || without.some((r) => cv(r, 'client→server'))) {
      return { status: 'unverifiable', reason: 'CertificateVerify did not follow the client certificate in these captures' };
    }
    return {
      status: 'observed',
      value: 'the client, only after sending a client certificate',
      summary: `the client sent CertificateVerify in the ${withCert.length} TLS 1.2 handshakes where the server asked for its certificate and in none of the ${without.length} others; the server never sent one.`,
    };
  });

const keyExchange13: Observer<HandshakesEvidence> = (e) =>
  withRuns(e, fullRuns('1.3'), 'full TLS 1.3 handshake', (runs) => {
    const kx = runs.filter((r) => namesOf(r).some((n) => n === 'ServerKeyExchange' || n === 'ClientKeyExchange'));
    if (kx.length) return { status: 'unverifiable', reason: `a TLS 1.3 capture (${kx[0]!.label}) shows a KeyExchange message, which the lab cannot explain` };
    return {
      status: 'observed',
      value: 'in key_share extensions of the Hellos (no KeyExchange messages)',
      summary: `the ${runs.length} TLS 1.3 handshakes agreed ${runs[0]!.ephemeralKey ?? 'an ephemeral'} key without any ServerKeyExchange or ClientKeyExchange: ${namesOf(runs[0]!).join(', ')}.`,
    };
  });

const ccs13: Observer<HandshakesEvidence> = (e) =>
  withRuns(e, fullRuns('1.3'), 'full TLS 1.3 handshake', (runs) => {
    const r = runs[0]!;
    const ms = handshakeMessages(r);
    const ccs = ms.filter((m) => m.name === 'ChangeCipherSpec');
    const ee = ms.find((m) => m.name === 'EncryptedExtensions');
    if (!ccs.length) return { status: 'unverifiable', reason: 'this TLS 1.3 capture holds no ChangeCipherSpec (middlebox compatibility mode was off), so it cannot show what is left of it' };
    return {
      status: 'observed',
      value: 'only a dummy record for middlebox compatibility',
      summary: `the TLS 1.3 handshake (${r.label}) still carried ${ccs.length} unencrypted ChangeCipherSpec record${ccs.length > 1 ? 's' : ''} (${ccs.map(arrow).join(', ')}), but the messages after ServerHello were encrypted regardless${ee ? ` (EncryptedExtensions ${ee.encrypted ? 'encrypted' : 'readable'})` : ''}: a compatibility dummy, not a switch of keys.`,
    };
  });

/** Round trips before the client may send data: the server flight that carries the server's Finished. */
function roundTrips(r: TlsRun): number | undefined {
  const server = flights(r).filter((f) => f.direction === 'server→client');
  const i = server.findIndex((f) => f.names.includes('Finished'));
  return i < 0 ? undefined : i + 1;
}

function rtt(version: string): Observer<HandshakesEvidence> {
  return (e) =>
    withRuns(e, fullRuns(version), `full TLS ${version} handshake`, (runs) => {
      const r = runs.find((x) => !x.clientCertificateSent) ?? runs[0]!;
      const n = roundTrips(r);
      if (n === undefined) return { status: 'unverifiable', reason: "the capture holds no Finished from the server" };
      return {
        status: 'observed',
        value: n,
        summary: `in the captured ${r.label} handshake the server's Finished came in its ${n === 1 ? 'first' : n === 2 ? 'second' : `${n}th`} flight (${flights(r).map((f) => `${f.direction === 'client→server' ? 'client' : 'server'}: ${f.names.join(', ')}`).join(' | ')}), so the client could send data after ${n} round trip${n > 1 ? 's' : ''}.`,
      };
    });
}

const rttCompare: Observer<HandshakesEvidence> = (e) =>
  withRuns(e, (r) => !r.resumed && !r.clientCertificateSent, 'full TLS handshake', (runs) => {
    const r13 = runs.find((r) => versionOf(r) === '1.3');
    const r12 = runs.find((r) => versionOf(r) === '1.2');
    const n13 = r13 && roundTrips(r13);
    const n12 = r12 && roundTrips(r12);
    if (!n13 || !n12) return { status: 'unverifiable', reason: 'the lab did not capture both a full TLS 1.2 and a full TLS 1.3 handshake here' };
    const value = n13 < n12 ? 'fewer than TLS 1.2 (one instead of two)' : n13 === n12 ? 'as many as TLS 1.2' : 'more than TLS 1.2';
    return { status: 'observed', value, summary: `the captured TLS 1.3 handshake let the client send data after ${n13} round trip${n13 > 1 ? 's' : ''}, the TLS 1.2 one after ${n12}.` };
  });

function certVisibility(version: string): Observer<HandshakesEvidence> {
  return (e) =>
    withRuns(e, fullRuns(version), `full TLS ${version} handshake`, (runs) => {
      const certs = runs.flatMap((r) => r.messages.filter((m) => m.name === 'Certificate' && m.direction === 'server→client').map((m) => ({ r, m })));
      if (!certs.length) return { status: 'unverifiable', reason: `no server Certificate message was decoded in the TLS ${version} captures` };
      const encrypted = certs.every((c) => c.m.encrypted);
      const readable = certs.every((c) => !c.m.encrypted);
      if (!encrypted && !readable) return { status: 'unverifiable', reason: `the TLS ${version} captures disagree on whether the certificate was readable` };
      return {
        status: 'observed',
        value: encrypted ? 'encrypted' : 'readable on the wire',
        summary: encrypted
          ? `in all ${certs.length} TLS ${version} captures the server's Certificate could be decoded only with the session key log: an eavesdropper sees it encrypted.`
          : `in all ${certs.length} TLS ${version} captures the server's Certificate was readable without any key: it travels in the clear.`,
      };
    });
}

const resumptionMessages: Observer<HandshakesEvidence> = (e) =>
  withRuns(e, (r) => versionOf(r) === '1.2' && r.resumed, 'resumed TLS 1.2 handshake', (runs) => {
    const fact = facts['tls12.resumption-messages'];
    const order = mergedOrder(runs.map(namesOf), fact.value as string[]);
    return {
      status: 'observed',
      value: order,
      conditional: fact.conditional ?? {},
      summary: `the lab's resumed TLS 1.2 session (${runs[0]!.label}) ran ${handshakeMessages(runs[0]!).map(arrow).join(' → ')}, with no Certificate or key exchange messages.`,
    };
  });

// ---------- keepalive ----------

function withKeepalive(e: HandshakesEvidence, read: (k: KeepaliveObservation) => Observation): Observation {
  if (e.keepalive.status !== 'observed') return e.keepalive;
  return read(e.keepalive as KeepaliveObservation);
}

const seconds = (ms: number | undefined) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`);

const kaDefault: Observer<HandshakesEvidence> = (e) =>
  withKeepalive(e, (k) => {
    if (k.plain.probes > 0) return { status: 'observed', value: 'on by default for every socket', summary: `a connection that never called setKeepAlive sent ${k.plain.probes} keepalive probes while idle.` };
    return {
      status: 'observed',
      value: 'off unless the application enables it (SO_KEEPALIVE)',
      summary: `with tcp_keepalive_time set to ${k.namespaceSysctls.time} s in its namespace, a connection that never enabled keepalive stayed idle ${seconds(k.plain.idleMs)} and sent no probe, while the one with setKeepAlive(true) sent its first probe after ${seconds(k.keepalive.firstProbeAfterMs)}.`,
      data: { plain: k.plain, firstProbeAfterMs: k.keepalive.firstProbeAfterMs },
    };
  });

function kaSysctl(key: keyof KeepaliveDefaults, name: string, unit: string): Observer<HandshakesEvidence> {
  return (e) => {
    if (e.keepaliveDefaults.status !== 'observed') return e.keepaliveDefaults;
    const d = e.keepaliveDefaults as KeepaliveDefaults;
    return { status: 'observed', value: d[key], summary: `this machine's /proc/sys/net/ipv4/${name} read ${d[key]}${unit} (kernel ${e.platform.kernel}).` };
  };
}

const kaSchedule: Observer<HandshakesEvidence> = (e) =>
  withKeepalive(e, (k) => {
    if (k.plain.probes > 0 || k.keepalive.firstProbeAfterMs === undefined) return { status: 'unverifiable', reason: 'the experiment did not show when the first probe left' };
    return {
      status: 'observed',
      value: 'only after the idle time, then at the probe interval',
      summary: `with setKeepAlive(true, ${k.nodeInitialDelayMs}) the first probe left only after ${seconds(k.keepalive.firstProbeAfterMs)} of silence and the unanswered ones then every ${seconds(k.keepalive.medianIntervalMs)}; the connection without keepalive sent no probe in ${seconds(k.plain.idleMs)}.`,
    };
  });

const kaDeadPeer: Observer<HandshakesEvidence> = (e) =>
  withKeepalive(e, (k) => {
    const a = k.keepalive;
    if (!a.errorCode) return { status: 'unverifiable', reason: 'the application saw no error after the peer was cut off' };
    const value = a.errorCode === 'ETIMEDOUT' ? 'the connection is dropped and the application gets ETIMEDOUT' : a.errorCode === 'EOF' ? 'the application reads end-of-file, as after a clean close' : undefined;
    if (!value) return { status: 'unverifiable', reason: `the application got ${a.errorCode}, which neither reading covers` };
    return {
      status: 'observed',
      value,
      summary: `after the lab dropped the peer's packets (${k.cut.rule}), ${a.unansweredProbesBeforeError} probes went unanswered, the kernel ${a.resetSent ? 'reset' : 'dropped'} the connection and the application's socket failed with ${a.errorCode} ("${a.errorMessage ?? a.errorCode}") ${seconds(a.detectionMs)} after the cut.`,
      data: a,
    };
  });

const kaPurpose: Observer<HandshakesEvidence> = (e) =>
  withKeepalive(e, (k) => {
    if (!k.keepalive.errorCode) return { status: 'unverifiable', reason: 'the dead-peer experiment saw no error' };
    return {
      status: 'observed',
      value: 'detecting a dead or unreachable peer',
      summary: `a silent connection whose peer was cut off was detected by its unanswered probes: the application got ${k.keepalive.errorCode} ${seconds(k.keepalive.detectionMs)} after the cut, while the connection without keepalive never noticed anything in ${seconds(k.plain.idleMs)}.`,
    };
  });

const kaPerSocket: Observer<HandshakesEvidence> = (e) =>
  withKeepalive(e, (k) => {
    const first = k.keepalive.firstProbeAfterMs;
    const system = k.namespaceSysctls.time * 1000;
    if (first === undefined || Math.abs(first - k.nodeInitialDelayMs) > Math.abs(first - system)) return { status: 'unverifiable', reason: 'the first probe did not follow the per-socket delay, so the experiment shows nothing here' };
    return {
      status: 'observed',
      value: 'per socket (TCP_KEEPIDLE/TCP_KEEPINTVL/TCP_KEEPCNT) or system-wide',
      summary: `the namespace's tcp_keepalive_time was ${k.namespaceSysctls.time} s, yet the socket with setKeepAlive(true, ${k.nodeInitialDelayMs}) sent its first probe after ${seconds(first)}: the per-socket TCP_KEEPIDLE overrode the system-wide value.`,
    };
  });

// ---------- sessions ----------

function withSessions(e: HandshakesEvidence, read: (s: SessionsObservation) => Observation): Observation {
  if (e.sessions.status !== 'observed') return e.sessions;
  return read(e.sessions as SessionsObservation);
}

const httpPersistence: Observer<HandshakesEvidence> = (e) =>
  withSessions(e, (s) => {
    const h = s.http;
    const persistent = h.connectionsWithKeepAlive === 1 && h.requests > 1;
    return {
      status: 'observed',
      value: persistent ? 'persistent by default: several requests over one connection' : 'a new connection for every request',
      summary: `${h.requests} HTTP/1.1 requests went over ${h.connectionsWithKeepAlive} TCP connection${h.connectionsWithKeepAlive > 1 ? 's' : ''} (client port${new Set(h.clientPortsWithKeepAlive).size > 1 ? 's' : ''} ${[...new Set(h.clientPortsWithKeepAlive)].join(', ')}); the same ${h.requests} requests with Connection: close needed ${h.connectionsWithClose} connections (seen ${h.source === 'capture' ? 'in the capture' : 'from the client ports'}).`,
      data: h,
    };
  });

const connectionClose: Observer<HandshakesEvidence> = (e) =>
  withSessions(e, (s) => {
    const h = s.http;
    if (h.connectionsWithClose !== h.requests) return { status: 'unverifiable', reason: `${h.requests} requests with Connection: close used ${h.connectionsWithClose} connections, which the lab cannot explain` };
    return {
      status: 'observed',
      value: 'the connection closes after the current response',
      summary: `with Connection: close each of the ${h.requests} requests got its own TCP connection (client ports ${h.clientPortsWithClose.join(', ')}): the connection ended after every response.`,
    };
  });

const tlsResumption: Observer<HandshakesEvidence> = (e) =>
  withSessions(e, (s) => {
    const resumed = s.tlsResumption.filter((r) => r.resumed);
    if (!resumed.length) return { status: 'unverifiable', reason: 'no second TLS connection was resumed in this run' };
    const skipped = resumed.every((r) => r.certificateSent === false);
    return {
      status: 'observed',
      value: skipped ? 'skips the certificate and key exchange, reusing the earlier secret' : 'repeats the full handshake',
      summary: `the lab's second connections resumed the first one's session (${resumed.map((r) => r.protocol).join(', ')}) and ${skipped ? 'no Certificate was sent in either' : 'a Certificate was sent again'}.`,
    };
  });

export const observers: Partial<Record<string, Observer<HandshakesEvidence>>> = {
  'tcp.syn-flags': synFlags,
  'tcp.synack-flags': synAckFlags,
  'tcp.synack-combined': synAckCombined,
  'tcp.ack-flags': ackFlags,
  'tcp.steps': steps,
  'tcp.way-count': wayCount,
  'tcp.ack-number': ackNumber,
  'tcp.syn-consumes': synConsumes,
  'tcp.final-ack-data': finalAckData,
  'tcp.isn': isn,
  'tls12.messages': messageSequence('tls12.messages', '1.2', 'TLS 1.2 handshakes (ECDHE and RSA key exchange, with and without a client certificate)'),
  'tls13.messages': messageSequence('tls13.messages', '1.3', 'TLS 1.3 handshakes (with and without a client certificate)'),
  'tls12.ske': ske,
  'tls12.server-hello-done': serverHelloDone,
  'tls12.cert-verify': certVerify12,
  'tls12.ccs-senders': ccsSenders,
  'tls12.ccs-order': ccsOrder,
  'tls13.key-exchange': keyExchange13,
  'tls13.ccs': ccs13,
  'tls13.rtt': rtt('1.3'),
  'tls12.rtt': rtt('1.2'),
  'tls13.rtt-vs-12': rttCompare,
  'tls13.cert-visibility': certVisibility('1.3'),
  'tls12.cert-visibility': certVisibility('1.2'),
  'tls12.resumption-messages': resumptionMessages,
  'ka.default': kaDefault,
  'ka.time': kaSysctl('time', 'tcp_keepalive_time', ' s'),
  'ka.intvl': kaSysctl('intvl', 'tcp_keepalive_intvl', ' s'),
  'ka.probes': kaSysctl('probes', 'tcp_keepalive_probes', ''),
  'ka.schedule': kaSchedule,
  'ka.purpose': kaPurpose,
  'ka.dead-peer': kaDeadPeer,
  'ka.per-socket': kaPerSocket,
  'sess.http-persistence': httpPersistence,
  'sess.connection-close': connectionClose,
  'sess.tls-resumption': tlsResumption,
};
