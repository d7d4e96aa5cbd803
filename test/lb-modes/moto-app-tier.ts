/**
 * A real moto server on 127.0.0.1 with just the app-tier resources the lb-modes API collector reads (VPC, two
 * subnets, an ALB with an HTTPS target group, an NLB with a TCP:443 listener), created with the SDK. Used by the
 * integration test and by scripts/record-lb-modes.ts; stopped by the teardown it is given.
 */
import { spawn } from 'node:child_process';
import { ACMClient, ImportCertificateCommand } from '@aws-sdk/client-acm';
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsLabContext } from '../../src/lab-api/lab.ts';
import type { TeardownStack } from '../../src/run/teardown.ts';
import { findMotoServer } from '../../src/toolchain/moto.ts';
import { freeLoopbackPort } from '../../src/targets/free-port.ts';
import { createSelfSignedCertificate, forHost } from '../../src/certs/local-ca.ts';

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

export async function motoAvailable(): Promise<string | undefined> {
  return (await findMotoServer()) ? undefined : 'moto_server not found (pip install "moto[server]")';
}

export async function startMoto(teardown: TeardownStack): Promise<{ endpoint: string; version?: string }> {
  const moto = await findMotoServer();
  if (!moto) throw new Error('moto_server not found');
  const port = await freeLoopbackPort();
  const child = spawn(moto.command, [...moto.args, '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  teardown.add(`stop moto (pid ${child.pid})`, async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(t);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) return { endpoint, version: moto.version };
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('moto_server did not answer within 10 s');
}

/** The outputs the app tier would give, from resources made directly with the SDK. */
export async function createAppTierOnMoto(endpoint: string): Promise<AwsLabContext> {
  const cfg = { region: REGION, endpoint, credentials: CREDENTIALS };
  const ec2 = new EC2Client(cfg);
  const elb = new ElasticLoadBalancingV2Client(cfg);
  const acm = new ACMClient(cfg);
  try {
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }))).Vpc!.VpcId!;
    const subnets = [];
    for (const [i, az] of ['us-east-1a', 'us-east-1b'].entries()) {
      subnets.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.20.${i}.0/24`, AvailabilityZone: az }))).Subnet!.SubnetId!);
    }
    const cert = await createSelfSignedCertificate(forHost('alb.journal-lab.test'));
    const certificateArn = (await acm.send(new ImportCertificateCommand({ Certificate: Buffer.from(cert.certPem), PrivateKey: Buffer.from(cert.keyPem) }))).CertificateArn!;
    const alb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'jl-alb', Type: 'application', Subnets: subnets }))).LoadBalancers![0]!;
    const nlb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'jl-nlb', Type: 'network', Subnets: subnets }))).LoadBalancers![0]!;
    const tg = (await elb.send(new CreateTargetGroupCommand({ Name: 'jl-app', Protocol: 'HTTPS', Port: 443, VpcId: vpcId, TargetType: 'ip' }))).TargetGroups![0]!;
    const nlbTg = (await elb.send(new CreateTargetGroupCommand({ Name: 'jl-app-tcp', Protocol: 'TCP', Port: 443, VpcId: vpcId, TargetType: 'ip' }))).TargetGroups![0]!;
    const https = (await elb.send(new CreateListenerCommand({ LoadBalancerArn: alb.LoadBalancerArn, Protocol: 'HTTPS', Port: 443, Certificates: [{ CertificateArn: certificateArn }], DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }))).Listeners![0]!;
    const nlbListener = (await elb.send(new CreateListenerCommand({ LoadBalancerArn: nlb.LoadBalancerArn, Protocol: 'TCP', Port: 443, DefaultActions: [{ Type: 'forward', TargetGroupArn: nlbTg.TargetGroupArn }] }))).Listeners![0]!;
    return {
      target: 'moto',
      endpoint,
      region: REGION,
      credentials: CREDENTIALS,
      runId: 'lb-modes-test',
      stateBucket: 'none',
      outputs: {
        app: {
          alb_arn: alb.LoadBalancerArn,
          https_listener_arn: https.ListenerArn,
          target_group_arn: tg.TargetGroupArn,
          nlb_arn: nlb.LoadBalancerArn,
          nlb_listener_arn: nlbListener.ListenerArn,
          nlb_target_group_arn: nlbTg.TargetGroupArn,
          certificate_arn: certificateArn,
          vpc_id: vpcId,
        },
        network: { vpc_id: vpcId, public_subnet_ids: subnets, private_subnet_ids: [] },
      },
      synthesized: {},
    };
  } finally {
    ec2.destroy();
    elb.destroy();
    acm.destroy();
  }
}
