/** One line of `lab doctor`: a tool, whether it is usable, and what to do when it is not. */
export interface ToolCheck {
  /** Stable id; labs name these in `Lab.tools` (e.g. 'tshark'). */
  name: string;
  /** Usable for what it enables (present is not enough: a Docker client without an engine is not found). */
  found: boolean;
  version?: string;
  path?: string;
  /** Which lab, target or stage depends on it. */
  enables: string;
  /** The exact command or setting that makes it usable; present whenever found is false. */
  fix?: string;
  detail?: string;
  /** Needed by the default `npm start` (moto target, all labs); optional tools only degrade their labs. */
  required: boolean;
}

export interface DoctorReport {
  /** Everything the default `npm start` needs is present. */
  ok: boolean;
  checks: ToolCheck[];
}
