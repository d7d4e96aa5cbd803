import type { SdkTarget } from '../../src/aws/sdk-config.ts';
import { requireField } from '../../src/aws/fields.ts';
import { listObjects, readObjectText } from '../../src/aws/s3.ts';
import type { StateObjectEvidence } from './evidence.ts';

/** Lists the state bucket and reads the network tier's state object; only names and counts leave this function. */
export async function collectStateObjects(t: SdkTarget, bucket: string, networkKey: string, lockfileInUse: boolean): Promise<StateObjectEvidence> {
  const keys = (await listObjects(t, bucket)).map((o) => o.key).sort();
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
  const text = requireField(await readObjectText(t, bucket, networkKey), `S3 object ${networkKey} (listed a moment ago)`);
  const state = JSON.parse(text) as { outputs?: Record<string, unknown>; resources?: unknown[]; terraform_version?: string };
  evidence.networkStateOutputs = Object.keys(state.outputs ?? {}).sort();
  evidence.networkStateResourceCount = state.resources?.length ?? 0;
  evidence.terraformVersion = state.terraform_version;
  return evidence;
}
