/** The lb-modes lab's I/O: HAProxy in HTTP and TCP mode on loopback, then the ELBv2 API on the deployment. */
import type { LabContext } from '../../src/lab-api/lab.ts';
import { collectListenerProtocolEvidence } from './collect-api.ts';
import { collectLocalDataPlane } from './collect-data-plane.ts';
import type { LbModesEvidence } from './evidence.ts';

/** The HAProxy part needs nothing from the deployment: `lab run` runs it while Terraform deploys. */
export async function collectLbModesDataPlane(ctx: LabContext): Promise<LbModesEvidence['dataPlane']> {
  ctx.log('lb-modes: HAProxy in HTTP mode and TCP mode on 127.0.0.1');
  return collectLocalDataPlane(ctx);
}

export async function collectLbModesEvidence(ctx: LabContext): Promise<LbModesEvidence> {
  const dataPlane = (ctx.early as LbModesEvidence['dataPlane'] | undefined) ?? (await collectLbModesDataPlane(ctx));
  ctx.log('lb-modes: ELBv2 listener protocols on the ALB and the NLB');
  const api = await collectListenerProtocolEvidence(ctx);
  return { dataPlane, api };
}
