import { callerAccount } from '../aws/sts.ts';
import { EnvironmentError, UsageError } from '../errors.ts';
import type { ActiveTarget } from './active-target.ts';

/**
 * Live AWS costs money (an ALB, an NLB, two instances), so it needs an explicit opt-in, and working credentials
 * from the SDK's default chain, checked before anything is deployed.
 */
export async function attachLiveAws(region: string, acceptCosts: boolean): Promise<ActiveTarget> {
  if (!acceptCosts) {
    throw new UsageError(
      'The aws target deploys billable resources (ALB, NLB, 2 EC2 instances) in your account.',
      'Re-run with --accept-aws-costs; `lab down` (or the automatic teardown) removes everything the run tagged.',
    );
  }
  try {
    await callerAccount({ region });
  } catch (err) {
    throw new EnvironmentError(
      `No usable AWS credentials for region ${region}: ${err instanceof Error ? err.message : String(err)}`,
      'Configure credentials (aws configure, AWS_PROFILE, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) and retry.',
      'Nothing was deployed.',
      { cause: err },
    );
  }
  return { name: 'aws', region };
}
