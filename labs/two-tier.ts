import { twoTierClaims } from '../checks/two-tier/claims.ts';
import type { Lab } from '../src/lab-api/lab.ts';
import type { TwoTierEvidence } from '../checks/two-tier/evidence.ts';

/**
 * One deployment (network tier + app tier with an internet-facing ALB, end-to-end TLS and health checks), three
 * questions (how targets become healthy is the health-twin lab's question). Evidence comes from the deployed stacks through the AWS SDK and from the synthesized config.
 */
const twoTier: Lab<TwoTierEvidence> = {
  id: 'two-tier',
  title: 'Two tiers on Terraform remote state, an ALB with end-to-end TLS and health checks',
  kind: 'aws',
  tools: ['engine', 'provider-mirror', 'moto'],
  // The collector pulls in the AWS SDK; loading it only when the lab runs keeps judging-only paths fast.
  collect: async (ctx) => (await import('../checks/two-tier/collect.ts')).collectTwoTierEvidence(ctx),
  claims: twoTierClaims,
  questions: [
    { id: 'remote-state', title: "Reading the network tier's state from the application tier" },
    { id: 'alb-end-to-end-tls', title: 'End-to-end encryption through an Application Load Balancer' },
    { id: 'alb-components', title: 'ALB components: listeners, target groups, targets, nodes, health checks' },
  ],
};

export default twoTier;
