/** The data that flows journal → questions → labs → evidence → verdicts → journal. Plain, serialisable. */

export type ClaimVerdict = 'confirmed' | 'contradicted' | 'imprecise' | 'missing' | 'unverifiable' | 'error';

export type QuestionVerdict =
  | 'confirmed'
  | 'partly-confirmed'
  | 'contradicted'
  | 'unverified'
  | 'no-answer'
  | 'no-lab';

/** An authoritative reference: AWS/Terraform docs, an RFC, a man page. */
export interface Source {
  title: string;
  url: string;
}

/** One piece of evidence, small enough to print in a table cell; `data` keeps the raw snapshot slice. */
export interface EvidenceItem {
  kind: string;
  summary: string;
  data?: unknown;
}

/** Why a judge decided as it did, nested like CDK's MatchResult failures. */
export interface Failure {
  path: string;
  message: string;
  children?: Failure[];
}

export interface ClaimResult {
  /** The learner's own words, verbatim; for `missing`, the fact the answer leaves out. */
  claim: string;
  /** Which part of a long statement this verdict is about (e.g. one handshake message of a list). */
  aspect?: string;
  verdict: ClaimVerdict;
  explanation: string;
  evidence: EvidenceItem[];
  sources: Source[];
  failures?: Failure[];
}

/** A statement of the learner's answer, with its place in the journal (byte offsets into the text read). */
export interface Statement {
  text: string;
  start: number;
  end: number;
}

export interface Question {
  /** Section heading the question sits under, as written. */
  section: string;
  /** The number the learner gave it, or null (table rows keep their Number column). */
  number: number | null;
  /** The question text as written (including its bullet sub-parts). */
  question: string;
  /** The answer text as written ('' when empty or a placeholder). */
  answer: string;
  statements: Statement[];
  /** False for empty or placeholder answers (`1.`, `YYYYYYYY`, `XXXXXXXX`). */
  hasAnswer: boolean;
  /** Offsets into the journal text: question start, answer end (where a result block goes). */
  start: number;
  answerEnd: number;
  /** 1-based line of the question, for messages. */
  line: number;
}

export interface QuestionResult {
  key: string;
  section: string;
  number: number | null;
  question: string;
  labs: string[];
  verdict: QuestionVerdict;
  claims: ClaimResult[];
  /** Learner statements no check covers: shown, never counted as confirmed. */
  unjudged: string[];
  /** `no-lab` only: the lab question it comes closest to, its score and the score that would map it. */
  closest?: { key: string; score: number; threshold: number };
}

/** Where a lab's evidence came from: collected now, or its snapshot under LAB_HOME, and when it was recorded. */
export interface SnapshotUse {
  recordedAt: string;
  target: string;
  runId?: string;
  /** Collected from what is deployed and installed now (by this command, or earlier and still unchanged). */
  fresh: boolean;
  /** Collected by this command (false: taken from the snapshot). */
  collected: boolean;
}

export interface RunResult {
  journal: string;
  target: string;
  date: string;
  questions: QuestionResult[];
  /** Evidence snapshots per lab, so every verdict can be audited. */
  evidence: Record<string, unknown>;
  /** Per lab: whether its evidence is fresh or recorded, and when. */
  snapshots?: Record<string, SnapshotUse>;
}
