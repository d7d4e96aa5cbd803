import type { RunRecord } from '../../run/run-record.ts';

export interface DeploymentSummary {
  runId: string;
  stage: string;
  target: string;
  endpoint?: string;
  region: string;
  createdAt: string;
  albDnsName?: unknown;
  httpsListenerArn?: unknown;
  httpListenerArn?: unknown;
  targetGroupArn?: unknown;
  nlbListenerArn?: unknown;
  vpcId?: unknown;
  outputs: RunRecord['outputs'];
}

/** What `lab up` and `lab status` print about a run. */
export function describeDeployment(r: RunRecord): DeploymentSummary;
export function describeDeployment(r: RunRecord, format: 'text'): string;
export function describeDeployment(r: RunRecord, format?: 'text'): DeploymentSummary | string {
  const app = r.outputs.app ?? {};
  const summary: DeploymentSummary = {
    runId: r.runId,
    stage: r.stage,
    target: r.target.name,
    endpoint: r.target.endpoint,
    region: r.target.region,
    createdAt: r.createdAt,
    albDnsName: app.alb_dns_name,
    httpsListenerArn: app.https_listener_arn,
    httpListenerArn: app.http_listener_arn,
    targetGroupArn: app.target_group_arn,
    nlbListenerArn: app.nlb_listener_arn,
    vpcId: r.outputs.network?.vpc_id,
    outputs: r.outputs,
  };
  if (format !== 'text') return summary;
  const lines = [
    `run ${r.runId} — ${r.stage} on ${r.target.name}${r.target.endpoint ? ` (${r.target.endpoint})` : ''}, region ${r.target.region}`,
    `  ALB DNS name        ${String(app.alb_dns_name ?? '-')}`,
    `  HTTPS listener      ${String(app.https_listener_arn ?? '-')}`,
    `  HTTP listener       ${String(app.http_listener_arn ?? '-')} (redirects to HTTPS)`,
    `  target group        ${String(app.target_group_arn ?? '-')}`,
    `  NLB TCP listener    ${String(app.nlb_listener_arn ?? '-')}`,
    `  network VPC         ${String(r.outputs.network?.vpc_id ?? '-')}  (app tier read it through remote state: ${String(app.vpc_id ?? '-')})`,
  ];
  if (r.error) lines.push(`  last error          ${r.error}`);
  return lines.join('\n');
}
