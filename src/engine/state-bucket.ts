import type { SdkTarget } from '../aws/sdk-config.ts';
import { createVersionedBucket, deleteBucketWithContents } from '../aws/s3.ts';
import { RUN_TAG } from '../../stacks/target-context.ts';

/** Creates the run's state bucket (versioned, tagged with the run id) before the first `init`. */
export async function createStateBucket(target: SdkTarget, bucket: string, runId: string): Promise<void> {
  await createVersionedBucket(target, bucket, { key: RUN_TAG, value: runId });
}

/** Empties (every version) and deletes the bucket; a bucket already gone is fine. */
export async function deleteStateBucket(target: SdkTarget, bucket: string): Promise<void> {
  await deleteBucketWithContents(target, bucket);
}
