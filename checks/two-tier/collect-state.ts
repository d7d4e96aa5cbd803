import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { sdkConfig, type SdkTarget } from '../../src/aws/sdk-config.ts';
import type { StateObjectEvidence } from './evidence.ts';

/** Lists the state bucket and reads the network tier's state object; only names and counts leave this function. */
export async function collectStateObjects(t: SdkTarget, bucket: string, networkKey: string, lockfileInUse: boolean): Promise<StateObjectEvidence> {
  const s3 = new S3Client(sdkConfig(t));
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 100 }));
  const keys = (listed.Contents ?? []).map((o) => o.Key!).sort();
  const evidence: StateObjectEvidence = {
    bucket,
    keys,
    networkKey,
    networkStateFound: keys.includes(networkKey),
    networkStateOutputs: [],
    networkStateResourceCount: 0,
    lockfileInUse,
  };
  if (!evidence.networkStateFound) return evidence;
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: networkKey }));
  const state = JSON.parse(await object.Body!.transformToString()) as { outputs?: Record<string, unknown>; resources?: unknown[]; terraform_version?: string };
  evidence.networkStateOutputs = Object.keys(state.outputs ?? {}).sort();
  evidence.networkStateResourceCount = state.resources?.length ?? 0;
  evidence.terraformVersion = state.terraform_version;
  return evidence;
}
