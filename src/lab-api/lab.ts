import type { NotObserved } from '../model/observed.ts';
import type { ClaimBook } from '../claims/judge-statements.ts';
import type { TeardownStack } from '../run/teardown.ts';

/** What an AWS lab's collector may use: the endpoint, and what the deployment produced. */
export interface AwsLabContext {
  target: string;
  /** Undefined for live AWS (the SDK's default endpoint resolution applies). */
  endpoint?: string;
  region: string;
  /** Only for emulators; live AWS uses the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  runId: string;
  stateBucket: string;
  /** Terraform outputs per stack name, non-sensitive only. */
  outputs: Record<string, Record<string, unknown>>;
  /** Synthesized Terraform JSON per stack name (cdk.tf.json parsed). */
  synthesized: Record<string, unknown>;
}

export interface LabContext {
  /** A directory of this lab's own inside the run's work dir. */
  workDir: string;
  /** Aborted on Ctrl-C or when another stage failed: stop early, the teardown runs anyway. */
  signal: AbortSignal;
  log(line: string): void;
  /** Register every process, namespace, rule or file you create here, right after creating it. */
  teardown: TeardownStack;
  aws?: AwsLabContext;
  /** What this lab's `collectBeforeDeployment` returned, when `lab run` ran it while the deployment came up. */
  early?: unknown;
}

/**
 * A question the lab answers. Which journal questions and statements are about it is decided by the lab's
 * lexicon (`routing[id]`), and what a statement asserts about it by the lexicon's propositions whose `question`
 * is this id: the lab file holds no patterns.
 */
export interface LabQuestion {
  /** Stable part of the question key: `${lab.id}/${id}`. */
  id: string;
  title: string;
}

export interface Lab<E = unknown> {
  id: string;
  title: string;
  /** `aws` labs need a deployed two-tier stack on a target; `local` labs run on this machine only. */
  kind: 'aws' | 'local';
  /** `lab doctor` tool names this lab uses (e.g. 'tshark'); missing ones make the lab fall back or say why. */
  tools: string[];
  questions: LabQuestion[];
  /** Lexicon (concepts, routing, propositions), fact sheet and observers: everything its judge needs. */
  claims: ClaimBook<E>;
  /**
   * All I/O lives here; returns a plain, serialisable evidence snapshot, or why nothing of it could be observed
   * here (never throws for that: a throw means the collector broke).
   */
  collect(ctx: LabContext): Promise<E | NotObserved>;
  /**
   * AWS labs, optional: the part of collecting that needs no deployment (a local HAProxy), which `lab run` runs
   * while Terraform deploys; `collect` then finds its plain result in `ctx.early` instead of doing it again.
   */
  collectBeforeDeployment?(ctx: LabContext): Promise<unknown>;
}
