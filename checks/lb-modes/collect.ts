/** The lb-modes lab's I/O: HAProxy in HTTP and TCP mode on loopback, then the ELBv2 API on the deployment. */
import type { LabContext } from '../../src/lab-api/lab.ts';
import { collectListenerProtocolEvidence } from './collect-api.ts';
import { collectLocalDataPlane } from './collect-data-plane.ts';
import type { LbModesEvidence } from './evidence.ts';

export async function collectLbModesEvidence(ctx: LabContext): Promise<LbModesEvidence> {
  ctx.log('lb-modes: HAProxy in HTTP mode and TCP mode on 127.0.0.1');
  const dataPlane = await collectLocalDataPlane(ctx);
  ctx.log('lb-modes: ELBv2 listener protocols on the ALB and the NLB');
  const api = await collectListenerProtocolEvidence(ctx);
  return { dataPlane, api };
}
