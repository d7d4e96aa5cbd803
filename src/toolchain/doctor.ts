import type { DoctorReport, ToolCheck } from './check-types.ts';
import { checkEngine, checkMoto, checkNode, checkProviderMirror } from './checks/core-checks.ts';
import { checkDebianTool, DEBIAN_TOOLS } from './checks/debian-tools.ts';
import { checkDocker } from './checks/docker.ts';
import { checkNetPrivileges } from './checks/net-privileges.ts';
import { renderDoctorReport } from './render-doctor.ts';

export type { DoctorReport, ToolCheck } from './check-types.ts';
export { renderDoctorReport } from './render-doctor.ts';

/** Every check by its stable name, in report order; each bounds its own probes, so one slow tool cannot stall. */
export const DOCTOR_CHECKS: Readonly<Record<string, (env: NodeJS.ProcessEnv) => Promise<ToolCheck>>> = {
  node: () => checkNode(),
  engine: checkEngine,
  'provider-mirror': checkProviderMirror,
  moto: checkMoto,
  docker: checkDocker,
  ...Object.fromEntries(DEBIAN_TOOLS.map((t) => [t.name, (env: NodeJS.ProcessEnv) => checkDebianTool(t, env)])),
  'net-privileges': () => checkNetPrivileges(),
};

/** Runs the checks concurrently; `only` limits them to some names (a lab's `tools`). */
export async function runDoctor(env: NodeJS.ProcessEnv = process.env, opts: { only?: readonly string[] } = {}): Promise<DoctorReport> {
  const names = Object.keys(DOCTOR_CHECKS).filter((n) => !opts.only || opts.only.includes(n));
  const checks = await Promise.all(names.map((n) => DOCTOR_CHECKS[n](env)));
  return { ok: checks.every((c) => c.found || !c.required), checks };
}

/** `lab doctor [--json]`: prints the report, returns 0 when the default run can go ahead, else 1. */
export async function doctorCommand(opts: { json: boolean }, out: (s: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const report = await runDoctor(env);
  out(opts.json ? JSON.stringify(report, null, 2) : renderDoctorReport(report));
  return report.ok ? 0 : 1;
}
