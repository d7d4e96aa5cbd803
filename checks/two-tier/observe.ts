/**
 * Pure: the two-tier lab's evidence → what it shows for the remote-state and end-to-end TLS propositions it can
 * observe. Values are in the propositions' terms (see lexicon.json); anything the deployment does not show (AWS
 * defaults, what the ALB validates, HashiCorp's advice) is left to the fact sheet.
 */
import type { Observation, Observer } from '../../src/claims/types.ts';
import type { ListenerEvidence, TargetGroupEvidence, TwoTierEvidence } from './evidence.ts';
import { notObserved } from '../../src/model/observed.ts';


function alb(e: TwoTierEvidence) {
  return e.loadBalancers?.find((l) => l.type === 'application');
}

/** The ALB's listeners (all listeners when the load balancer list is missing its ARN). */
function albListeners(e: TwoTierEvidence): ListenerEvidence[] {
  const lb = alb(e);
  if (!lb) return [];
  const id = lb.arn.split('/').slice(-2).join('/');
  return (e.listeners ?? []).filter((l) => l.arn.includes(`/${id}/`) || l.arn.includes(lb.name));
}

/** The ALB's HTTPS listener that forwards to a target group (the client-facing one). */
function httpsListener(e: TwoTierEvidence): ListenerEvidence | undefined {
  return albListeners(e).find((l) => l.protocol === 'HTTPS');
}

/** The target group the ALB forwards client requests to. */
function albTargetGroup(e: TwoTierEvidence): TargetGroupEvidence | undefined {
  const lb = alb(e);
  if (!lb) return undefined;
  const forwarded = new Set(albListeners(e).flatMap((l) => l.defaultActions.map((a) => a.targetGroupArn).filter(Boolean)));
  return (e.targetGroups ?? []).find((t) => forwarded.has(t.arn)) ?? (e.targetGroups ?? []).find((t) => t.loadBalancerArns.includes(lb.arn));
}

const describeRule = (r: TwoTierEvidence['securityGroups']['backend']['ingress'][number]) =>
  `${r.protocol} ${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`} from ${[...r.sourceGroups, ...r.cidrs].join(', ') || 'nothing'}`;

export const observers: Partial<Record<string, Observer<TwoTierEvidence>>> = {
  // ---- remote state -------------------------------------------------------------------------------------------
  'rs.mechanism': (e) => {
    const ds = e.config?.dataSources?.[0];
    if (!ds) return notObserved("the app tier's synthesized config declares no terraform_remote_state data source");
    return {
      status: 'observed',
      value: 'a terraform_remote_state data source',
      summary: `the app tier's config declares data "terraform_remote_state" "${ds.name}" (backend ${ds.backend}, key ${ds.key ?? '?'}) and reads ${e.config.outputsRead.length} outputs through it (${e.config.outputsRead.join(', ')}), with no network ids written into its code${e.config.literalNetworkIds.length ? ` — except ${e.config.literalNetworkIds.join(', ')}` : ''}`,
      data: e.config.dataSources,
    };
  },
  'rs.backend': (e) => {
    const ds = e.config?.dataSources?.[0];
    if (!ds) return notObserved('the app tier declares no remote state data source to read the backend from');
    const value = ds.backend === 's3' ? 'the S3 backend (bucket, key, region)' : ds.backend === 'local' ? 'the local backend' : `the ${ds.backend} backend`;
    return {
      status: 'observed',
      value,
      summary: `the data source "${ds.name}" uses backend = "${ds.backend}" with bucket ${ds.bucket ?? '?'}, key ${ds.key ?? '?'}, region ${ds.region ?? '?'}; the network tier's own backend is ${e.config.networkBackend.type} ${e.config.networkBackend.bucket ?? ''}/${e.config.networkBackend.key ?? ''}`,
      data: { dataSource: ds, networkBackend: e.config.networkBackend },
    };
  },
  'rs.outputs-attribute': (e) => {
    const ds = e.config?.dataSources?.[0];
    if (!ds || !e.config.outputsRead?.length) return notObserved('the app tier reads no values through a remote state data source');
    return {
      status: 'observed',
      value: 'its outputs attribute (data.terraform_remote_state.NAME.outputs.X)',
      summary: `the app tier's config reads data.terraform_remote_state.${ds.name}.outputs.<name> for ${e.config.outputsRead.join(', ')}`,
      data: e.config.outputsRead,
    };
  },
  'rs.whole-state': (e) => {
    const s = e.state;
    if (!s?.networkStateFound) return notObserved("the network tier's state object was not found in the state bucket");
    return {
      status: 'observed',
      value: 'the whole network state snapshot',
      summary: `the network tier's state is one object, s3://${s.bucket}/${s.networkKey}, holding ${s.networkStateResourceCount} resources besides its ${s.networkStateOutputs.length} outputs: to read any output the app tier has to read that whole object`,
      data: { bucket: s.bucket, key: s.networkKey, resources: s.networkStateResourceCount, outputs: s.networkStateOutputs },
    };
  },
  'rs.locking': (e) => {
    if (!e.state) return notObserved('the state bucket was not inspected');
    if (!e.state.lockfileInUse) return notObserved('this deployment does not enable state locking, so it shows nothing about it');
    return {
      status: 'observed',
      value: 'supported (an S3 lock file or a DynamoDB table)',
      summary: `both tiers keep their state in s3://${e.state.bucket} with S3-native locking (use_lockfile) enabled`,
    };
  },

  // ---- end-to-end TLS -----------------------------------------------------------------------------------------
  'tls.front-protocol': (e) => {
    const https = httpsListener(e);
    const all = albListeners(e);
    if (!alb(e)) return notObserved('the evidence holds no application load balancer');
    if (!all.length) return notObserved('the evidence holds no listeners for the ALB');
    const forwarding = all.find((l) => l.defaultActions.some((a) => a.type === 'forward'));
    const front = https ?? forwarding;
    if (!front) return notObserved('no ALB listener forwards client requests');
    return {
      status: 'observed',
      value: front.protocol === 'HTTPS' ? 'HTTPS' : 'plain HTTP',
      summary: `the ALB's listeners: ${all.map((l) => `${l.protocol}:${l.port} → ${l.defaultActions.map((a) => (a.redirect ? `redirect to ${a.redirect.protocol}:${a.redirect.port}` : a.type)).join(', ')}`).join('; ')}`,
      data: all.map((l) => ({ protocol: l.protocol, port: l.port })),
    };
  },
  'tls.listener-cert': (e) => {
    const https = httpsListener(e);
    if (!https) return notObserved('the ALB has no HTTPS listener');
    if (!https.certificateArns.length) return notObserved('the HTTPS listener lists no certificate');
    const cert = e.certificate;
    return {
      status: 'observed',
      value: 'a server certificate deployed on it (ACM-issued or imported)',
      summary: `the HTTPS:${https.port} listener presents ${https.certificateArns.join(', ')}${cert && https.certificateArns.includes(cert.arn) ? ` — in ACM as ${cert.type ?? '?'} (${cert.status ?? '?'}) for ${cert.domain ?? '?'}, ${cert.keyAlgorithm ?? ''}` : ''}`,
      data: { certificateArns: https.certificateArns, certificate: cert },
    };
  },
  'tls.security-policy': (e) => {
    const https = httpsListener(e);
    if (!https?.sslPolicy) return notObserved('the ALB has no HTTPS listener with a security policy');
    return {
      status: 'observed',
      value: 'the TLS versions and ciphers offered to clients',
      summary: `the HTTPS:${https.port} listener negotiates TLS with clients under the security policy ${https.sslPolicy}`,
      data: { sslPolicy: https.sslPolicy },
    };
  },
  'tls.target-protocol': (e) => {
    const tg = albTargetGroup(e);
    if (!tg) return notObserved('no target group behind the ALB is in the evidence');
    return {
      status: 'observed',
      value: tg.protocol === 'HTTPS' ? 'HTTPS' : tg.protocol === 'HTTP' ? 'HTTP' : tg.protocol,
      summary: `the ALB forwards to target group ${tg.name} with protocol ${tg.protocol} on port ${tg.port}`,
      data: { name: tg.name, protocol: tg.protocol, port: tg.port },
    };
  },
  'tls.backend-listens': (e) => {
    const tg = albTargetGroup(e);
    if (!tg) return notObserved('no target group behind the ALB is in the evidence');
    const healthy = tg.targets.filter((t) => t.state === 'healthy').length;
    return {
      status: 'observed',
      value: tg.protocol === 'HTTPS' ? 'they accept HTTPS connections from the ALB' : 'they accept plain HTTP from the ALB',
      summary: `the ALB connects to the targets with ${tg.protocol} on port ${tg.port} (target group ${tg.name}); ${healthy} of ${tg.targets.length} targets pass its ${tg.healthCheck.protocol} health checks`,
      data: { protocol: tg.protocol, port: tg.port, targets: tg.targets },
    };
  },
  'tls.backend-sg-source': (e) => {
    const groups = e.securityGroups;
    if (!groups?.backend || !groups.alb) return notObserved('the security groups were not recorded');
    const rules = groups.backend.ingress;
    if (!rules.length) return notObserved("the backend security group has no inbound rules");
    const cidrs = rules.flatMap((r) => r.cidrs);
    const onlyAlbSg = cidrs.length === 0 && rules.every((r) => r.sourceGroups.length > 0 && r.sourceGroups.every((g) => g === groups.alb.id));
    const value = onlyAlbSg
      ? "the ALB's security group"
      : cidrs.some((c) => c === '0.0.0.0/0' || c === '::/0')
        ? 'anywhere (0.0.0.0/0)'
        : cidrs.length
          ? 'a CIDR range (the VPC or subnets)'
          : 'another security group';
    return {
      status: 'observed',
      value,
      summary: `the backend security group ${groups.backend.id} admits ${rules.map(describeRule).join('; ')} (the ALB's security group is ${groups.alb.id})`,
      data: rules,
    };
  },
  'tls.http-redirect': (e) => {
    const http = albListeners(e).find((l) => l.protocol === 'HTTP');
    const redirect = http?.defaultActions.find((a) => a.type === 'redirect' && a.redirect?.protocol === 'HTTPS');
    if (!http || !redirect?.redirect) return notObserved('the ALB has no HTTP listener redirecting to HTTPS');
    return {
      status: 'observed',
      value: 'redirects them to HTTPS',
      summary: `the HTTP:${http.port} listener's default action redirects to ${redirect.redirect.protocol}:${redirect.redirect.port ?? '443'} (${redirect.redirect.statusCode ?? 'redirect'})`,
      data: http.defaultActions,
    };
  },
  'tls.alb-e2e': (e) => {
    const https = httpsListener(e);
    const tg = albTargetGroup(e);
    if (!https || tg?.protocol !== 'HTTPS') return notObserved('this ALB does not pair an HTTPS listener with an HTTPS target group');
    return {
      status: 'observed',
      value: 'possible (HTTPS listener and HTTPS target group)',
      summary: `the ALB pairs an HTTPS:${https.port} listener with the HTTPS:${tg.port} target group ${tg.name}`,
    };
  },
};
