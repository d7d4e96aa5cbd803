/** The parts of Terraform's machine-readable UI (`-json`) the harness uses. */
export interface TerraformUiLine {
  '@level'?: string;
  '@message'?: string;
  type?: string;
  hook?: {
    resource?: { addr?: string; resource_type?: string };
    action?: string;
    elapsed_seconds?: number;
    id_value?: string;
  };
  diagnostic?: { severity?: string; summary?: string; detail?: string };
  changes?: { add?: number; change?: number; remove?: number; operation?: string };
}

export type ResourceEvent =
  | { kind: 'start'; addr: string; action: string }
  | { kind: 'complete'; addr: string; action: string; seconds: number }
  | { kind: 'errored'; addr: string; action: string; seconds: number };

export interface Diagnostic {
  severity: string;
  summary: string;
  detail: string;
}

/** Parses one line of `-json` output; plain-text lines (terraform init mixes some in) give undefined. */
export function parseUiLine(line: string): TerraformUiLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as TerraformUiLine;
  } catch {
    return undefined;
  }
}

export function resourceEventOf(ui: TerraformUiLine): ResourceEvent | undefined {
  const addr = ui.hook?.resource?.addr;
  if (!addr) return undefined;
  const action = ui.hook?.action ?? '';
  const seconds = ui.hook?.elapsed_seconds ?? 0;
  switch (ui.type) {
    case 'apply_start':
      return { kind: 'start', addr, action };
    case 'apply_complete':
      return { kind: 'complete', addr, action, seconds };
    case 'apply_errored':
      return { kind: 'errored', addr, action, seconds };
    default:
      return undefined;
  }
}

export function diagnosticOf(ui: TerraformUiLine): Diagnostic | undefined {
  if (ui.type !== 'diagnostic' || !ui.diagnostic) return undefined;
  return {
    severity: ui.diagnostic.severity ?? 'error',
    summary: ui.diagnostic.summary ?? '',
    detail: ui.diagnostic.detail ?? '',
  };
}
