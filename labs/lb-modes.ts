/**
 * Proxy vs pass-through load balancing, and what a reverse proxy does, shown on a real HAProxy in front of real
 * HTTPS backends on loopback, plus what the ELBv2 API says about listener protocols on the deployed ALB and NLB.
 */
import { lbModesClaims } from '../checks/lb-modes/claims.ts';
import type { Lab } from '../src/lab-api/lab.ts';
import type { LbModesEvidence } from '../checks/lb-modes/evidence.ts';

const lab: Lab<LbModesEvidence> = {
  id: 'lb-modes',
  title: 'Proxy, pass-through and reverse proxy: a real HAProxy in HTTP and TCP mode, and the ALB/NLB listener API',
  kind: 'aws',
  tools: ['haproxy'],
  claims: lbModesClaims,
  questions: [
    {
      id: 'proxy-passthrough-reverse-proxy',
      title: 'Proxy load balancer, pass-through load balancer and reverse proxy',
    },
  ],
  // Collectors load on use (HAProxy helpers, the AWS SDK), so judging-only paths and other labs' runs do not pay for them.
  collect: async (ctx) => (await import('../checks/lb-modes/collect.ts')).collectLbModesEvidence(ctx),
  collectBeforeDeployment: async (ctx) => (await import('../checks/lb-modes/collect.ts')).collectLbModesDataPlane(ctx),
};

export default lab;
