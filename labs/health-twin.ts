/**
 * How an ALB decides which targets are healthy, shown on an HAProxy twin configured from the target group's
 * health-check settings (scaled down in time): measured down/up times, the all-unhealthy case next to what AWS
 * documents, and a capture proving the LB → target leg carries only TLS.
 */
import { healthTwinClaims } from '../checks/health-twin/claims.ts';
import type { Lab } from '../src/lab-api/lab.ts';
import type { HealthTwinEvidence } from '../checks/health-twin/evidence.ts';

const lab: Lab<HealthTwinEvidence> = {
  id: 'health-twin',
  title: 'ALB health checks, measured on an HAProxy twin configured from the target group settings',
  kind: 'local',
  tools: ['haproxy', 'tcpdump', 'tshark'],
  claims: healthTwinClaims,
  questions: [
    {
      id: 'healthy-targets',
      title: 'How the ALB decides which backends are healthy (behaviour)',
    },
  ],
  // Collectors load on use, so judging-only paths (and other labs' runs) do not pay for them.
  collect: async (ctx) => (await import('../checks/health-twin/collect.ts')).collectHealthTwin(ctx),
};

export default lab;
