import { EnvironmentError, StageError } from '../errors.ts';
import type { TerraformResult } from './terraform-runner.ts';

/**
 * Turns a failed terraform command into one clear error: missing provider, dead endpoint, or the first
 * diagnostic terraform reported, with where the full log is.
 */
export function terraformFailure(what: string, result: TerraformResult, logFile: string, endpointAlive: boolean): Error {
  const text = [...result.diagnostics.map((d) => `${d.summary} ${d.detail}`), ...result.tail].join('\n');
  if (/Failed to query available provider packages|Failed to install provider|could not connect to registry|provider registry/i.test(text)) {
    return new EnvironmentError(
      `${what}: the AWS provider could not be obtained (offline, and no filesystem mirror holds it).`,
      'Point LAB_PROVIDER_MIRROR at a directory holding registry.terraform.io/hashicorp/aws/5.100.0 (made with `terraform providers mirror DIR` on a connected machine), or go online. `lab doctor` shows what was found.',
      'Nothing was deployed by this command.',
    );
  }
  if (!endpointAlive || /connection refused|connect: connection refused|dial tcp .*refused/i.test(text)) {
    return new EnvironmentError(
      `${what}: the AWS endpoint stopped answering${endpointAlive ? '' : ' (the emulator process is gone)'}.`,
      `Check the emulator's log, then run \`lab up\` again. Log: ${logFile}`,
      'Whatever the emulator held went with it; the harness cleaned up its own files.',
    );
  }
  const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
  const summary = first ? `${first.summary}${first.detail ? ` — ${first.detail.split('\n')[0]}` : ''}` : result.tail.slice(-3).join(' | ');
  return new StageError(`${what} failed: ${summary}`, `Full log: ${logFile}`);
}
