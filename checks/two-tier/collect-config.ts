import type { RemoteStateConfigEvidence } from './evidence.ts';

type Json = Record<string, any>; // synthesized Terraform JSON: shape checked at each use

/** Reads the remote-state wiring out of the synthesized configs (no I/O: the run already loaded them). */
export function remoteStateConfigEvidence(app: Json, network: Json): RemoteStateConfigEvidence {
  const remote = (app.data?.terraform_remote_state ?? {}) as Record<string, Json>;
  const appText = JSON.stringify(strip(app));
  const outputsRead = [...new Set([...appText.matchAll(/data\.terraform_remote_state\.\w+\.outputs\.(\w+)/g)].map((m) => m[1]))].sort();
  const literalNetworkIds = [...new Set(appText.match(/\b(?:vpc|subnet|sg|igw|rtb|eni)-[0-9a-f]{8,17}\b/g) ?? [])];
  const backend = (network.terraform?.backend ?? {}) as Record<string, Json>;
  const [backendType, backendConfig] = Object.entries(backend)[0] ?? ['none', {}];
  return {
    dataSources: Object.entries(remote).map(([name, block]) => ({
      name,
      backend: String(block.backend),
      bucket: block.config?.bucket,
      key: block.config?.key,
      region: block.config?.region,
    })),
    outputsRead,
    networkBackend: { type: backendType, bucket: backendConfig.bucket, key: backendConfig.key },
    networkOutputs: Object.keys(network.output ?? {}).sort(),
    literalNetworkIds,
  };
}

export function networkUsesLockfile(network: Json): boolean {
  return network.terraform?.backend?.s3?.use_lockfile === true;
}

/** cdktf metadata ("//") and the provider/backend blocks carry no network ids of the app's own making. */
function strip(config: Json): Json {
  const { '//': _meta, terraform: _tf, provider: _provider, ...rest } = config;
  return rest;
}
