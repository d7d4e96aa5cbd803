/** A target the run is using: where the AWS APIs answer, and what the harness started to make that so. */
export interface ActiveTarget {
  /** 'moto' | 'localstack' | 'aws' | 'endpoint' */
  name: string;
  region: string;
  /** Undefined for live AWS. */
  endpoint?: string;
  /** Dummy credentials for emulators; undefined for live AWS (default credential chain). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** What the harness started and must stop; absent when it attached to something already running. */
  started?: { kind: 'moto'; pid: number; port: number; logFile: string } | { kind: 'localstack'; containerId: string };
}

export const TARGET_NAMES = ['moto', 'localstack', 'aws'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];
