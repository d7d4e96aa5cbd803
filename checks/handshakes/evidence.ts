/** The handshakes lab's evidence snapshot: plain JSON, recorded from real runs, judged by pure functions. */

import type { NotObserved, Observed } from '../../src/model/observed.ts';

export type Direction = 'client→server' | 'server→client';

export interface SegmentView {
  frame: number;
  /** Milliseconds since the first packet of this connection. */
  ms: number;
  direction: Direction;
  flags: string[];
  /** Relative (0 at the sender's initial sequence number) and raw sequence/acknowledgement numbers. */
  seq: number;
  ack: number;
  rawSeq: number;
  rawAck: number;
  length: number;
}

export interface TcpHandshakeObservation {
  client: string;
  server: string;
  /** All segments of one short request/response connection, in capture order. */
  segments: SegmentView[];
}

export interface TlsMessage {
  direction: Direction;
  /** Handshake message name (ClientHello, ...) or record type (ChangeCipherSpec, Alert, ApplicationData). */
  name: string;
  /** Protected by keys from this handshake: an eavesdropper without the key log cannot read it. */
  encrypted: boolean;
}

export interface TlsRun {
  id: string;
  label: string;
  requested: { minVersion?: string; maxVersion?: string; ciphers?: string; clientCertificate: boolean; resumeSession: boolean };
  negotiated: { protocol: string; cipher: string; standardCipher?: string };
  /** Ephemeral key exchange group as Node reports it (e.g. ECDH X25519); absent for RSA key exchange. */
  ephemeralKey?: string;
  resumed: boolean;
  clientCertificateSent: boolean;
  /** Key log labels seen for this session (what secrets TLS derived), never the secrets themselves. */
  keylogLabels: string[];
  /** Decoded from the capture (TLS 1.3 handshake decrypted with the key log); empty when capture was impossible. */
  messages: TlsMessage[];
}

export interface TlsObservation {
  runs: TlsRun[];
  /** 'capture': tcpdump + tshark; 'node-api': protocol/cipher/session facts only, no message sequence. */
  messageSource: 'capture' | 'node-api';
  messageSourceReason?: string;
}

export interface KeepaliveDefaults {
  /** Read from /proc/sys/net/ipv4 on this machine (seconds, seconds, count). */
  time: number;
  intvl: number;
  probes: number;
}

export interface ProbeView {
  ms: number;
  answered: boolean;
}

export interface KeepaliveObservation {
  /** Namespace sysctls set for the client side, to see which values a socket really uses. */
  namespaceSysctls: KeepaliveDefaults;
  nodeInitialDelayMs: number;
  /** The connection without setKeepAlive over the whole experiment. */
  plain: { probes: number; idleMs: number; errorCode?: string };
  keepalive: {
    probes: ProbeView[];
    firstProbeAfterMs?: number;
    medianIntervalMs?: number;
    unansweredProbesBeforeError: number;
    resetSent: boolean;
    /** From the iptables DROP until the application's 'error' event. */
    detectionMs?: number;
    errorCode?: string;
    errorMessage?: string;
  };
  cut: { rule: string; namespace: string; afterMs: number };
  /** A few keepalive probe segments as seen on the wire. */
  sampleSegments: SegmentView[];
}

export interface HttpKeepAliveObservation {
  requests: number;
  /** Distinct TCP connections (SYNs seen, or distinct client ports without capture). */
  connectionsWithKeepAlive: number;
  clientPortsWithKeepAlive: number[];
  connectionsWithClose: number;
  clientPortsWithClose: number[];
  responseConnectionHeaders: string[];
  source: 'capture' | 'node-api';
}

export interface SessionsObservation {
  http: HttpKeepAliveObservation;
  /** Second TLS connections offered the first one's session: resumed ones skip the certificate exchange. */
  tlsResumption: { runId: string; protocol: string; resumed: boolean; certificateSent: boolean | null }[];
}

export interface HandshakesEvidence {
  collectedAt: string;
  platform: { node: string; openssl: string; libuv: string; kernel: string };
  tcpHandshake: Observed<TcpHandshakeObservation>;
  tls: Observed<TlsObservation>;
  keepaliveDefaults: Observed<KeepaliveDefaults>;
  keepalive: Observed<KeepaliveObservation>;
  sessions: Observed<SessionsObservation>;
  durationsMs: Record<string, number>;
}
