import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assertLocalStackServesStacks,
  explainLocalStackLog,
  isLocalStackPlanRefusal,
  localStackSpec,
  readLocalStackHealth,
} from '../../src/targets/localstack.ts';
import { demuxDockerLog } from '../../src/targets/container-emulator.ts';

// LocalStack cannot run here (no image can be pulled); its answers, as LocalStack gave them to users, are in
// test/fixtures/localstack (SOURCES.md says where each comes from). The HTTP boundary is faked with them.
const fixture = (name: string) => readFileSync(new URL(`../fixtures/localstack/${name}`, import.meta.url), 'utf8');
const TOKEN = 'ls-SECRET-token-1234';

function fakeLocalStack(health: string, elbv2Answer: string, elbv2Status = 200): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (url.pathname === '/_localstack/health') return new Response(health, { status: 200, headers: { 'content-type': 'application/json' } });
    return new Response(elbv2Answer, { status: elbv2Status, headers: { 'content-type': 'text/xml' } });
  }) as typeof fetch;
}

describe('LocalStack: auth token', () => {
  it('refuses to start without LOCALSTACK_AUTH_TOKEN, saying where to get one', () => {
    expect(() => localStackSpec(undefined, {})).toThrow(/LocalStack needs LOCALSTACK_AUTH_TOKEN/);
  });

  it('passes the token to the container environment only', () => {
    const spec = localStackSpec(undefined, { LOCALSTACK_AUTH_TOKEN: TOKEN });
    expect(spec.environment?.LOCALSTACK_AUTH_TOKEN).toBe(TOKEN);
    expect(spec.image).toBe('localstack/localstack:4');
    expect(spec.healthPath).toBe('/_localstack/health');
    expect(spec.environment?.SERVICES.split(',')).toEqual(expect.arrayContaining(['ec2', 'elbv2', 'acm', 's3']));
  });

  it('reads the recorded auth failure log (exit code 55) as a license problem, with its reason', () => {
    const explained = explainLocalStackLog(fixture('auth-token-missing.container-log.txt'));
    expect(explained).toMatch(/license activation failed \(No credentials were found in the environment\./);
    expect(explained).toMatch(/Check LOCALSTACK_AUTH_TOKEN/);
    expect(explainLocalStackLog('Ready.\n')).toBeUndefined();
  });

  it('reads the log out of docker\'s multiplexed stream', () => {
    const text = 'The license activation failed for the following reason:\n';
    const frame = Buffer.alloc(8);
    frame[0] = 2;
    frame.writeUInt32BE(Buffer.byteLength(text), 4);
    expect(demuxDockerLog(Buffer.concat([frame, Buffer.from(text)]))).toBe(text);
    expect(demuxDockerLog(Buffer.from('plain tty text'))).toBe('plain tty text');
  });
});

describe('LocalStack: /_localstack/health and the paid-tier ELBv2', () => {
  it('a community image lacks elbv2', () => {
    expect(readLocalStackHealth(JSON.parse(fixture('health-community.json')))).toEqual({ edition: 'community', version: '4.0.3', unavailable: ['elbv2'] });
  });

  it('a plan with ELBv2 serves every service the stacks need', () => {
    expect(readLocalStackHealth(JSON.parse(fixture('health-pro.json'))).unavailable).toEqual([]);
  });

  it('recognises the recorded plan refusal, and only it', () => {
    expect(isLocalStackPlanRefusal(fixture('elbv2-plan-refusal.xml'))).toBe(true);
    expect(isLocalStackPlanRefusal('<DescribeLoadBalancersResponse><DescribeLoadBalancersResult><LoadBalancers/></DescribeLoadBalancersResult></DescribeLoadBalancersResponse>')).toBe(false);
  });

  it('stops before deploying on a community LocalStack, naming the paid tier', async () => {
    const fake = fakeLocalStack(fixture('health-community.json'), fixture('elbv2-plan-refusal.xml'), 501);
    await expect(assertLocalStackServesStacks('http://127.0.0.1:4566', fake)).rejects.toThrow(/does not serve ELBv2.*paid tier/);
  });

  it('stops when health lists elbv2 but the API still refuses it (plan without ELBv2)', async () => {
    const fake = fakeLocalStack(fixture('health-pro.json'), fixture('elbv2-plan-refusal.xml'), 501);
    const err = await assertLocalStackServesStacks('http://127.0.0.1:4566', fake).catch((e) => e);
    expect(err.message).toMatch(/paid tier/);
    expect(err.fix).toMatch(/moto-container/);
    expect(JSON.stringify({ message: err.message, fix: err.fix, kept: err.kept })).not.toContain(TOKEN);
  });

  it('goes ahead when ELBv2 answers', async () => {
    const fake = fakeLocalStack(fixture('health-pro.json'), '<DescribeLoadBalancersResponse><DescribeLoadBalancersResult><LoadBalancers/></DescribeLoadBalancersResult></DescribeLoadBalancersResponse>');
    await expect(assertLocalStackServesStacks('http://127.0.0.1:4566', fake)).resolves.toMatchObject({ edition: 'pro', unavailable: [] });
  });
});
