/**
 * Proxy vs pass-through load balancing, and what a reverse proxy does, shown on a real HAProxy in front of real
 * HTTPS backends on loopback, plus what the ELBv2 API says about listener protocols on the deployed ALB and NLB.
 */
import { lbModesClaims } from '../checks/lb-modes/claims.ts';
import type { Lab, LabContext } from '../src/labs/lab.ts';
import type { LbModesEvidence } from '../checks/lb-modes/evidence.ts';

// Collectors load on use (HAProxy helpers, the AWS SDK), so judging-only paths and other labs' runs do not pay for them.
async function collectDataPlane(ctx: LabContext): Promise<LbModesEvidence['dataPlane']> {
  const { collectLocalDataPlane } = await import('../checks/lb-modes/collect-data-plane.ts');
  ctx.log('lb-modes: HAProxy in HTTP mode and TCP mode on 127.0.0.1');
  return collectLocalDataPlane(ctx);
}

async function collect(ctx: LabContext): Promise<LbModesEvidence> {
  // `lab run` gathers the HAProxy part while Terraform deploys; it needs nothing from the deployment.
  const dataPlane = (ctx.early as LbModesEvidence['dataPlane'] | undefined) ?? (await collectDataPlane(ctx));
  const { collectListenerProtocolEvidence } = await import('../checks/lb-modes/collect-api.ts');
  ctx.log('lb-modes: ELBv2 listener protocols on the ALB and the NLB');
  const api = await collectListenerProtocolEvidence(ctx);
  return { dataPlane, api };
}

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
  collect,
  collectBeforeDeployment: collectDataPlane,
};

export default lab;
