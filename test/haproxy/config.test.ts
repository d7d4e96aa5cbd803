import { describe, expect, it } from 'vitest';
import { renderHaproxyConfig, baseSections } from '../../src/haproxy/config.ts';
import { parseShowStat } from '../../src/haproxy/stats.ts';
import { matcherToExpect, twinConfig, twinSettings } from '../../checks/health-twin/twin-config.ts';
import { healthCheck } from '../../stacks/settings.ts';

describe('renderHaproxyConfig', () => {
  it('renders sections with indented lines', () => {
    const text = renderHaproxyConfig([...baseSections({ statsSocket: '/tmp/s.sock', mode: 'tcp' }), { kind: 'backend', name: 'b', lines: ['server a 127.0.0.1:1'] }]);
    expect(text).toContain('global\n    stats socket /tmp/s.sock mode 600 level admin');
    expect(text).toContain('defaults\n    mode tcp');
    expect(text).toMatch(/backend b\n {4}server a 127\.0\.0\.1:1\n$/);
  });
});

describe('health-check twin settings', () => {
  it('scales the target group settings by the stated factor and maps thresholds to rise/fall', () => {
    const s = twinSettings(healthCheck, 20);
    expect(s).toMatchObject({ intervalMs: 500, timeoutMs: 250, rise: healthCheck.healthyThreshold, fall: healthCheck.unhealthyThreshold, timeScaleFactor: 20 });
    const cfg = twinConfig({ statsSocket: '/s', listenPort: 1, targets: [{ name: 't1', port: 2 }] }, s, '/lb.pem');
    expect(cfg).toContain(`http-check send meth GET uri ${healthCheck.path}`);
    expect(cfg).toContain('http-check expect status 200');
    expect(cfg).toContain('default-server check ssl verify none inter 500ms fastinter 500ms downinter 500ms rise 3 fall 2');
    expect(cfg).toContain('timeout check 250ms');
  });

  it('turns ALB matcher lists and ranges into an HAProxy status regex', () => {
    expect(matcherToExpect('200')).toBe('http-check expect status 200');
    expect(matcherToExpect('200,204')).toBe('http-check expect rstatus ^(200|204)$');
    expect(matcherToExpect('200-202')).toBe('http-check expect rstatus ^(200|201|202)$');
  });

  it('refuses settings the twin cannot model', () => {
    expect(() => twinConfig({ statsSocket: '/s', listenPort: 1, targets: [] }, twinSettings({ ...healthCheck, protocol: 'HTTP' }, 20), '/x')).toThrow(/HTTPS/);
  });
});

describe('parseShowStat', () => {
  it('reads the columns by header name', () => {
    const csv = '# pxname,svname,qcur,stot,status,check_status,check_code\nbe,t1,0,7,UP,L7OK,200\nbe,t2,0,3,DOWN 1/3,L7STS,503\n';
    expect(parseShowStat(csv)).toEqual([
      { proxy: 'be', server: 't1', status: 'UP', checkStatus: 'L7OK', checkCode: '200', sessions: 7 },
      { proxy: 'be', server: 't2', status: 'DOWN 1/3', checkStatus: 'L7STS', checkCode: '503', sessions: 3 },
    ]);
  });
});
