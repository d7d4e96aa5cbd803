import type { SdkTarget } from '../../src/aws/sdk-config.ts';
import { createTargetGroup, deleteTargetGroup, type TargetGroupRequest } from '../../src/aws/elbv2.ts';
import type { TeardownStack } from '../../src/run/teardown.ts';
import { RUN_TAG } from '../../stacks/target-context.ts';
import type { TwoTierEvidence } from './evidence.ts';

const PROBES: { targetType: TargetGroupRequest['targetType']; protocol?: 'HTTPS' | 'TCP' }[] = [
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
  return Promise.all(PROBES.map(async (probe): Promise<TwoTierEvidence['targetTypeProbe'][number]> => {
    const lambda = probe.targetType === 'lambda';
    try {
      const arn = await createTargetGroup(t, {
        name: `jl-${runId}-p-${probe.targetType}`,
        targetType: probe.targetType,
        ...(lambda ? {} : { protocol: probe.protocol, port: 443, vpcId }),
        tag: { key: RUN_TAG, value: runId },
      });
      let deleted = false;
      teardown.add(`probe target group ${probe.targetType}`, async () => {
        if (!deleted) await deleteTargetGroup(t, arn);
      });
      await deleteTargetGroup(t, arn);
      deleted = true;
      return { targetType: probe.targetType, protocol: probe.protocol ?? '-', accepted: true };
    } catch (err) {
      return { targetType: probe.targetType, protocol: probe.protocol ?? '-', accepted: false, error: `${(err as Error).name}: ${(err as Error).message}` };
    }
  }));
}
