/**
 * Settings the stacks deploy and the labs compare against (the health-check twin reads these, so the twin and
 * the deployed target group can never drift apart).
 */
export const healthCheck = {
  protocol: 'HTTPS',
  path: '/healthz',
  port: 'traffic-port',
  matcher: '200',
  intervalSeconds: 10,
  timeoutSeconds: 5,
  healthyThreshold: 3,
  unhealthyThreshold: 2,
} as const;

export const tlsPolicy = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export const backendPort = 443;
