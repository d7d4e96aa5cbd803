/**
 * The load-balancer twin: HAProxy health checks configured from the same `healthCheck` constant the app tier's
 * target group is synthesized from, with every duration divided by one stated factor so an experiment takes
 * seconds instead of minutes. Pure.
 */
import { baseSections, haproxyMs, renderHaproxyConfig } from '../../src/haproxy/config.ts';

export interface TargetGroupHealthCheck {
  protocol: string;
  path: string;
  port: string;
  matcher: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
}

export interface TwinSettings {
  /** The target group's settings, as deployed. */
  targetGroup: TargetGroupHealthCheck;
  /** Every duration on the twin is the target group's divided by this. */
  timeScaleFactor: number;
  intervalMs: number;
  timeoutMs: number;
  rise: number;
  fall: number;
  /** The HAProxy line that implements the matcher. */
  expectLine: string;
}

export function twinSettings(hc: TargetGroupHealthCheck, timeScaleFactor: number): TwinSettings {
  return {
    targetGroup: { ...hc },
    timeScaleFactor,
    intervalMs: (hc.intervalSeconds * 1000) / timeScaleFactor,
    timeoutMs: (hc.timeoutSeconds * 1000) / timeScaleFactor,
    rise: hc.healthyThreshold,
    fall: hc.unhealthyThreshold,
    expectLine: matcherToExpect(hc.matcher),
  };
}

/** ALB matchers are "200", "200,202" or "200-299"; HAProxy takes one status or a regex on it. */
export function matcherToExpect(matcher: string): string {
  if (/^\d{3}$/.test(matcher.trim())) return `http-check expect status ${matcher.trim()}`;
  const alternatives = matcher.split(',').map((part) => {
    const range = /^(\d{3})-(\d{3})$/.exec(part.trim());
    if (!range) return part.trim();
    const [lo, hi] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i)).join('|');
  });
  return `http-check expect rstatus ^(${alternatives.join('|')})$`;
}

export interface TwinTopology {
  statsSocket: string;
  listenPort: number;
  targets: { name: string; port: number }[];
}

export function twinConfig(t: TwinTopology, s: TwinSettings, lbCrtFile: string): string {
  if (s.targetGroup.protocol !== 'HTTPS') throw new Error(`the twin models HTTPS health checks, not ${s.targetGroup.protocol}`);
  if (s.targetGroup.port !== 'traffic-port') throw new Error(`the twin checks the traffic port, not ${s.targetGroup.port}`);
  const inter = haproxyMs(s.intervalMs);
  return renderHaproxyConfig([
    ...baseSections({ statsSocket: t.statsSocket, mode: 'http', timeouts: { connect: haproxyMs(s.timeoutMs) } }),
    { kind: 'frontend', name: 'fe_twin', lines: [`bind 127.0.0.1:${t.listenPort} ssl crt ${lbCrtFile}`, 'default_backend be_targets'] },
    {
      kind: 'backend',
      name: 'be_targets',
      lines: [
        'balance roundrobin',
        'option httpchk',
        `http-check send meth GET uri ${s.targetGroup.path} ver HTTP/1.1 hdr Host twin.test`,
        s.expectLine,
        `timeout check ${haproxyMs(s.timeoutMs)}`,
        // An ALB checks at one fixed interval whatever the state, so HAProxy's faster transition intervals are pinned
        // to it. `ssl verify none`: an ALB does not verify target certificates, so self-signed ones are accepted.
        `default-server check ssl verify none inter ${inter} fastinter ${inter} downinter ${inter} rise ${s.rise} fall ${s.fall}`,
        ...t.targets.map((x) => `server ${x.name} 127.0.0.1:${x.port}`),
      ],
    },
  ]);
}
