import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { sdkConfig, type SdkTarget } from './sdk-config.ts';
import { requireField } from './fields.ts';

/** The account the credentials belong to; any failure to tell (no credentials, expired, unreachable) throws. */
export async function callerAccount(target: SdkTarget): Promise<string> {
  const identity = await new STSClient(sdkConfig(target)).send(new GetCallerIdentityCommand({}));
  return requireField(identity.Account, 'STS Account');
}
