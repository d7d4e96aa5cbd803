import type { Lab } from '../lab-api/lab.ts';
import type { MissingTool } from '../report/missing-tool-lines.ts';
import { DOCTOR_CHECKS } from '../toolchain/doctor.ts';
import { findExecutable } from '../toolchain/which.ts';

/**
 * The tools these labs declare that are not installed here, each with `lab doctor`'s fix. A PATH lookup first, so
 * a complete machine pays no process spawn for it.
 */
export async function missingLabTools(labs: readonly Lab[], env: NodeJS.ProcessEnv = process.env): Promise<MissingTool[]> {
  const names = [...new Set(labs.flatMap((l) => l.tools))].filter((n) => DOCTOR_CHECKS[n] && !findExecutable(n, env));
  const checks = await Promise.all(names.map((n) => DOCTOR_CHECKS[n](env)));
  return checks.filter((c) => !c.found).map((c) => ({ name: c.name, fix: c.fix ?? `install ${c.name}, or: npm run setup` }));
}
