/** A target the run is using: where the AWS APIs answer, and what the harness started to make that so. */
export interface ActiveTarget {
  /** 'moto' | 'moto-container' | 'localstack' | 'aws' | 'endpoint' */
  name: string;
  region: string;
  /** Undefined for live AWS. */
  endpoint?: string;
  /** Dummy credentials for emulators; undefined for live AWS (default credential chain). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** What the harness started and must stop; absent when it attached to something already running. */
  started?: { kind: 'moto'; pid: number; port: number; logFile: string } | StartedContainer;
}

/** An emulator container (moto-container, localstack); it carries the label journal-lab.run=<run id>. */
export interface StartedContainer {
  kind: 'container';
  emulator: string;
  image: string;
  containerId: string;
  runId: string;
}

export const TARGET_NAMES = ['moto', 'moto-container', 'localstack', 'aws'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];
