/** The certificates lab's evidence snapshot: plain JSON, no key material. */
import type { CertificateInfo } from '../../src/certs/local-ca.ts';

import type { NotObserved, Observed } from '../../src/model/observed.ts';

export interface ValidationExperiment {
  id: 'trusted-chain' | 'default-trust-store' | 'self-signed' | 'wrong-hostname' | 'expired' | 'client-certificate-missing';
  description: string;
  serverCertificate: CertificateInfo;
  /** What the client trusted and which name it asked for. */
  client: { trusts: 'lab CA' | "Node's default CA store"; servername: string; presentsCertificate: boolean };
  outcome: 'accepted' | 'rejected';
  /** The client's real error code (err.code), e.g. CERT_HAS_EXPIRED. */
  errorCode?: string;
  errorMessage?: string;
  protocol?: string;
}

export interface EncryptionRun {
  id: 'plain-tcp' | 'tls12-ecdhe' | 'tls12-rsa' | 'tls13';
  label: string;
  protocol: string;
  cipher: string;
  /** The secret marker the server sent was found in the captured TCP payload bytes. */
  plaintextInCapture: boolean;
  /** tshark, given only the server's certificate private key, recovered the marker. */
  decryptedWithServerKey: boolean | null;
  /** tshark, given the session key log, recovered the marker (control: decryption works with session keys). */
  decryptedWithSessionKeys: boolean | null;
  capturedPayloadBytes: number;
}

export interface EncryptionObservation {
  markerLength: number;
  runs: EncryptionRun[];
}

export interface CertificatesEvidence {
  collectedAt: string;
  ca: CertificateInfo;
  validation: Observed<{ experiments: ValidationExperiment[] }>;
  encryption: Observed<EncryptionObservation>;
  durationsMs: Record<string, number>;
}
