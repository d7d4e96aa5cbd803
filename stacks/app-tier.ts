import { DataTerraformRemoteStateS3, Fn, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { Lb } from '@cdktf/provider-aws/lib/lb/index.js';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener/index.js';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group/index.js';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment/index.js';
import { Instance } from '@cdktf/provider-aws/lib/instance/index.js';
import { DataAwsAmi } from '@cdktf/provider-aws/lib/data-aws-ami/index.js';
import { configureAws, resourceName, s3StateConfig } from './aws-context.ts';
import { backendUserData } from './backend-user-data.ts';
import { backendPort, healthCheck, tlsPolicy } from './settings.ts';
import { stackNames, type TargetContext } from './target-context.ts';

export interface AppTierOptions {
  /** PEM files of the certificate to import into ACM; referenced by path so the key never enters the config. */
  certificatePath: string;
  privateKeyPath: string;
  instanceType?: string;
}

const anywhere = { ipv4: ['0.0.0.0/0'], ipv6: ['::/0'] };

/**
 * The application tier: everything it knows about the network comes from the network tier's state, read through
 * `terraform_remote_state` on the S3 backend. An internet-facing ALB terminates TLS with an imported certificate
 * and re-encrypts to HTTPS backends in the private subnets (end-to-end TLS); beside it, an NLB with a TCP
 * listener shows AWS's pass-through flavour.
 */
export class AppTierStack extends TerraformStack {
  constructor(scope: Construct, ctx: TargetContext, options: AppTierOptions) {
    super(scope, stackNames.app);
    configureAws(this, ctx, stackNames.app);

    const network = new DataTerraformRemoteStateS3(this, 'network', s3StateConfig(ctx, stackNames.network));
    const vpcId = network.getString('vpc_id');
    const vpcCidr = network.getString('vpc_cidr');
    const publicSubnetIds = network.getList('public_subnet_ids');
    const privateSubnetIds = network.getList('private_subnet_ids');

    const certificate = new AcmCertificate(this, 'certificate', {
      certificateBody: Fn.file(options.certificatePath),
      privateKey: Fn.file(options.privateKeyPath),
      tags: { Name: resourceName(ctx, 'cert') },
    });

    const albSecurityGroup = new SecurityGroup(this, 'alb-sg', {
      name: resourceName(ctx, 'alb'),
      description: 'journal-lab ALB: HTTPS and HTTP (redirect) from anywhere',
      vpcId,
      ingress: [443, 80].map((port) => ({
        description: port === 443 ? 'HTTPS from clients' : 'HTTP from clients, redirected to HTTPS',
        protocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrBlocks: anywhere.ipv4,
        ipv6CidrBlocks: anywhere.ipv6,
      })),
      egress: [{ description: 'HTTPS to backends', protocol: 'tcp', fromPort: backendPort, toPort: backendPort, cidrBlocks: [vpcCidr] }],
    });
    const backendSecurityGroup = new SecurityGroup(this, 'backend-sg', {
      name: resourceName(ctx, 'backend'),
      description: 'journal-lab backends: HTTPS only from the ALB security group',
      vpcId,
      ingress: [
        {
          description: 'HTTPS from the ALB only',
          protocol: 'tcp',
          fromPort: backendPort,
          toPort: backendPort,
          securityGroups: [albSecurityGroup.id],
        },
      ],
    });

    const alb = new Lb(this, 'alb', {
      name: resourceName(ctx, 'alb'),
      loadBalancerType: 'application',
      internal: false,
      subnets: publicSubnetIds,
      securityGroups: [albSecurityGroup.id],
      dropInvalidHeaderFields: true,
    });
    const targetGroup = new LbTargetGroup(this, 'backends', {
      name: resourceName(ctx, 'tg'),
      targetType: 'instance',
      protocol: 'HTTPS',
      port: backendPort,
      vpcId,
      healthCheck: {
        enabled: true,
        protocol: healthCheck.protocol,
        path: healthCheck.path,
        port: healthCheck.port,
        matcher: healthCheck.matcher,
        interval: healthCheck.intervalSeconds,
        timeout: healthCheck.timeoutSeconds,
        healthyThreshold: healthCheck.healthyThreshold,
        unhealthyThreshold: healthCheck.unhealthyThreshold,
      },
    });
    const https = new LbListener(this, 'https', {
      loadBalancerArn: alb.arn,
      protocol: 'HTTPS',
      port: 443,
      sslPolicy: tlsPolicy,
      certificateArn: certificate.arn,
      defaultAction: [{ type: 'forward', targetGroupArn: targetGroup.arn }],
    });
    const http = new LbListener(this, 'http', {
      loadBalancerArn: alb.arn,
      protocol: 'HTTP',
      port: 80,
      defaultAction: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }],
    });

    const ami = new DataAwsAmi(this, 'ami', {
      mostRecent: true,
      owners: ['amazon'],
      filter: [
        { name: 'name', values: ['al2023-ami-2023.*-x86_64'] },
        { name: 'architecture', values: ['x86_64'] },
      ],
    });
    const backends = [0, 1].map((i) => {
      const instance = new Instance(this, `backend-${i}`, {
        ami: ami.id,
        instanceType: options.instanceType ?? 't3.micro',
        subnetId: Fn.element(privateSubnetIds, i),
        vpcSecurityGroupIds: [backendSecurityGroup.id],
        userData: backendUserData(ctx.runId),
        metadataOptions: { httpTokens: 'required' },
        tags: { Name: resourceName(ctx, `backend-${i}`) },
      });
      new LbTargetGroupAttachment(this, `backend-${i}-target`, {
        targetGroupArn: targetGroup.arn,
        targetId: instance.id,
        port: backendPort,
      });
      return instance;
    });

    // AWS's pass-through flavour, deployed with the ALB so the lb-modes lab adds no waiting.
    const nlb = new Lb(this, 'nlb', {
      name: resourceName(ctx, 'nlb'),
      loadBalancerType: 'network',
      internal: false,
      subnets: publicSubnetIds,
    });
    const nlbTargetGroup = new LbTargetGroup(this, 'nlb-backends', {
      name: resourceName(ctx, 'nlb-tg'),
      targetType: 'instance',
      protocol: 'TCP',
      port: backendPort,
      vpcId,
      healthCheck: { enabled: true, protocol: 'TCP', port: 'traffic-port' },
    });
    const nlbListener = new LbListener(this, 'nlb-tcp', {
      loadBalancerArn: nlb.arn,
      protocol: 'TCP',
      port: 443,
      defaultAction: [{ type: 'forward', targetGroupArn: nlbTargetGroup.arn }],
    });

    const output = (name: string, value: unknown) => new TerraformOutput(this, name, { value });
    output('vpc_id', vpcId);
    output('alb_subnet_ids', publicSubnetIds);
    output('backend_subnet_ids', backends.map((b) => b.subnetId));
    output('alb_arn', alb.arn);
    output('alb_dns_name', alb.dnsName);
    output('https_listener_arn', https.arn);
    output('http_listener_arn', http.arn);
    output('target_group_arn', targetGroup.arn);
    output('certificate_arn', certificate.arn);
    output('alb_security_group_id', albSecurityGroup.id);
    output('backend_security_group_id', backendSecurityGroup.id);
    output('instance_ids', backends.map((b) => b.id));
    output('nlb_arn', nlb.arn);
    output('nlb_dns_name', nlb.dnsName);
    output('nlb_listener_arn', nlbListener.arn);
    output('nlb_target_group_arn', nlbTargetGroup.arn);
  }
}
