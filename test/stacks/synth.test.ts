import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAlbCertificate } from '../../src/certs/alb-certificate.ts';
import { synthesizeTwoTier, type SynthesizedStack } from '../../src/engine/synth.ts';
import { healthCheck, tlsPolicy } from '../../stacks/settings.ts';

type Json = Record<string, any>;
let network: Json;
let app: Json;
let keyPath: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jl-synth-'));
  const cert = await generateAlbCertificate(path.join(dir, 'secrets'), 'jl-test.journal-lab.internal');
  keyPath = cert.privateKeyPath;
  const stacks: SynthesizedStack[] = await synthesizeTwoTier(path.join(dir, 'out'), {
    target: 'moto', region: 'us-east-1', endpoint: 'http://127.0.0.1:4999',
    emulatorCredentials: { accessKeyId: 'a', secretAccessKey: 'b' }, runId: 'abcd1234', stateBucket: 'jl-state-abcd1234',
  }, { certificatePath: cert.certificatePath, privateKeyPath: cert.privateKeyPath });
  [network, app] = stacks.map((s) => s.config);
});

const single = (config: Json, type: string) => Object.values(config.resource[type] as Json) as Json[];

describe('network tier (synth)', () => {
  it('stores its state in the S3 backend under its own key, with S3 lock files', () => {
    expect(network.terraform.backend.s3).toMatchObject({ bucket: 'jl-state-abcd1234', key: 'journal-lab/abcd1234/network.tfstate', use_lockfile: true, use_path_style: true });
  });
  it('has a VPC, two public and two private subnets over two AZs, an internet gateway and route tables', () => {
    expect(single(network, 'aws_vpc')).toHaveLength(1);
    const subnets = single(network, 'aws_subnet');
    expect(subnets).toHaveLength(4);
    expect(subnets.map((s) => s.availability_zone)).toEqual(expect.arrayContaining([expect.stringContaining('element(data.aws_availability_zones.zones.names, 0)'), expect.stringContaining('element(data.aws_availability_zones.zones.names, 1)')]));
    expect(single(network, 'aws_internet_gateway')).toHaveLength(1);
    expect(single(network, 'aws_route_table')).toHaveLength(2);
    expect(single(network, 'aws_route_table').some((r) => r.route?.[0]?.cidr_block === '0.0.0.0/0')).toBe(true);
  });
  it('outputs the VPC id, subnet ids and CIDRs', () => {
    expect(Object.keys(network.output)).toEqual(expect.arrayContaining(['vpc_id', 'vpc_cidr', 'public_subnet_ids', 'private_subnet_ids', 'public_subnet_cidrs', 'private_subnet_cidrs']));
  });
  it('tags everything with the run id through the provider default tags', () => {
    expect(network.provider.aws[0].default_tags[0].tags['journal-lab:run']).toBe('abcd1234');
  });
});

describe('app tier (synth)', () => {
  it('reads the network tier through terraform_remote_state on the same S3 backend', () => {
    const remote = app.data.terraform_remote_state.network;
    expect(remote.backend).toBe('s3');
    expect(remote.config).toMatchObject({ bucket: network.terraform.backend.s3.bucket, key: network.terraform.backend.s3.key });
    expect(app.terraform.backend.s3.key).toBe('journal-lab/abcd1234/app.tfstate');
  });
  it('has no literal network ids: VPC and subnets come from remote state outputs', () => {
    const { terraform: _t, provider: _p, '//': _m, ...rest } = app;
    const text = JSON.stringify(rest);
    expect(text).not.toMatch(/\b(vpc|subnet|sg|igw|rtb)-[0-9a-f]{8,}/);
    expect(text).toContain('data.terraform_remote_state.network.outputs.vpc_id');
    expect(text).toContain('data.terraform_remote_state.network.outputs.public_subnet_ids');
  });
  it('imports the certificate into ACM by file reference, so the key never enters the config', () => {
    const [cert] = single(app, 'aws_acm_certificate');
    expect(cert.private_key).toBe(`\${file("${keyPath}")}`);
    expect(JSON.stringify(app)).not.toMatch(/PRIVATE KEY/);
  });
  it('has an internet-facing ALB in the public subnets with a security group open on 443 and 80', () => {
    const [alb] = single(app, 'aws_lb').filter((l) => l.load_balancer_type === 'application');
    expect(alb.internal).toBe(false);
    expect(alb.subnets).toContain('data.terraform_remote_state.network.outputs.public_subnet_ids');
    const albSg = app.resource.aws_security_group['alb-sg'];
    expect(albSg.ingress.map((r: Json) => [r.from_port, r.cidr_blocks])).toEqual([[443, ['0.0.0.0/0']], [80, ['0.0.0.0/0']]]);
  });
  it('listens on HTTPS:443 with the certificate and a current TLS policy, and redirects HTTP:80 to HTTPS', () => {
    const listeners = app.resource.aws_lb_listener;
    expect(listeners.https).toMatchObject({ protocol: 'HTTPS', port: 443, ssl_policy: tlsPolicy, certificate_arn: '${aws_acm_certificate.certificate.arn}' });
    expect(listeners.http.default_action[0]).toMatchObject({ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' } });
  });
  it('forwards to an HTTPS target group with the explicit health check', () => {
    const tg = app.resource.aws_lb_target_group.backends;
    expect(tg).toMatchObject({ protocol: 'HTTPS', port: 443 });
    expect(tg.health_check).toMatchObject({
      protocol: healthCheck.protocol, path: healthCheck.path, matcher: healthCheck.matcher, interval: healthCheck.intervalSeconds,
      timeout: healthCheck.timeoutSeconds, healthy_threshold: healthCheck.healthyThreshold, unhealthy_threshold: healthCheck.unhealthyThreshold,
    });
    expect(app.resource.aws_lb_listener.https.default_action[0].target_group_arn).toBe('${aws_lb_target_group.backends.arn}');
  });
  it('runs two backends in the private subnets, registered as targets, reachable on 443 only from the ALB security group', () => {
    const instances = single(app, 'aws_instance');
    expect(instances).toHaveLength(2);
    for (const i of instances) expect(i.subnet_id).toContain('data.terraform_remote_state.network.outputs.private_subnet_ids');
    expect(single(app, 'aws_lb_target_group_attachment')).toHaveLength(2);
    const backendSg = app.resource.aws_security_group['backend-sg'];
    expect(backendSg.ingress).toEqual([expect.objectContaining({ from_port: 443, to_port: 443, security_groups: ['${aws_security_group.alb-sg.id}'] })]);
    expect(backendSg.ingress[0].cidr_blocks ?? []).toEqual([]);
  });
  it('deploys an NLB with a TCP:443 listener beside the ALB (pass-through flavour)', () => {
    expect(app.resource.aws_lb.nlb.load_balancer_type).toBe('network');
    expect(app.resource.aws_lb_listener['nlb-tcp']).toMatchObject({ protocol: 'TCP', port: 443 });
  });
  it('names carry the run id', () => {
    expect(app.resource.aws_lb.alb.name).toBe('jl-abcd1234-alb');
    expect(app.resource.aws_lb_target_group.backends.name).toBe('jl-abcd1234-tg');
  });
});
