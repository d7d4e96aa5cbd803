/**
 * Asks the ELBv2 API itself which listener protocols each load balancer type takes: CreateListener with TCP and TLS
 * on the ALB (AWS documents HTTP/HTTPS only) and TCP on the NLB. Anything a permissive emulator accepts is deleted
 * right away (and registered on the teardown first, so a crash cannot leave it behind).
 */
import { notObserved, type NotObserved } from '../../src/model/observed.ts';
import type { SdkTarget } from '../../src/aws/sdk-config.ts';
import { createListener, deleteListener, describeLoadBalancers, listListeners, type ListenerRequest } from '../../src/aws/elbv2.ts';
import type { LabContext } from '../../src/lab-api/lab.ts';
import { stackOutputs } from '../../src/lab-api/stack-outputs.ts';
import { stackNames } from '../../stacks/target-context.ts';
import type { ApiEvidence, ListenerAttempt } from './evidence.ts';

/** Ports no stack uses, so an accepted attempt cannot collide with the deployed listeners. */
const PROBE_PORTS = { albTcp: 9443, albTls: 9444, nlbTcp: 9445 } as const;

export async function collectListenerProtocolEvidence(ctx: LabContext): Promise<ApiEvidence | NotObserved> {
  if (!ctx.aws) return notObserved('not collected: no deployment (run the lab against a target: lab run lb-modes --target moto|aws)');
  const app = stackOutputs(ctx.aws, stackNames.app);
  const absent = app.missing(['alb_arn', 'nlb_arn', 'target_group_arn', 'nlb_target_group_arn']);
  if (absent.length > 0) return notObserved(`not collected: the app tier has no output ${absent.join(', ')}`);
  const sdk: SdkTarget = ctx.aws;

  const describe = async (arn: string) => {
    const [lb] = await describeLoadBalancers(sdk, [arn]);
    const listeners = await listListeners(sdk, arn);
    return { arn, type: lb?.type ?? null, listenerProtocols: listeners.map((l) => `${l.protocol}:${l.port}`).sort() };
  };
  const alb = await describe(app.string('alb_arn'));
  const nlb = await describe(app.string('nlb_arn'));
  const certificateArn = app.optionalString('certificate_arn');

  const attempt = (loadBalancer: ListenerAttempt['loadBalancer'], request: ListenerRequest) => attemptListener(ctx, sdk, loadBalancer, request);
  const attempts: ListenerAttempt[] = [
    await attempt('alb', { loadBalancerArn: alb.arn, protocol: 'TCP', port: PROBE_PORTS.albTcp, targetGroupArn: app.string('target_group_arn') }),
    await attempt('alb', { loadBalancerArn: alb.arn, protocol: 'TLS', port: PROBE_PORTS.albTls, targetGroupArn: app.string('target_group_arn'), certificateArn }),
    await attempt('nlb', { loadBalancerArn: nlb.arn, protocol: 'TCP', port: PROBE_PORTS.nlbTcp, targetGroupArn: app.string('nlb_target_group_arn') }),
  ];
  return { status: 'observed', target: ctx.aws.target, alb, nlb, attempts };
}

async function attemptListener(ctx: LabContext, sdk: SdkTarget, loadBalancer: ListenerAttempt['loadBalancer'], request: ListenerRequest): Promise<ListenerAttempt> {
  const { protocol, port } = request;
  try {
    const listenerArn = await createListener(sdk, request);
    let deleted = false;
    ctx.teardown.add(`delete probe listener ${protocol}:${port}`, async () => { if (!deleted) await deleteListener(sdk, listenerArn); });
    try {
      await deleteListener(sdk, listenerArn);
      deleted = true;
    } catch {
      deleted = false;
    }
    return { loadBalancer, protocol, port, outcome: 'accepted', errorCode: null, errorMessage: null, deleted };
  } catch (err) {
    const e = err as { name?: string; Code?: string; message?: string };
    return { loadBalancer, protocol, port, outcome: 'refused', errorCode: e.Code ?? e.name ?? 'Error', errorMessage: e.message ?? String(err), deleted: null };
  }
}
