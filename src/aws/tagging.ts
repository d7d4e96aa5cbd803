import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { sdkConfig, type SdkTarget } from './sdk-config.ts';
import { requireField, type ResourceTag } from './fields.ts';

/**
 * ARNs the Resource Groups Tagging API reports for a tag, or undefined when the endpoint does not implement it
 * (several emulators do not). Emulators keep tags of deleted resources, so this says "was tagged", not "exists".
 */
export async function findTaggedArns(target: SdkTarget, tag: ResourceTag): Promise<string[] | undefined> {
  const tagging = new ResourceGroupsTaggingAPIClient(sdkConfig(target));
  const out: string[] = [];
  let token: string | undefined;
  try {
    for (let page = 0; page < 20; page++) {
      const res = await tagging.send(new GetResourcesCommand({ TagFilters: [{ Key: tag.key, Values: [tag.value] }], PaginationToken: token }));
      for (const m of res.ResourceTagMappingList ?? []) out.push(requireField(m.ResourceARN, 'tagging ResourceARN'));
      token = res.PaginationToken || undefined;
      if (!token) break;
    }
  } catch (err) {
    if (/NotImplemented|not yet implemented|UnknownOperation|InvalidAction/i.test(`${(err as Error).name} ${(err as Error).message}`)) return undefined;
    throw err;
  }
  return out;
}

/** The service part of an ARN (arn:aws:SERVICE:…). */
export function serviceOfArn(arn: string): string {
  return arn.split(':')[2] ?? 'unknown';
}
