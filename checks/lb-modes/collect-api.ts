/**
 * Asks the ELBv2 API itself which listener protocols each load balancer type takes: CreateListener with TCP and TLS
 * on the ALB (AWS documents HTTP/HTTPS only) and TCP on the NLB. Anything a permissive emulator accepts is deleted
 * right away (and registered on the teardown first, so a crash cannot leave it behind).
 */
import { notObserved, type NotObserved } from '../../src/model/observed.ts';
import {
  CreateListenerCommand,
  DeleteListenerCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
  type ProtocolEnum,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsLabContext, LabContext } from '../../src/lab-api/lab.ts';
import type { ApiEvidence, ListenerAttempt } from './evidence.ts';

/** Ports no stack uses, so an accepted attempt cannot collide with the deployed listeners. */
const PROBE_PORTS = { albTcp: 9443, albTls: 9444, nlbTcp: 9445 } as const;

export async function collectListenerProtocolEvidence(ctx: LabContext): Promise<ApiEvidence | NotObserved> {
  if (!ctx.aws) return notObserved('not collected: no deployment (run the lab against a target: lab run lb-modes --target moto|aws)');
  const app = ctx.aws.outputs.app ?? {};
  const need = ['alb_arn', 'nlb_arn', 'target_group_arn', 'nlb_target_group_arn'] as const;
  const absent = need.filter((k) => typeof app[k] !== 'string');
  if (absent.length > 0) return notObserved(`not collected: the app tier has no output ${absent.join(', ')}`);
  const out = (k: string) => app[k] as string;
  const client = elbv2Client(ctx.aws);
  ctx.teardown.add('destroy ELBv2 client', () => client.destroy());

  const describe = async (arn: string) => {
    const lb = (await client.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }))).LoadBalancers?.[0];
    const listeners = (await client.send(new DescribeListenersCommand({ LoadBalancerArn: arn }))).Listeners ?? [];
    return { arn, type: lb?.Type ?? null, listenerProtocols: listeners.map((l) => `${l.Protocol}:${l.Port}`).sort() };
  };
  const alb = await describe(out('alb_arn'));
  const nlb = await describe(out('nlb_arn'));
  const certificateArn = typeof app.certificate_arn === 'string' ? app.certificate_arn : undefined;

  const attempts: ListenerAttempt[] = [
    await attemptListener(ctx, client, 'alb', out('alb_arn'), 'TCP', PROBE_PORTS.albTcp, out('target_group_arn')),
    await attemptListener(ctx, client, 'alb', out('alb_arn'), 'TLS', PROBE_PORTS.albTls, out('target_group_arn'), certificateArn),
    await attemptListener(ctx, client, 'nlb', out('nlb_arn'), 'TCP', PROBE_PORTS.nlbTcp, out('nlb_target_group_arn')),
  ];
  return { status: 'observed', target: ctx.aws.target, alb, nlb, attempts };
}

function elbv2Client(aws: AwsLabContext): ElasticLoadBalancingV2Client {
  return new ElasticLoadBalancingV2Client({ region: aws.region, endpoint: aws.endpoint, credentials: aws.credentials, maxAttempts: 2 });
}

async function attemptListener(
  ctx: LabContext,
  client: ElasticLoadBalancingV2Client,
  loadBalancer: 'alb' | 'nlb',
  arn: string,
  protocol: ProtocolEnum,
  port: number,
  targetGroupArn: string,
  certificateArn?: string,
): Promise<ListenerAttempt> {
  try {
    const created = await client.send(new CreateListenerCommand({
      LoadBalancerArn: arn,
      Protocol: protocol,
      Port: port,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
      ...(protocol === 'TLS' && certificateArn ? { Certificates: [{ CertificateArn: certificateArn }] } : {}),
    }));
    const listenerArn = created.Listeners?.[0]?.ListenerArn;
    let deleted: boolean | null = null;
    if (listenerArn) {
      const remove = () => client.send(new DeleteListenerCommand({ ListenerArn: listenerArn }));
      ctx.teardown.add(`delete probe listener ${protocol}:${port}`, async () => { if (!deleted) await remove(); });
      try {
        await remove();
        deleted = true;
      } catch {
        deleted = false;
      }
    }
    return { loadBalancer, protocol, port, outcome: 'accepted', errorCode: null, errorMessage: null, deleted };
  } catch (err) {
    const e = err as { name?: string; Code?: string; message?: string };
    return { loadBalancer, protocol, port, outcome: 'refused', errorCode: e.Code ?? e.name ?? 'Error', errorMessage: e.message ?? String(err), deleted: null };
  }
}
