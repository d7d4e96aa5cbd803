import { CreateTargetGroupCommand, DeleteTargetGroupCommand, ElasticLoadBalancingV2Client, type TargetTypeEnum } from '@aws-sdk/client-elastic-load-balancing-v2';
import { sdkConfig, type SdkTarget } from '../../src/aws/sdk-config.ts';
import type { TeardownStack } from '../../src/run/teardown.ts';
import { RUN_TAG } from '../../stacks/target-context.ts';
import type { TwoTierEvidence } from './evidence.ts';

const PROBES: { targetType: TargetTypeEnum; protocol?: 'HTTPS' | 'TCP' }[] = [
  { targetType: 'instance', protocol: 'HTTPS' },
  { targetType: 'ip', protocol: 'HTTPS' },
  { targetType: 'lambda' },
  { targetType: 'alb', protocol: 'TCP' },
];

/**
 * Asks the endpoint for a target group of each target type and records what it accepts. Each created group is
 * deleted right away (and registered for teardown first, in case the delete never comes); all carry the run tag.
 */
export async function probeTargetTypes(t: SdkTarget, vpcId: string, runId: string, teardown: TeardownStack): Promise<TwoTierEvidence['targetTypeProbe']> {
  const elb = new ElasticLoadBalancingV2Client(sdkConfig(t));
  return Promise.all(PROBES.map(async (probe): Promise<TwoTierEvidence['targetTypeProbe'][number]> => {
    const lambda = probe.targetType === 'lambda';
    try {
      const created = await elb.send(new CreateTargetGroupCommand({
        Name: `jl-${runId}-p-${probe.targetType}`,
        TargetType: probe.targetType,
        ...(lambda ? {} : { Protocol: probe.protocol, Port: 443, VpcId: vpcId }),
        Tags: [{ Key: RUN_TAG, Value: runId }],
      }));
      const arn = created.TargetGroups?.[0]?.TargetGroupArn;
      if (arn) {
        let deleted = false;
        teardown.add(`probe target group ${probe.targetType}`, async () => {
          if (!deleted) await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn }));
        });
        await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn }));
        deleted = true;
      }
      return { targetType: probe.targetType, protocol: probe.protocol ?? '-', accepted: true };
    } catch (err) {
      return { targetType: probe.targetType, protocol: probe.protocol ?? '-', accepted: false, error: `${(err as Error).name}: ${(err as Error).message}` };
    }
  }));
}
