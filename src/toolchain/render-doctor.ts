import type { DoctorReport, ToolCheck } from './check-types.ts';

function status(c: ToolCheck): string {
  if (c.found) return 'ok';
  return c.required ? 'MISSING' : 'missing';
}

/** Pads to the column width; a longer value still keeps two spaces before the next column. */
function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(n - s.length, 2));
}

/** Human text for `lab doctor`: one row per check, then what it enables and, when not usable, why and the fix. */
export function renderDoctorReport(r: DoctorReport): string {
  const nameW = Math.max(...r.checks.map((c) => c.name.length), 5) + 2;
  const verW = Math.min(Math.max(...r.checks.map((c) => (c.version ?? '-').length), 7) + 2, 28);
  const lines: string[] = [];
  const missingRequired = r.checks.filter((c) => !c.found && c.required).map((c) => c.name);
  const missingOptional = r.checks.filter((c) => !c.found && !c.required).map((c) => c.name);
  lines.push(
    r.ok
      ? 'Ready: everything the default run (npm start, moto target) needs is present.'
      : `NOT ready for npm start: missing ${missingRequired.join(', ')}.`,
  );
  if (missingOptional.length > 0) lines.push(`Optional, missing (their labs or targets degrade with a stated reason): ${missingOptional.join(', ')}.`);
  lines.push('');
  lines.push(`${pad('STATUS', 9)}${pad('CHECK', nameW)}${pad('VERSION', verW)}PATH`);
  for (const c of r.checks) {
    lines.push(`${pad(status(c), 9)}${pad(c.name, nameW)}${pad(c.version ?? '-', verW)}${c.path ?? '-'}`);
    const indent = ' '.repeat(9 + 2);
    lines.push(`${indent}enables: ${c.enables}`);
    if (c.detail) lines.push(`${indent}${c.found ? 'note' : 'why'}: ${c.detail}`);
    if (!c.found && c.fix) lines.push(`${indent}fix: ${c.fix}`);
  }
  return lines.join('\n');
}
