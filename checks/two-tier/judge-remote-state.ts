import { judgeAnswer, type ExpectedFact, type StatementRule } from '../../src/model/judge-answer.ts';
import type { TwoTierEvidence } from './evidence.ts';
import { ev, outcome } from './outcome.ts';
import { src } from './sources.ts';

/** Evidence that the app tier really reads the network tier through remote state, shared by the rules below. */
function wiring(e: TwoTierEvidence) {
  const ds = e.config.dataSources.find((d) => d.backend === 's3');
  const sameState = !!ds && ds.bucket === e.config.networkBackend.bucket && ds.key === e.config.networkBackend.key;
  const albSubnets = e.loadBalancers.find((l) => l.type === 'application')?.availabilityZones.map((z) => z.subnetId) ?? [];
  const networkSubnets = new Set(e.network.subnets.map((s) => s.id));
  const placedInNetwork =
    albSubnets.length > 0 &&
    albSubnets.every((s) => networkSubnets.has(s)) &&
    e.instances.every((i) => i.vpcId === e.network.vpcId && networkSubnets.has(i.subnetId)) &&
    e.targetGroups.every((t) => t.vpcId === e.network.vpcId);
  const evidence = [
    ev('synthesized-config', ds ? `app tier: data "terraform_remote_state" "${ds.name}" { backend = "s3", bucket = ${ds.bucket}, key = ${ds.key} }` : 'app tier: no terraform_remote_state data source', e.config.dataSources),
    ev('synthesized-config', `app tier reads outputs: ${e.config.outputsRead.join(', ')}; literal network ids in its config: ${e.config.literalNetworkIds.length === 0 ? 'none' : e.config.literalNetworkIds.join(', ')}`),
    ev('s3', `state object s3://${e.state.bucket}/${e.state.networkKey} ${e.state.networkStateFound ? `exists (${e.state.networkStateResourceCount} resources, outputs: ${e.state.networkStateOutputs.join(', ')})` : 'NOT found'}`),
    ev('ec2/elbv2', `deployed app resources in the network tier's VPC ${e.network.vpcId}: ALB subnets ${albSubnets.join(', ')}; instances ${e.instances.map((i) => `${i.id}@${i.subnetId}`).join(', ')}${placedInNetwork ? '' : ' — NOT all inside the network tier'}`),
  ];
  return { ds, ok: !!ds && sameState && e.state.networkStateFound && placedInNetwork && e.config.literalNetworkIds.length === 0, evidence };
}

const rules: StatementRule<TwoTierEvidence>[] = [
  {
    id: 'remote-state-data-source',
    about: /remote[ _-]?state/i,
    judge: (_s, e) => {
      const w = wiring(e);
      return w.ok
        ? outcome('confirmed', `Yes: the app tier declares a terraform_remote_state data source (the exact type name is \`terraform_remote_state\`) pointing at the network tier's S3 state, and everything it deployed landed in the network tier's VPC and subnets, with no ids written into its code.`, w.evidence, [src.remoteState])
        : outcome('contradicted', `The deployment does not show the app tier reading the network tier through remote state (see evidence).`, w.evidence, [src.remoteState]);
    },
  },
  {
    id: 'data-source-block',
    about: /^(?![\s\S]*remote[ _-]?state)[\s\S]*data source/i,
    judge: (_s, e) => {
      const w = wiring(e);
      return w.ok
        ? outcome('confirmed', `Right: a data source block in the app tier (here \`data "terraform_remote_state" "${w.ds!.name}"\`) references the network tier's state by its backend settings and reads values from it at plan time.`, w.evidence, [src.dataSources, src.remoteState])
        : outcome('contradicted', 'No data source in the app tier references the network tier\'s state (see evidence).', w.evidence, [src.dataSources]);
    },
  },
];

const facts: ExpectedFact<TwoTierEvidence>[] = [
  {
    id: 'root-outputs-only',
    fact: 'Only root-module outputs of the network tier are readable through terraform_remote_state: the network tier must declare outputs (vpc_id, subnet ids, …) for the app tier to read.',
    mentionedBy: /\boutputs?\b/i,
    explain: (e) => ({
      explanation: `The app tier reads \`data.terraform_remote_state.<name>.outputs.<output>\`; resources and module internals of the other state are not reachable. Here the network tier declares ${e.config.networkOutputs.length} outputs and the app tier reads ${e.config.outputsRead.length} of them.`,
      evidence: [ev('synthesized-config', `network outputs: ${e.config.networkOutputs.join(', ')}; read by app: ${e.config.outputsRead.join(', ')}`)],
      sources: [src.remoteState],
    }),
  },
  {
    id: 'backend-settings',
    fact: 'The data source needs the network tier\'s backend settings (here S3 bucket, key and region) — it reads the state where that backend stores it.',
    mentionedBy: /backend|bucket|\bs3\b|\bkey\b/i,
    explain: (e) => ({
      explanation: `Remote state is read from a backend, so the app tier must know where the network tier keeps its state. Here both use bucket ${e.state.bucket}, each tier under its own key${e.state.lockfileInUse ? ', with S3 lock files (use_lockfile)' : ''}.`,
      evidence: [ev('s3', `objects in the state bucket: ${e.state.keys.join(', ')}`), ev('synthesized-config', `network backend: ${e.config.networkBackend.type} ${e.config.networkBackend.bucket}/${e.config.networkBackend.key}`)],
      sources: [src.s3Backend, src.remoteState],
    }),
  },
  {
    id: 'whole-state-access',
    fact: 'Reading remote state needs read access to the whole network state snapshot, which can contain sensitive values — not just to the outputs.',
    mentionedBy: /access|permission|sensitive|secret|whole state|entire state|full state/i,
    explain: (e) => ({
      explanation: 'Terraform documents that the user of terraform_remote_state must have access to the entire state snapshot. Grant the app tier read access to that one state object only, and keep secrets out of the network tier\'s state where you can.',
      evidence: [ev('s3', `the app tier's plan read s3://${e.state.bucket}/${e.state.networkKey} as a whole object (${e.state.networkStateResourceCount} resources in it)`)],
      sources: [src.remoteState],
    }),
  },
  {
    id: 'alternatives',
    fact: 'Alternatives that avoid sharing state: publish values to SSM Parameter Store (aws_ssm_parameter) or look resources up with data sources by tag (e.g. aws_vpc with filters).',
    mentionedBy: /ssm|parameter store|tfe_outputs|by tags?|aws_vpc|filter|consul/i,
    explain: () => ({
      explanation: 'HashiCorp recommends explicitly publishing the values another configuration needs (for example in SSM Parameter Store) or finding resources with provider data sources, so consumers do not need access to the whole state.',
      evidence: [ev('documentation', 'terraform_remote_state docs: "we recommend explicitly publishing data for external consumption to a separate location"')],
      sources: [src.remoteState, src.ssmParameter, src.awsVpcData],
    }),
  },
];

export function judgeRemoteState(statements: readonly string[], evidence: TwoTierEvidence) {
  return judgeAnswer(statements, evidence, rules, facts);
}
