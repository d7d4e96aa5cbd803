import { notObserved, type NotObserved } from '../../src/model/observed.ts';
import type { LabContext } from '../../src/lab-api/lab.ts';
import { stackOutputs } from '../../src/lab-api/stack-outputs.ts';
import { describeCertificate } from '../../src/aws/acm.ts';
import { stateKey, stackNames } from '../../stacks/target-context.ts';
import { networkUsesLockfile, remoteStateConfigEvidence } from './collect-config.ts';
import { collectStateObjects } from './collect-state.ts';
import { collectLoadBalancing } from './collect-alb.ts';
import { probeTargetTypes } from './collect-target-types.ts';
import type { TwoTierEvidence } from './evidence.ts';

/** One pass over the deployment: config, state bucket, EC2, ELBv2, ACM. All the lab's I/O is here. */
export async function collectTwoTierEvidence(ctx: LabContext): Promise<TwoTierEvidence | NotObserved> {
  const aws = ctx.aws;
  if (!aws) return notObserved('nothing is deployed (run the lab with `lab run`, or `lab up` then `lab check`)');
  const app = stackOutputs(aws, stackNames.app);
  const network = stackOutputs(aws, stackNames.network);
  const synthesizedApp = aws.synthesized[stackNames.app] as Record<string, unknown>;
  const synthesizedNetwork = aws.synthesized[stackNames.network] as Record<string, unknown>;
  const sdk = { region: aws.region, endpoint: aws.endpoint, credentials: aws.credentials };
  const placementIds = {
    vpcId: network.string('vpc_id'),
    publicSubnetIds: network.strings('public_subnet_ids'),
    privateSubnetIds: network.strings('private_subnet_ids'),
    albSecurityGroupId: app.string('alb_security_group_id'),
    backendSecurityGroupId: app.string('backend_security_group_id'),
    instanceIds: app.strings('instance_ids'),
  };
  const inFlight = [
    collectStateObjects(sdk, aws.stateBucket, stateKey(aws.runId, stackNames.network), networkUsesLockfile(synthesizedNetwork)),
    collectLoadBalancing(sdk, {
      loadBalancers: [app.string('alb_arn'), app.string('nlb_arn')],
      targetGroups: [app.string('target_group_arn'), app.string('nlb_target_group_arn')],
    }),
    describeCertificate(sdk, app.string('certificate_arn')),
    probeTargetTypes(sdk, placementIds.vpcId, aws.runId, ctx.teardown),
  ] as const;
  // The EC2 client is the heaviest SDK module: load it while the endpoint answers the requests already sent.
  const { collectNetworkPlacement } = await import('./collect-network.ts');
  const [state, lb, certificate, targetTypeProbe, placement] = await Promise.all([...inFlight, collectNetworkPlacement(sdk, placementIds)]);
  return {
    target: aws.target,
    runId: aws.runId,
    config: remoteStateConfigEvidence(synthesizedApp, synthesizedNetwork),
    state,
    ...placement,
    ...lb,
    certificate,
    targetTypeProbe,
    outputs: aws.outputs,
  };
}
