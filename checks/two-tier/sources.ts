import type { Source } from '../../src/model/types.ts';

export const src = {
  remoteState: { title: 'Terraform: The terraform_remote_state data source', url: 'https://developer.hashicorp.com/terraform/language/state/remote-state-data' },
  s3Backend: { title: 'Terraform: S3 backend (use_lockfile, key per state)', url: 'https://developer.hashicorp.com/terraform/language/backend/s3' },
  dataSources: { title: 'Terraform: Data sources', url: 'https://developer.hashicorp.com/terraform/language/data-sources' },
  ssmParameter: { title: 'AWS provider: aws_ssm_parameter data source', url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ssm_parameter' },
  awsVpcData: { title: 'AWS provider: aws_vpc data source (look up by tags/filters)', url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/vpc' },
  httpsListener: { title: 'ELB: Create an HTTPS listener for your Application Load Balancer', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html' },
  securityPolicies: { title: 'ELB: Security policies for your Application Load Balancer', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html' },
  acmImport: { title: 'ACM: Import certificates into AWS Certificate Manager', url: 'https://docs.aws.amazon.com/acm/latest/userguide/import-certificate.html' },
  targetGroups: { title: 'ELB: Target groups for your Application Load Balancers', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html' },
  backendCerts: { title: 'ELB: Target groups — routing configuration (the load balancer does not validate target certificates)', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#target-group-routing-configuration' },
  albSecurityGroups: { title: 'ELB: Security groups for your Application Load Balancer', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html' },
  healthChecks: { title: 'ELB: Health checks for Application Load Balancer target groups', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html' },
  listeners: { title: 'ELB: Listeners for your Application Load Balancers', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html' },
  albOverview: { title: 'ELB: What is an Application Load Balancer?', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/introduction.html' },
  howElbWorks: { title: 'ELB: How Elastic Load Balancing works (load balancer nodes, cross-zone)', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html' },
  redirect: { title: 'ELB: Listener rules — redirect actions', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-action-types.html' },
  cloudwatch: { title: 'ELB: CloudWatch metrics for your Application Load Balancer', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html' },
} satisfies Record<string, Source>;
