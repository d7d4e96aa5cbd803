/** The lb-modes evidence snapshot: plain JSON, no keys, no SDK types. */
import type { CertificateInfo } from '../../src/certs/local-ca.ts';
import type { NotObserved } from '../../src/model/observed.ts';

/** One client request through the load balancer and what each end saw of it. */
export interface ProbeObservation {
  name: string;
  request: { path: string; sni: string; clientAddress: string };
  client: {
    ok: boolean;
    status: number | null;
    error: string | null;
    /** Subject of the certificate the client was shown. */
    certificateSubject: string | null;
    certificateFingerprint: string | null;
    verifiedAgainstCa: boolean;
    tlsVersion: string | null;
    servedBy: string | null;
    headers: Record<string, string>;
  };
  /** What the backend that served it recorded; null when no backend saw the request. */
  backend: { name: string; peerAddress: string; sni: string | null; xForwardedFor: string | null; xForwardedProto: string | null; tlsVersion: string | null } | null;
}

export interface ModeRun {
  mode: 'http' | 'tcp';
  /** The config HAProxy ran (paths only, no key material). */
  config: string;
  /** `haproxy -c` messages for that config. */
  configCheck: string[];
  probes: ProbeObservation[];
}

export interface DataPlaneEvidence {
  status: 'observed';
  haproxyVersion: string;
  durationMs: number;
  addresses: { client: string; lbSource: string; listen: string };
  certificates: { ca: CertificateInfo; lb: CertificateInfo; api: CertificateInfo; web: CertificateInfo };
  proxy: ModeRun & {
    cache: { path: string; requests: number; backendHits: number; ageHeaders: (string | null)[] };
    distribution: { path: string; requests: number; servedBy: Record<string, number>; algorithm: string };
  };
  passThrough: ModeRun;
}

export interface ListenerAttempt {
  loadBalancer: 'alb' | 'nlb';
  protocol: string;
  port: number;
  outcome: 'refused' | 'accepted';
  errorCode: string | null;
  errorMessage: string | null;
  /** For an accepted attempt: whether the listener was deleted again right away. */
  deleted: boolean | null;
}

export interface ApiEvidence {
  status: 'observed';
  target: string;
  alb: { arn: string; type: string | null; listenerProtocols: string[] };
  nlb: { arn: string; type: string | null; listenerProtocols: string[] };
  attempts: ListenerAttempt[];
}

export interface LbModesEvidence {
  dataPlane: DataPlaneEvidence | NotObserved;
  api: ApiEvidence | NotObserved;
}
