import type { Lab } from '../src/labs/lab.ts';
import type { TwoTierEvidence } from '../checks/two-tier/evidence.ts';
import { judgeRemoteState } from '../checks/two-tier/judge-remote-state.ts';
import { judgeEndToEndTls } from '../checks/two-tier/judge-e2e-tls.ts';
import { judgeHealthChecks } from '../checks/two-tier/judge-health.ts';
import { judgeComponents } from '../checks/two-tier/judge-components.ts';

/**
 * One deployment (network tier + app tier with an internet-facing ALB, end-to-end TLS and health checks), four
 * questions. Evidence comes from the deployed stacks through the AWS SDK and from the synthesized config.
 */
const twoTier: Lab<TwoTierEvidence> = {
  id: 'two-tier',
  title: 'Two tiers on Terraform remote state, an ALB with end-to-end TLS and health checks',
  kind: 'aws',
  tools: ['engine', 'provider-mirror', 'moto'],
  // The collector pulls in the AWS SDK; loading it only when the lab runs keeps judging-only paths fast.
  collect: async (ctx) => (await import('../checks/two-tier/collect.ts')).collectTwoTierEvidence(ctx),
  questions: [
    {
      id: 'remote-state',
      title: 'Reading the network tier\'s state from the application tier',
      signature: [[/state file/i, /remote state/i, /\bstate\b/i], [/\btiers?\b/i, /network/i], [/terraform/i]],
      judge: (statements, evidence) => judgeRemoteState(statements, evidence),
    },
    {
      id: 'alb-end-to-end-tls',
      title: 'End-to-end encryption through an Application Load Balancer',
      signature: [[/end[- ]?(2|to)[- ]?end/i, /re-?encrypt/i], [/encrypt|TLS|HTTPS/i], [/load balancer|\bALB\b/i]],
      judge: (statements, evidence) => judgeEndToEndTls(statements, evidence),
    },
    {
      id: 'alb-healthy-targets',
      title: 'How the ALB decides which targets are healthy',
      signature: [[/\bhealthy\b|unhealthy/i], [/load balancer|\bALB\b/i], [/determine|decide|which/i]],
      judge: (statements, evidence) => judgeHealthChecks(statements, evidence),
    },
    {
      id: 'alb-components',
      title: 'ALB components: listeners, target groups, targets, nodes, health checks',
      signature: [[/listeners?/i], [/target groups?/i], [/load balancer|\bALB\b/i]],
      judge: (statements, evidence) => judgeComponents(statements, evidence),
    },
  ],
};

export default twoTier;
