/** Evidence the two-tier lab collects once from the deployed stacks and their synthesized config. Plain JSON. */
import type { ActionRecord, LoadBalancerRecord, NetworkTargetGroupRecord, TargetHealthRecord } from '../../src/aws/elbv2.ts';
import type { SecurityGroupRuleRecord } from '../../src/aws/ec2.ts';
import type { CertificateDetailRecord } from '../../src/aws/acm.ts';

export interface RemoteStateConfigEvidence {
  /** `data.terraform_remote_state.*` blocks in the app tier's synthesized config. */
  dataSources: { name: string; backend: string; bucket?: string; key?: string; region?: string }[];
  /** Output names the app tier reads through remote state (`...outputs.vpc_id`). */
  outputsRead: string[];
  /** The network tier's backend (where its state lives). */
  networkBackend: { type: string; bucket?: string; key?: string };
  /** Root-module outputs the network tier declares. */
  networkOutputs: string[];
  /** Literal AWS ids (vpc-/subnet-/sg-…) found in the app tier's config: there should be none. */
  literalNetworkIds: string[];
}

export interface StateObjectEvidence {
  bucket: string;
  keys: string[];
  networkKey: string;
  networkStateFound: boolean;
  /** Names only: state files may hold secrets, so values never leave the collector. */
  networkStateOutputs: string[];
  networkStateResourceCount: number;
  terraformVersion?: string;
  lockfileInUse: boolean;
}

export interface ListenerEvidence {
  arn: string;
  protocol: string;
  port: number;
  sslPolicy?: string;
  certificateArns: string[];
  defaultActions: ActionRecord[];
  rules: { priority: string; isDefault: boolean; conditions: string[]; actions: { type: string; targetGroupArn?: string }[] }[];
}

export type TargetGroupEvidence = NetworkTargetGroupRecord & { attributes: Record<string, string>; targets: TargetHealthRecord[] };

export type LoadBalancerEvidence = LoadBalancerRecord;

export interface SecurityGroupEvidence {
  id: string;
  name: string;
  vpcId: string;
  ingress: SecurityGroupRuleRecord[];
}

export interface TwoTierEvidence {
  target: string;
  runId: string;
  config: RemoteStateConfigEvidence;
  state: StateObjectEvidence;
  network: { vpcId: string; vpcCidr: string; subnets: { id: string; cidr: string; zone: string; tier: string }[] };
  loadBalancers: LoadBalancerEvidence[];
  listeners: ListenerEvidence[];
  targetGroups: TargetGroupEvidence[];
  certificate: CertificateDetailRecord;
  securityGroups: { alb: SecurityGroupEvidence; backend: SecurityGroupEvidence };
  instances: { id: string; subnetId: string; vpcId: string; securityGroups: string[]; state: string }[];
  /** What the endpoint did when asked for a target group of each target type (created ones are deleted at once). */
  targetTypeProbe: { targetType: string; protocol: string; accepted: boolean; error?: string }[];
  /** The outputs the deployment produced (ids only). */
  outputs: Record<string, Record<string, unknown>>;
}
