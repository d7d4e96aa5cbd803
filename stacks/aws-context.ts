import { S3Backend, TerraformStack, type S3BackendConfig } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { EMULATED_SERVICES, RUN_TAG, stateKey, type TargetContext } from './target-context.ts';

/** S3 settings shared by the backend and the remote-state data source that reads it. */
export function s3StateConfig(ctx: TargetContext, stack: string): S3BackendConfig {
  const base: S3BackendConfig = { bucket: ctx.stateBucket, key: stateKey(ctx.runId, stack), region: ctx.region };
  if (!ctx.endpoint) return base;
  return {
    ...base,
    endpoints: { s3: ctx.endpoint, sts: ctx.endpoint, iam: ctx.endpoint },
    usePathStyle: true,
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: true,
    skipRegionValidation: true,
    accessKey: ctx.emulatorCredentials?.accessKeyId,
    secretKey: ctx.emulatorCredentials?.secretAccessKey,
  };
}

/** Provider and S3 backend for one tier, tagging everything it creates with the run id. */
export function configureAws(stack: TerraformStack, ctx: TargetContext, stackName: string): void {
  const backend = new S3Backend(stack, s3StateConfig(ctx, stackName));
  // cdktf 0.21 has no typed `use_lockfile` yet; Terraform >= 1.10 locks with a lock object next to the state.
  backend.addOverride('use_lockfile', true);
  new AwsProvider(stack, 'aws', {
    region: ctx.region,
    defaultTags: [{ tags: { [RUN_TAG]: ctx.runId, 'journal-lab:stack': stackName, 'journal-lab:target': ctx.target } }],
    ...(ctx.endpoint ? emulatorSettings(ctx) : {}),
  });
}

function emulatorSettings(ctx: TargetContext) {
  const endpoint = ctx.endpoint!;
  return {
    accessKey: ctx.emulatorCredentials?.accessKeyId,
    secretKey: ctx.emulatorCredentials?.secretAccessKey,
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: 'true',
    s3UsePathStyle: true,
    endpoints: [Object.fromEntries(EMULATED_SERVICES.map((service) => [service, endpoint]))],
  };
}

export function resourceName(ctx: TargetContext, suffix: string): string {
  return `jl-${ctx.runId}-${suffix}`;
}

