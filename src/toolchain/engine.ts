import os from 'node:os';
import { EnvironmentError, UsageError } from '../errors.ts';
import { findExecutable } from './which.ts';
import { runBounded } from './run-bounded.ts';
import { extractVersion, isAtLeast } from './version.ts';

export type EngineName = 'terraform' | 'tofu';

export interface EngineInfo {
  name: EngineName;
  path: string;
  version: string;
}

/**
 * Oldest release the harness runs. The state backend always sets S3 `use_lockfile` (stacks/aws-context.ts), which
 * Terraform accepts from 1.10 (experimental there, GA in 1.11) and OpenTofu from 1.10; older engines stop at
 * `init` with "Unsupported argument", so refuse them up front. (1.6 alone would do for `endpoints { s3 }`.)
 */
export const MIN_ENGINE_VERSION = '1.10.0';

const ENGINE_NAMES: readonly EngineName[] = ['terraform', 'tofu'];

export const INSTALL_ENGINE_FIX =
  'Install Terraform >= 1.10 (https://developer.hashicorp.com/terraform/install) or OpenTofu >= 1.10 ' +
  '(https://opentofu.org/docs/intro/install/) and put it on PATH; or choose one with LAB_ENGINE=terraform|tofu';

/**
 * Environment for running the engine for a probe: no update check, and an empty CLI config so a broken
 * ~/.terraformrc or a TF_CLI_CONFIG_FILE pointing nowhere can neither fail nor warn.
 */
export function isolatedEngineEnv(env: NodeJS.ProcessEnv, cliConfigFile: string = os.devNull): NodeJS.ProcessEnv {
  return { ...env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: cliConfigFile };
}

/** Reads `<bin> version -json`; falls back to the text banner for builds whose JSON lacks the field. */
export async function readEngineVersion(name: EngineName, bin: string, env: NodeJS.ProcessEnv): Promise<string> {
  const probeEnv = isolatedEngineEnv(env);
  const json = await runBounded(bin, ['version', '-json'], { env: probeEnv, timeoutMs: 10_000 });
  if (json.ok) {
    try {
      const parsed = JSON.parse(json.stdout) as { terraform_version?: string; tofu_version?: string };
      const v = parsed.terraform_version ?? parsed.tofu_version;
      if (v) return v;
    } catch {
      // not JSON (very old build); the banner below still names the version
    }
  }
  const text = await runBounded(bin, ['version'], { env: probeEnv, timeoutMs: 10_000 });
  const v = text.ok ? extractVersion(text.stdout) : undefined;
  if (!v) {
    throw new EnvironmentError(
      `${bin} is on PATH but "${name} version" did not report a version (${json.failure ?? 'unparseable output'}: ${json.stderr.trim().slice(0, 200)})`,
      `Check the binary runs: ${bin} version; or reinstall it. ${INSTALL_ENGINE_FIX}`,
    );
  }
  return v;
}

async function inspectEngine(name: EngineName, env: NodeJS.ProcessEnv): Promise<EngineInfo | EnvironmentError> {
  const bin = findExecutable(name, env);
  if (!bin) return new EnvironmentError(`${name} is not on PATH`, INSTALL_ENGINE_FIX);
  let version: string;
  try {
    version = await readEngineVersion(name, bin, env);
  } catch (err) {
    if (err instanceof EnvironmentError) return err;
    throw err;
  }
  if (!isAtLeast(version, MIN_ENGINE_VERSION)) {
    return new EnvironmentError(
      `${name} ${version} at ${bin} is too old: the harness needs >= ${MIN_ENGINE_VERSION} (its S3 state backend uses use_lockfile)`,
      INSTALL_ENGINE_FIX,
    );
  }
  return { name, path: bin, version };
}

/**
 * The Terraform-compatible engine to run: LAB_ENGINE picks one; otherwise terraform, else tofu (an engine that is
 * present but too old is passed over for the other one).
 */
export async function findEngine(env: NodeJS.ProcessEnv = process.env): Promise<EngineInfo> {
  const wanted = env.LAB_ENGINE?.trim();
  if (wanted) {
    if (!ENGINE_NAMES.includes(wanted as EngineName)) {
      throw new UsageError(`LAB_ENGINE must be "terraform" or "tofu", not "${wanted}"`, 'Set LAB_ENGINE=terraform or LAB_ENGINE=tofu, or unset it to auto-detect');
    }
    const result = await inspectEngine(wanted as EngineName, env);
    if (result instanceof EnvironmentError) {
      throw new EnvironmentError(`LAB_ENGINE=${wanted}, but ${result.message}`, `${result.fix}; or unset LAB_ENGINE to use whichever is installed`);
    }
    return result;
  }
  const problems: EnvironmentError[] = [];
  for (const name of ENGINE_NAMES) {
    const result = await inspectEngine(name, env);
    if (!(result instanceof EnvironmentError)) return result;
    problems.push(result);
  }
  const allAbsent = problems.every((p) => p.message.endsWith('is not on PATH'));
  throw new EnvironmentError(
    allAbsent ? 'Neither terraform nor tofu is on PATH' : problems.map((p) => p.message).join('; '),
    INSTALL_ENGINE_FIX,
  );
}
