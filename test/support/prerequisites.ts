import { findEngine } from '../../src/toolchain/engine.ts';
import { findMotoServer } from '../../src/toolchain/moto.ts';
import { findProviderMirror, mirrorHasProvider } from '../../src/toolchain/provider-mirror.ts';
import { requiredAwsProvider } from '../../src/toolchain/required-provider.ts';

/**
 * Why a real-infrastructure test cannot run here, or undefined when it can. Tests skip with this reason printed,
 * never silently.
 */
export async function deploymentPrerequisitesMissing(): Promise<string | undefined> {
  try {
    await findEngine();
  } catch (err) {
    return `no usable terraform/tofu: ${(err as Error).message}`;
  }
  if (!(await findMotoServer())) return "moto server not installed (pip install 'moto[server]')";
  const mirror = await findProviderMirror().catch(() => undefined);
  const aws = await requiredAwsProvider();
  if (!mirror || !mirrorHasProvider(mirror, aws.source, aws.version)) return `no provider mirror holding ${aws.source} ${aws.version} (offline init impossible)`;
  return undefined;
}

export function announceSkip(what: string, reason: string | undefined): boolean {
  if (reason) console.warn(`SKIPPED ${what}: ${reason}`);
  return !!reason;
}
