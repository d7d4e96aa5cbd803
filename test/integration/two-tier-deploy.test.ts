import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeListenersCommand, DescribeTargetGroupsCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ACMClient, DescribeCertificateCommand } from '@aws-sdk/client-acm';
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { startMotoServer, stopMotoServer, type StartedMoto } from '../../src/targets/moto-server.ts';
import { sweepRunLeftovers } from '../../src/engine/sweep.ts';
import { emulatorCredentials } from '../../src/targets/emulator-credentials.ts';
import { announceSkip, deploymentPrerequisitesMissing } from '../support/prerequisites.ts';
import { runLab } from '../support/run-lab.ts';

// Real terraform with the mirrored provider against a real moto server that the test starts itself, so that after
// `lab down` (which leaves an attached endpoint running) the test can check independently that nothing is left.
const missing = await deploymentPrerequisitesMissing();
announceSkip('two-tier deploy integration test', missing);

describe.skipIf(!!missing)('lab up / lab down on a real moto endpoint', () => {
  let moto: StartedMoto;
  const home = mkdtempSync(path.join(os.tmpdir(), 'jl-it-home-'));
  const env = { LAB_HOME: home };
  let up: Awaited<ReturnType<typeof runLab>>;
  let sdk: { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

  beforeAll(async () => {
    moto = await startMotoServer(path.join(home, 'test-moto.log'));
    sdk = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { ...emulatorCredentials } };
    up = await runLab(['up', '--endpoint', moto.endpoint, '--json'], env);
  }, 600_000);

  afterAll(async () => {
    if (moto) await stopMotoServer(moto.pid);
  });

  it('deploys both tiers and prints the outputs', () => {
    expect(up.code, up.stderr).toBe(0);
    expect(up.json.stage).toBe('deployed');
    expect(up.json.albDnsName).toMatch(/elb\.amazonaws\.com$/);
    expect(up.json.httpsListenerArn).toMatch(/:listener\/app\//);
    expect(up.json.targetGroupArn).toMatch(/:targetgroup\//);
  });

  it('the HTTPS listener carries the imported ACM certificate', async () => {
    const elb = new ElasticLoadBalancingV2Client({ ...sdk });
    const { Listeners } = await elb.send(new DescribeListenersCommand({ ListenerArns: [up.json.httpsListenerArn] }));
    const certArn = Listeners![0].Certificates![0].CertificateArn!;
    expect(Listeners![0]).toMatchObject({ Protocol: 'HTTPS', Port: 443 });
    const { Certificate } = await new ACMClient({ ...sdk }).send(new DescribeCertificateCommand({ CertificateArn: certArn }));
    expect(Certificate!.Type).toBe('IMPORTED');
    expect(certArn).toBe(up.json.outputs.app.certificate_arn);
  });

  it('the target group is HTTPS with the health-check settings', async () => {
    const elb = new ElasticLoadBalancingV2Client({ ...sdk });
    const { TargetGroups } = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [up.json.targetGroupArn] }));
    expect(TargetGroups![0]).toMatchObject({
      Protocol: 'HTTPS', Port: 443, HealthCheckProtocol: 'HTTPS', HealthCheckPath: '/healthz', HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 3, UnhealthyThresholdCount: 2, Matcher: { HttpCode: '200' },
    });
  });

  it("the backend security group's only ingress source is the ALB security group", async () => {
    const ec2 = new EC2Client({ ...sdk });
    const app = up.json.outputs.app;
    const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [app.backend_security_group_id] }));
    const rules = SecurityGroups![0].IpPermissions!;
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ FromPort: 443, ToPort: 443 });
    expect(rules[0].IpRanges ?? []).toEqual([]);
    expect(rules[0].UserIdGroupPairs!.map((p) => p.GroupId)).toEqual([app.alb_security_group_id]);
  });

  it("the app tier's VPC is the network tier's VPC", async () => {
    const { outputs } = up.json;
    expect(outputs.app.vpc_id).toBe(outputs.network.vpc_id);
    const elb = new ElasticLoadBalancingV2Client({ ...sdk });
    const { LoadBalancers } = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [outputs.app.alb_arn] }));
    expect(LoadBalancers![0].VpcId).toBe(outputs.network.vpc_id);
    // The provider omits Scheme for internal=false (AWS then defaults to internet-facing); moto echoes what it was
    // sent, so it reports nothing. What must never appear is 'internal'.
    expect(LoadBalancers![0].Scheme ?? 'internet-facing').toBe('internet-facing');
    expect(LoadBalancers![0].AvailabilityZones!.map((z) => z.SubnetId).sort()).toEqual([...outputs.network.public_subnet_ids].sort());
    const { Reservations } = await new EC2Client({ ...sdk }).send(new DescribeInstancesCommand({ InstanceIds: outputs.app.instance_ids }));
    for (const i of Reservations!.flatMap((r) => r.Instances!)) {
      expect(i.VpcId).toBe(outputs.network.vpc_id);
      expect(outputs.network.private_subnet_ids).toContain(i.SubnetId);
    }
  });

  it('lab status lists the run; lab down destroys it and nothing tagged with the run id is left', async () => {
    const status = await runLab(['status', '--json'], env);
    expect(status.json.runs.map((r: { runId: string }) => r.runId)).toEqual([up.json.runId]);
    const down = await runLab(['down', '--json'], env);
    expect(down.code, down.stderr).toBe(0);
    expect(down.json.runs[0]).toMatchObject({ runId: up.json.runId, destroyed: ['app', 'network'], leftovers: [] });
    // Independent of the harness's own sweep: ask the endpoint directly.
    expect(await sweepRunLeftovers(sdk, up.json.runId)).toEqual([]);
    const { Buckets } = await new S3Client({ ...sdk, forcePathStyle: true }).send(new ListBucketsCommand({}));
    expect((Buckets ?? []).map((b) => b.Name)).not.toContain(`journal-lab-state-${up.json.runId}`);
    const after = await runLab(['status', '--json'], env);
    expect(after.json.runs).toEqual([]);
  }, 600_000);
});
