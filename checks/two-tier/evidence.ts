/** Evidence the two-tier lab collects once from the deployed stacks and their synthesized config. Plain JSON. */

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
  defaultActions: { type: string; targetGroupArn?: string; redirect?: { protocol?: string; port?: string; statusCode?: string } }[];
  rules: { priority: string; isDefault: boolean; conditions: string[]; actions: { type: string; targetGroupArn?: string }[] }[];
}

export interface TargetGroupEvidence {
  arn: string;
  name: string;
  protocol: string;
  port: number;
  vpcId: string;
  targetType: string;
  loadBalancerArns: string[];
  healthCheck: {
    enabled: boolean;
    protocol: string;
    path?: string;
    port: string;
    intervalSeconds: number;
    timeoutSeconds: number;
    healthyThreshold: number;
    unhealthyThreshold: number;
    matcher?: string;
  };
  attributes: Record<string, string>;
  targets: { id: string; port: number; state: string; reason?: string; description?: string }[];
}

export interface LoadBalancerEvidence {
  arn: string;
  name: string;
  type: string;
  scheme: string;
  state: string;
  vpcId: string;
  dnsName: string;
  availabilityZones: { zone: string; subnetId: string }[];
  securityGroups: string[];
}

export interface SecurityGroupEvidence {
  id: string;
  name: string;
  vpcId: string;
  ingress: { protocol: string; fromPort?: number; toPort?: number; cidrs: string[]; sourceGroups: string[] }[];
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
  certificate: { arn: string; type?: string; status?: string; domain?: string; notAfter?: string; inUseBy: string[]; keyAlgorithm?: string };
  securityGroups: { alb: SecurityGroupEvidence; backend: SecurityGroupEvidence };
  instances: { id: string; subnetId: string; vpcId: string; securityGroups: string[]; state: string }[];
  /** What the endpoint did when asked for a target group of each target type (created ones are deleted at once). */
  targetTypeProbe: { targetType: string; protocol: string; accepted: boolean; error?: string }[];
  /** The outputs the deployment produced (ids only). */
  outputs: Record<string, Record<string, unknown>>;
}
