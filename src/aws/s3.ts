import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  S3Client,
  type CreateBucketCommandInput,
} from '@aws-sdk/client-s3';
import { sdkConfig, type SdkTarget } from './sdk-config.ts';
import { awsErrorName, requireField, type ResourceTag } from './fields.ts';

export interface S3ObjectSummary {
  key: string;
  size: number;
}

function client(target: SdkTarget): S3Client {
  return new S3Client(sdkConfig(target));
}

/** Creates (or takes over, when it is already ours) a versioned bucket carrying the tag. */
export async function createVersionedBucket(target: SdkTarget, bucket: string, tag: ResourceTag): Promise<void> {
  const s3 = client(target);
  const input: CreateBucketCommandInput = { Bucket: bucket };
  // us-east-1 is the one region that refuses a LocationConstraint naming itself.
  if (target.region !== 'us-east-1') input.CreateBucketConfiguration = { LocationConstraint: target.region as never };
  try {
    await s3.send(new CreateBucketCommand(input));
  } catch (err) {
    if (awsErrorName(err) !== 'BucketAlreadyOwnedByYou') throw err;
  }
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: tag.key, Value: tag.value }] } }));
}

/** True when the bucket exists; false for NotFound/NoSuchBucket; any other failure (unreachable, denied) throws. */
export async function bucketExists(target: SdkTarget, bucket: string): Promise<boolean> {
  try {
    await client(target).send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (err) {
    if (['NotFound', 'NoSuchBucket'].includes(awsErrorName(err))) return false;
    throw err;
  }
}

/** Current objects under a prefix (bounded to 10 pages). */
export async function listObjects(target: SdkTarget, bucket: string, prefix = ''): Promise<S3ObjectSummary[]> {
  const s3 = client(target);
  const out: S3ObjectSummary[] = [];
  let token: string | undefined;
  for (let page = 0; page < 10; page++) {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of res.Contents ?? []) out.push({ key: requireField(o.Key, 'S3 object Key'), size: o.Size ?? 0 });
    if (!res.IsTruncated) break;
    token = requireField(res.NextContinuationToken, 'S3 NextContinuationToken');
  }
  return out;
}

/** The object's body as text, or undefined when the key does not exist. */
export async function readObjectText(target: SdkTarget, bucket: string, key: string): Promise<string | undefined> {
  try {
    const res = await client(target).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return await requireField(res.Body, 'S3 object Body').transformToString();
  } catch (err) {
    if (awsErrorName(err) === 'NoSuchKey') return undefined;
    throw err;
  }
}

/** Deletes every version and delete marker under a prefix (bounded), so a versioned bucket really forgets it. */
export async function deleteAllVersions(target: SdkTarget, bucket: string, prefix = ''): Promise<void> {
  const s3 = client(target);
  for (let page = 0; page < 100; page++) {
    const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix }));
    const objects = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].map((v) => ({ Key: requireField(v.Key, 'S3 version Key'), VersionId: v.VersionId }));
    if (objects.length === 0) return;
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } }));
  }
}

/** Empties (every version) and deletes the bucket; a bucket already gone is fine. */
export async function deleteBucketWithContents(target: SdkTarget, bucket: string): Promise<void> {
  try {
    await deleteAllVersions(target, bucket);
    await client(target).send(new DeleteBucketCommand({ Bucket: bucket }));
  } catch (err) {
    if (awsErrorName(err) !== 'NoSuchBucket') throw err;
  }
}
