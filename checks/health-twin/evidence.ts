/** The health-twin evidence snapshot: timings measured on HAProxy, never presented as an ALB's. */
import type { CertificateInfo } from '../../src/certs/local-ca.ts';
import type { NotObserved } from '../../src/model/observed.ts';
import type { TwinSettings } from './twin-config.ts';

export interface TransitionTiming {
  /** Milliseconds from the backend changing its /healthz answer to HAProxy's stats showing the new state. */
  stateChangeMs: number | null;
  /** Failure: last client request the backend served after it started failing; recovery: first one after. */
  trafficMs: number | null;
  /** The window the thresholds predict: (threshold - 1) × interval … threshold × interval + timeout. */
  expectedWindowMs: { min: number; max: number };
  /** The state change scaled back by the factor: what the same settings predict on the target group. */
  scaledBackSeconds: number | null;
  /** Client requests the backend served after HAProxy marked it down (failure experiment only). */
  requestsAfterStateChange?: number;
}

export interface TwinEvidence {
  status: 'observed';
  haproxyVersion: string;
  durationMs: number;
  settings: TwinSettings;
  config: string;
  targets: { name: string; certificate: CertificateInfo }[];
  /** Mean gap between health checks one backend received, with the number of gaps measured. */
  measuredCheckIntervalMs: { mean: number; samples: number };
  becomingUnhealthy: TransitionTiming;
  becomingHealthy: TransitionTiming;
  allUnhealthy: {
    responses: { status: number | null; error: string | null }[];
    requestsReachingTargets: number;
    stateSeen: string[];
  };
  /** HAProxy's own log lines about state changes. */
  haproxyLog: string[];
  backendLeg: BackendLegCapture | { captured: false; reason: string };
}

export interface BackendLegCapture {
  captured: true;
  filter: string;
  tcpSegments: number;
  payloadSegments: number;
  /** Payload-carrying segments tshark decoded as TLS, and those it did not. */
  tlsPayloadSegments: number;
  nonTlsPayloadSegments: number;
  recordContentTypes: Record<string, number>;
  /** Whether the pcap bytes contain plaintext HTTP ("GET /", "HTTP/1.1"): they must not. */
  plaintextHttpFound: boolean;
  requestsSentDuringCapture: number;
  handshakesOnBackends: number;
}

export type HealthTwinEvidence = TwinEvidence | NotObserved;
