import type { SecurityGroupEvidence, TwoTierEvidence } from '../../../checks/two-tier/evidence.ts';
import { isRecord, quoted, shortId, sourceComment, type Diagram } from './diagram.ts';

const MAX_INSTANCES = 4;

function twoTier(evidence: unknown): TwoTierEvidence | undefined {
  if (!isRecord(evidence) || !isRecord(evidence.config) || !isRecord(evidence.state) || !Array.isArray(evidence.listeners)) return undefined;
  return evidence as unknown as TwoTierEvidence;
}

function sourceOf(e: TwoTierEvidence, what: string): string {
  return `two-tier lab: ${what} of run ${e.runId} on target ${e.target}.`;
}

/** Network tier → state bucket → app tier, as the synthesized config and the state bucket show them. */
export function tiersDiagram(evidence: unknown): Diagram | undefined {
  const e = twoTier(evidence);
  if (!e) return undefined;
  const remote = e.config.dataSources[0];
  const reads = e.config.outputsRead;
  const lines = [
    'flowchart LR',
    `  net[${quoted(`network tier · VPC ${e.network.vpcCidr} · ${e.config.networkOutputs.length} root outputs`)}]`,
    `  bucket[(${quoted(`S3 state bucket ${e.state.bucket}${e.state.lockfileInUse ? ' · lock file' : ''}`)})]`,
    `  app[${quoted('app tier · ALB, target group, instances')}]`,
    `  net -- ${quoted(`writes ${e.state.networkKey}${e.state.networkStateFound ? ` · ${e.state.networkStateResourceCount} resources` : ' · NOT FOUND'}`)} --> bucket`,
  ];
  if (remote) {
    lines.push(`  bucket -- ${quoted(`read by terraform_remote_state.${remote.name} (${remote.backend}): ${reads.join(', ') || 'no outputs'}`)} --> app`);
  } else {
    lines.push(`  bucket -. ${quoted('no terraform_remote_state in the app tier')} .- app`);
  }
  if (e.config.literalNetworkIds.length > 0) lines.push(`  net -. ${quoted(`ids hard-coded in the app tier: ${e.config.literalNetworkIds.join(', ')}`)} .-> app`);
  const source = sourceOf(e, "the app tier's synthesized config and the state bucket's objects");
  lines.push(sourceComment(source));
  return { id: 'architecture-tiers', title: 'The two tiers and what reads what', mermaid: lines.join('\n'), source };
}

/**
 * Client → ALB :443 (certificate, TLS policy) → HTTPS target group → instances in private subnets, each hop
 * labelled with the security-group rule that lets it through, as the ELBv2, ACM and EC2 APIs describe them.
 */
export function albPathDiagram(evidence: unknown): Diagram | undefined {
  const e = twoTier(evidence);
  if (!e) return undefined;
  const https = e.listeners.find((l) => l.protocol === 'HTTPS');
  const alb = e.loadBalancers.find((lb) => lb.type === 'application');
  if (!https || !alb) return undefined;
  const tgArn = https.defaultActions.find((a) => a.targetGroupArn)?.targetGroupArn;
  const tg = e.targetGroups.find((g) => g.arn === tgArn);
  const tierOf = new Map(e.network.subnets.map((s) => [s.id, s.tier]));
  const lines = [
    'flowchart LR',
    `  client([${quoted('client')}])`,
    `  alb[${quoted(`ALB ${alb.name}${alb.scheme ? ` · ${alb.scheme}` : ''} · ${alb.availabilityZones.length} public subnets · listener ${https.protocol} :${https.port} · ${https.sslPolicy ?? 'no TLS policy'}`)}]`,
    `  cert{{${quoted(`ACM certificate ${e.certificate.domain ?? shortId(e.certificate.arn, 40)}${e.certificate.type ? ` · ${e.certificate.type}` : ''}${e.certificate.keyAlgorithm ? ` · ${e.certificate.keyAlgorithm}` : ''}`)}}}`,
    `  cert -. ${quoted('served on :443')} .-> alb`,
    `  client -- ${quoted(`${https.protocol} :${https.port} · ${ingressText(e.securityGroups.alb, https.port, e.securityGroups)}`)} --> alb`,
  ];
  const redirect = e.listeners.find((l) => l.defaultActions.some((a) => a.type === 'redirect'));
  if (redirect) {
    const to = redirect.defaultActions.find((a) => a.type === 'redirect')?.redirect;
    lines.push(`  client -. ${quoted(`${redirect.protocol} :${redirect.port} → redirect ${to?.protocol ?? ''} ${to?.statusCode ?? ''}`)} .-> alb`);
  }
  if (tg) {
    const hc = tg.healthCheck;
    lines.push(`  tg[${quoted(`target group ${tg.name} · ${tg.protocol} :${tg.port} · health ${hc.protocol} ${hc.path ?? ''} every ${hc.intervalSeconds} s`)}]`);
    lines.push(`  alb -- ${quoted(`forward ${tg.protocol} (re-encrypted)`)} --> tg`);
    const instances = e.instances.filter((i) => tg.targets.some((t) => t.id === i.id));
    const shown = instances.slice(0, MAX_INSTANCES);
    lines.push(`  subgraph private[${quoted('private subnets')}]`);
    for (const [n, i] of shown.entries()) {
      const health = tg.targets.find((t) => t.id === i.id)?.state ?? 'unknown';
      lines.push(`    i${n}[${quoted(`${i.id} · ${tierOf.get(i.subnetId) ?? 'unknown'} subnet · ${health}`)}]`);
    }
    if (instances.length > shown.length) lines.push(`    more[${quoted(`+${instances.length - shown.length} more instances`)}]`);
    lines.push('  end');
    const backendRule = ingressText(e.securityGroups.backend, tg.port, e.securityGroups);
    for (const n of shown.keys()) lines.push(`  tg -- ${quoted(`${tg.protocol} :${tg.port} · ${backendRule}`)} --> i${n}`);
  }
  const source = sourceOf(e, 'the ELBv2, ACM and EC2 API descriptions (load balancers, listeners, target groups, security groups, instances)');
  lines.push(sourceComment(source));
  return { id: 'architecture-alb', title: 'Client → ALB → target group → instances, with the security-group rules', mermaid: lines.join('\n'), source };
}

/** The rule of a security group that admits this port, in words: "sg jl-alb allows tcp 443 from 0.0.0.0/0". */
function ingressText(sg: SecurityGroupEvidence, port: number, groups: TwoTierEvidence['securityGroups']): string {
  const names = new Map([groups.alb, groups.backend].map((g) => [g.id, g.name]));
  const rule = sg.ingress.find((r) => r.protocol === '-1' || (r.fromPort !== undefined && r.toPort !== undefined && r.fromPort <= port && port <= r.toPort));
  if (!rule) return `${sg.name} has no rule for :${port}`;
  const from = [...rule.cidrs, ...rule.sourceGroups.map((g) => `sg ${names.get(g) ?? g}`)].join(', ');
  return `${sg.name} allows ${rule.protocol} ${port} from ${from || 'nobody'}`;
}
