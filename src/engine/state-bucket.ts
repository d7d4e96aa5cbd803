import {
  CreateBucketCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  S3Client,
  type CreateBucketCommandInput,
} from '@aws-sdk/client-s3';
import { sdkConfig, type SdkTarget } from '../aws/sdk-config.ts';
import { deleteBucketWithContents } from '../aws/s3.ts';
import { RUN_TAG } from '../../stacks/target-context.ts';

/** Creates the run's state bucket (versioned, tagged with the run id) before the first `init`. */
export async function createStateBucket(target: SdkTarget, bucket: string, runId: string): Promise<void> {
  const s3 = new S3Client(sdkConfig(target));
  const input: CreateBucketCommandInput = { Bucket: bucket };
  if (target.region !== 'us-east-1') input.CreateBucketConfiguration = { LocationConstraint: target.region as never };
  try {
    await s3.send(new CreateBucketCommand(input));
  } catch (err) {
    if ((err as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw err;
  }
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: RUN_TAG, Value: runId }] } }));
}

/** Empties (every version) and deletes the bucket; a bucket already gone is fine. */
export async function deleteStateBucket(target: SdkTarget, bucket: string): Promise<void> {
  await deleteBucketWithContents(target, bucket);
}
