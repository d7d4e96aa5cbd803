import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export interface RequiredProvider {
  source: string;
  version: string;
  /** Where the pin was read from, for doctor output. */
  from: string;
}

/** What @cdktf/provider-aws 20.1.0 was generated against; used only if its package.json cannot be read. */
export const EXPECTED_AWS_PROVIDER = { source: 'registry.terraform.io/hashicorp/aws', version: '5.100.0' } as const;

/**
 * The AWS provider version the prebuilt bindings were generated from: the synthesized config pins exactly this,
 * so the mirror (or registry) must hold this one version.
 */
export async function requiredAwsProvider(): Promise<RequiredProvider> {
  try {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@cdktf/provider-aws/package.json');
    const pkg = JSON.parse(await readFile(file, 'utf8')) as { cdktf?: { provider?: { name?: string; version?: string } } };
    const name = pkg.cdktf?.provider?.name;
    const version = pkg.cdktf?.provider?.version;
    if (name && version) return { source: name, version, from: '@cdktf/provider-aws/package.json cdktf.provider' };
  } catch {
    // bindings not installed yet (before npm ci): the documented expectation still tells the user what to fetch
  }
  return { ...EXPECTED_AWS_PROVIDER, from: 'built-in expectation (node_modules/@cdktf/provider-aws not readable)' };
}
