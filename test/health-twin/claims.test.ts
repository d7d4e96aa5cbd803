/**
 * The health-twin lab's claim book: learner statements about ALB target health checks, in many wordings, → the
 * verdict a careful reviewer holding the AWS documentation would give, judged on the recorded reference evidence
 * (an HAProxy twin of the target group). Pure and fast: no I/O beyond reading JSON.
 */
import { describe, expect, it } from 'vitest';
import healthTwinLab from '../../labs/health-twin.ts';
import type { Lab } from '../../src/labs/lab.ts';
import type { HealthTwinEvidence, TwinEvidence } from '../../checks/health-twin/evidence.ts';
import { observers } from '../../checks/health-twin/observe.ts';
import { judgeAlone, statementVerdict } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';

// The registry holds labs as Lab<unknown>; judgeAlone takes them so.
const lab = healthTwinLab as unknown as Lab;
const reference = loadReferenceEvidence().get('health-twin')!.evidence as TwinEvidence;
const QUESTION = 'health-twin/healthy-targets';
const notRun: HealthTwinEvidence = { status: 'unverifiable', reason: 'haproxy is not installed on this machine' };

function judge(statement: string, evidence: HealthTwinEvidence = reference) {
  return judgeAlone(statement, [lab], new Map([['health-twin', evidence]]), () => 'local', QUESTION);
}
const verdict = (statement: string, evidence?: HealthTwinEvidence) => statementVerdict(judge(statement, evidence).claims);

type Expect = 'confirmed' | 'contradicted' | 'imprecise' | 'unjudged';

/** Our own wordings of the facts the question turns on, right and wrong (AWS defaults for instance/ip targets). */
const paraphrases: [string, Expect][] = [
  // unhealthy threshold: 2 consecutive failures by default
  ['Out of the box, a target is flagged unhealthy once two health checks in a row fail.', 'confirmed'],
  ['UnhealthyThresholdCount defaults to 2.', 'confirmed'],
  ['Targets go unhealthy after 2 consecutive failures and come back after 5 consecutive successes.', 'confirmed'],
  ['The default unhealthy threshold is three failed checks.', 'contradicted'],
  ['By default an instance has to miss 5 checks back to back before the ALB marks it unhealthy.', 'contradicted'],
  ['With default settings a target is declared unhealthy after ten successive failed health checks.', 'contradicted'],
  // one failure is not enough
  ['One failed probe is all it takes for the load balancer to pull a target from rotation.', 'imprecise'],
  ['A single bad health check response immediately marks the instance as unhealthy.', 'imprecise'],
  ['The moment an instance fails its health check the ALB considers it unhealthy.', 'imprecise'],
  ['Targets are marked as unhealthy when they fail the health check.', 'imprecise'],
  ["A target doesn't get marked unhealthy after just one failed check; it takes consecutive failures.", 'confirmed'],
  ['If a target fails a health check, it is not immediately marked unhealthy.', 'confirmed'],
  ['A target is only considered unhealthy after failing several checks in a row.', 'confirmed'],
  // healthy threshold: 5 consecutive successes by default
  ['An unhealthy target has to pass the check five times in a row before it receives requests again.', 'confirmed'],
  ['HealthyThresholdCount is 5 unless you change it.', 'confirmed'],
  ['The healthy threshold defaults to 3.', 'contradicted'],
  ['With the defaults, 2 successful checks in a row are enough for a failed target to rejoin.', 'contradicted'],
  ['A recovered instance only needs one good health check to be put back in service.', 'imprecise'],
  ['Once the target passes a single check it is healthy again.', 'imprecise'],
  // a new target needs one passing check
  ['A newly registered target must pass one health check before it receives traffic.', 'confirmed'],
  ['Freshly registered targets sit in the initial state until they pass a check.', 'confirmed'],
  ["New instances get traffic the moment they're registered, without waiting for health checks.", 'contradicted'],
  // interval, timeout, path, matcher, protocol, port defaults
  ['Unless you change them, health checks fire every 30 s with a 5 s timeout.', 'confirmed'],
  ['The default health check interval is half a minute.', 'unjudged'],
  ['ALB health checks default to a 10 second interval.', 'contradicted'],
  ['By default the timeout for a health check is 30 seconds.', 'contradicted'],
  ['Health checks run every 5 seconds by default.', 'contradicted'],
  ['The health check path defaults to /health.', 'contradicted'],
  ['By default the ALB probes the root path / of each target.', 'confirmed'],
  ['A default health check only treats HTTP 200 as success.', 'confirmed'],
  ['By default, any 2xx status counts as healthy for a target.', 'contradicted'],
  ['Health checks use HTTP by default.', 'confirmed'],
  ['By default ALB health checks are sent over HTTPS.', 'contradicted'],
  ['Unless configured otherwise, the health check goes to the traffic port of the target.', 'confirmed'],
  // ranges and what can be changed
  ['The health check interval can be anything from 5 to 300 seconds.', 'confirmed'],
  ['You can set the unhealthy threshold as low as 1.', 'contradicted'],
  ['Both thresholds can range between 2 and 10 checks.', 'confirmed'],
  ['You may configure the success codes to accept a range such as 200-399.', 'confirmed'],
  ['The matcher can be set to treat 500 responses as healthy.', 'contradicted'],
  ['For ALB target groups you can tweak the health check path, interval, timeout and thresholds.', 'confirmed'],
  ['ALB health checks can also be run over TCP or HTTP.', 'contradicted'],
  // all targets unhealthy: fail open
  ['If none of the targets pass their checks, the ALB sends traffic to all of them anyway.', 'confirmed'],
  ['With all targets unhealthy, the ALB ignores health status and spreads requests over every target.', 'confirmed'],
  ['When the whole target group is unhealthy, the load balancer returns 503 errors to clients.', 'contradicted'],
  ['If every instance fails its health checks, the ALB fails closed and drops requests.', 'contradicted'],
  // routing to healthy targets only; nothing is deregistered
  ['The load balancer only forwards requests to targets that are currently healthy.', 'confirmed'],
  ['Traffic is no longer sent to an instance once it has been marked unhealthy.', 'confirmed'],
  ['An unhealthy target is deregistered from its target group by the ALB.', 'contradicted'],
  ['The ALB terminates instances that fail their health checks.', 'contradicted'],
  // where settings live, who checks
  ['You configure health checks on the target group, not on the listener.', 'confirmed'],
  ['Health check settings are defined per listener.', 'contradicted'],
  ['An instance registered in two target groups gets checked with each group\'s own settings.', 'confirmed'],
  ['Every ALB node health-checks each registered target on its own.', 'confirmed'],
  ['A single central health checker probes all the targets for the ALB.', 'contradicted'],
  // how health is found out
  ['Health checks are synthetic requests the load balancer sends on a fixed schedule.', 'confirmed'],
  ['The ALB decides health passively, by watching whether real client requests fail.', 'contradicted'],
  // states
  ["A target's health state can be initial, healthy, unhealthy, unused or draining.", 'confirmed'],
  ['Target health states are InService and OutOfService.', 'contradicted'],
  // HTTPS health checks are encrypted
  ['With an HTTPS target group the health checks travel over TLS too.', 'confirmed'],
  ['Even with HTTPS targets, health checks go over the wire in plaintext.', 'contradicted'],
  // vague or off-topic: never confirmed for being on topic
  ['Health checks are important for reliability.', 'unjudged'],
  ['I spent the afternoon reading about target groups.', 'unjudged'],
  ['The ALB uses health checks to figure out which targets are fine.', 'unjudged'],
  ['Keepalive probes are sent every 75 seconds on Linux.', 'unjudged'],
  ['Our team prefers blue/green deployments.', 'unjudged'],
];

describe('health-twin claims: paraphrases', () => {
  it.each(paraphrases)('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

/** More wordings of the same facts: styles learners use (labels, numbered steps, hedges, typos, two claims). */
const morePhrasings: [string, Expect][] = [
  ["The ALB needs to see two failed health checks back-to-back before it stops sending traffic to a target.", 'confirmed'],
  ["Default unhealthy threshold: 2.", 'confirmed'],
  ["Default healthy threshold: 2.", 'contradicted'],
  ["Health check interval (default): 30 seconds.", 'confirmed'],
  ["Timeout (default) = 5s", 'confirmed'],
  ["By default targets get checked once a minute.", 'contradicted'],
  ["A target must fail one health check to be marked unhealthy.", 'imprecise'],
  ["A single health check failure takes a target out of service.", 'imprecise'],
  ["Targets that stop answering /healthz are excluded from routing after the unhealthy threshold is reached.", 'confirmed'],
  ["When all registered targets are unhealthy, requests are still spread across all of them.", 'confirmed'],
  ["If the whole group goes red, the ALB responds with HTTP 503.", 'contradicted'],
  ["Health checks are defined per target group, so two groups can check the same instance differently.", 'confirmed'],
  ["The ALB as a whole has one health check configuration shared by all target groups.", 'contradicted'],
  ["The health check request is sent by each of the load balancer's nodes.", 'confirmed'],
  ["Target health is decided by probing each target with HTTP requests at a regular interval.", 'confirmed'],
  ["The load balancer infers health from errors in live traffic.", 'contradicted'],
  ["The possible target statuses include healthy, unhealthy and draining.", 'confirmed'],
  ["A target's status can be 'pending' while it boots.", 'contradicted'],
  ["Health checks to HTTPS targets are encrypted but the ALB doesn't validate the target certificate.", 'confirmed'],
  ["The success codes for the health check can be widened to 200-499.", 'confirmed'],
  ["You can't change the matcher; it is always 200.", 'contradicted'],
  ["The healthy threshold can be set anywhere between 2 and 10.", 'confirmed'],
  ["The interval can go down to 1 second.", 'contradicted'],
  ["An unhealthy instance has to pass five checks in a row, by default, to be put back in rotation.", 'confirmed'],
  ["After recovery the target gets traffic again as soon as one health check succeeds.", 'imprecise'],
  ["Each check has 5 seconds to get a response before it counts as failed.", 'confirmed'],
  ["Out of the box the ALB checks the /index.html page.", 'contradicted'],
  ["By default the target must return a 200 OK for the check to pass.", 'confirmed'],
  ["A target that times out twice in a row is considered unhealthy under default settings.", 'confirmed'],
  ["The target group has two instances in it.", 'unjudged'],
  ["Health checks helped us catch a broken deploy last week.", 'unjudged'],
  ["Unhealthy threshold - the number of consecutive failed checks before a target is out; AWS default is 2.", 'confirmed'],
  ["Healthy threshold: I think it's 10 consecutive passes by default.", 'contradicted'],
  ["1. the LB sends a GET to the health check path every HealthCheckIntervalSeconds (30 by default)", 'confirmed'],
  ["the instance is taken out right after it fails its first health check", 'imprecise'],
  ["a target isnt declared unhealthy on the first failure, it needs the unhealthy threshold of failures in a row", 'confirmed'],
  ["I believe the ALB waits for 3 failed checks in a row by default before marking the target unhealthy", 'contradicted'],
  ["Healthy again after 5 successfull checks in a row (default)", 'confirmed'],
  ["Back in service as soon as it answers 200 once.", 'imprecise'],
  ["With default settings the target has 2 seconds to respond to a health check.", 'contradicted'],
  ["by default the target is given 5 secs to reply before the check is counted as failed", 'confirmed'],
  ["default matcher is HTTP 200", 'confirmed'],
  ["The default success codes are 200-299.", 'contradicted'],
  ["If every target is unhealthy the load balancer fails open.", 'confirmed'],
  ["when all the backends are down, the ALB stops forwarding requests and the users get errors", 'contradicted'],
  ["unhealthy targets keep getting health checks but receive no new requests", 'confirmed'],
  ["The ALB removes an unhealthy instance from the target group.", 'contradicted'],
  ["The health-check config is a property of the target group.", 'confirmed'],
  ["Health checks are set on each target individually.", 'contradicted'],
  ["All the LB nodes probe the targets independently.", 'confirmed'],
  ["The ALB only knows a backend is down when client requests to it start failing.", 'contradicted'],
  ["Possible states: initial, healthy, unhealthy, draining, unused.", 'confirmed'],
  ["A target can be in a \"degraded\" state.", 'contradicted'],
  ["Interval: configurable from 5 to 300 s.", 'confirmed'],
  ["Thresholds can be anything from 1 to 20.", 'contradicted'],
  ["Health checks are a core part of the ALB.", 'unjudged'],
  ["So the ALB keeps polling each target and only counts it as unhealthy after the check has failed a couple of times consecutively.", 'confirmed'],
  ["basically if /health returns a 500 the target is immediately out of the pool", 'imprecise'],
  ["It takes 3 failed checks in a row (AWS default) before a target is considered down.", 'contradicted'],
  ["AWS defaults: 30s interval, 5s timeout, 5 healthy / 2 unhealthy.", 'confirmed'],
  ["AWS defaults: 10s interval, 5s timeout, 3 healthy / 3 unhealthy.", 'contradicted'],
  ["a failed target gets requests again only after several good checks in a row", 'confirmed'],
  ["the target is back in rotation after one successful health check", 'imprecise'],
  ["even when all targets are failing health checks the ALB still sends them traffic", 'confirmed'],
  ["if there are no healthy targets left the ALB returns a 503 Service Unavailable", 'contradicted'],
  ["health checks are done independently by every load balancer node", 'confirmed'],
  ["Health checks are only sent by one of the ALB nodes.", 'contradicted'],
  ["health is determined with active probes, not by looking at client traffic", 'confirmed'],
  ["By default the health check hits /healthz.", 'contradicted'],
  ["default health check path is \"/\"", 'confirmed'],
  ["the default matcher accepts 200 to 399", 'contradicted'],
  ["The ALB deregisters targets as soon as they become unhealthy.", 'contradicted'],
  ["An unhealthy target stays registered; the ALB just stops routing requests to it.", 'confirmed'],
  ["I configured the health check in Terraform.", 'unjudged'],
  ["Failing twice in a row (the default) gets a target flagged unhealthy.", 'confirmed'],
  ["Failing four times in a row (the default) gets a target flagged unhealthy.", 'contradicted'],
  ["When a health check to an instance fails, the ALB instantly stops sending it requests.", 'imprecise'],
  ["It is not a single failed probe that takes a target out but a run of them.", 'confirmed'],
  ["HealthyThresholdCount (default 5) is how many passes in a row bring it back.", 'confirmed'],
  ["A target comes back after 2 passing checks in a row by default.", 'contradicted'],
  ["Defaults for an ip target group: checks every 30 s, 5 s timeout.", 'confirmed'],
  ["Defaults: interval 60 seconds, timeout 10 seconds.", 'contradicted'],
  ["The default ping path is the root (/).", 'confirmed'],
  ["By default only a 200 response counts as a pass.", 'confirmed'],
  ["By default a 302 redirect also counts as a passing check.", 'contradicted'],
  ["Health checks go out over HTTP unless you pick HTTPS.", 'confirmed'],
  ["If a whole target group fails its checks, the ALB routes to all targets regardless.", 'confirmed'],
  ["With every target unhealthy, the ALB refuses the requests.", 'contradicted'],
  ["An unhealthy target gets no new requests until it recovers.", 'confirmed'],
  ["Each target group carries its own health check settings.", 'confirmed'],
  ["Each LB node runs its own health checks against the targets.", 'confirmed'],
  ["ALB health checks are passive; the ALB watches real traffic.", 'contradicted'],
  ["Target states include initial, healthy, unhealthy, draining and unavailable.", 'confirmed'],
  ["The interval can't be shorter than 60 seconds.", 'contradicted'],
  ["Health checks matter a lot.", 'unjudged'],
  ["Recovery: a previously failing target is only sent requests again after five good health checks one after another (AWS default).", 'confirmed'],
  ["healthy threshold defaults to five, so a recovering node waits for 5 successes", 'confirmed'],
  ["Recovery: by default one needs just three good checks in a row before the target is back.", 'contradicted'],
  ["The default HealthyThresholdCount is 2.", 'contradicted'],
  ["Unless changed, two failures in a row are enough to mark a target unhealthy.", 'confirmed'],
  ["unhealthy after 2 consecutive failed probes (default setting)", 'confirmed'],
  ["Unless changed, five failures in a row are needed to mark a target unhealthy.", 'contradicted'],
  ["default UnhealthyThresholdCount = 3", 'contradicted'],
  ["The instant one health check fails, the load balancer stops routing to that target.", 'imprecise'],
  ["Any failed check means the target is taken out of the pool straight away.", 'imprecise'],
  ["Default success matcher: 200. You can change it to e.g. 200,202 or a range.", 'confirmed'],
  ["Only an HTTP 200 passes by default, though the matcher accepts other codes if you configure it.", 'confirmed'],
  ["The default matcher treats every 2xx and 3xx status as healthy.", 'contradicted'],
  ["By default anything below 400 is a successful health check.", 'contradicted'],
  ["Left at defaults, each target is probed on / every thirty seconds, with five seconds allowed for the response.", 'confirmed'],
  ["Default path /, interval 30 seconds, timeout 5 seconds.", 'confirmed'],
  ["If all of the group's targets fail their checks, the ALB fails open and keeps sending them requests.", 'confirmed'],
  ["No healthy targets at all? Then the ALB treats all of them as healthy and keeps routing.", 'confirmed'],
  ["If all of the group's targets fail their checks, the ALB returns 503 to every client.", 'contradicted'],
  ["When none of the targets is healthy, the ALB drops all incoming requests.", 'contradicted'],
  ["Since health checks live on the target group, one instance in two groups can be checked on two different paths.", 'confirmed'],
  ["Health check configuration is per target group rather than per load balancer.", 'confirmed'],
  ["Checks run every 30 seconds by default and four consecutive successes mark a target healthy again.", 'contradicted'],
  ["Checks run every 15 seconds by default and five consecutive successes mark a target healthy again.", 'contradicted'],
  ["A sick target has to string together 5 successful health checks before the ALB trusts it again (that's the default).", 'confirmed'],
  ["A sick target only has to string together 2 successful health checks before the ALB trusts it again (default).", 'contradicted'],
  ["AWS marks a target unhealthy after two straight failed checks unless you tune it.", 'confirmed'],
  ["AWS marks a target unhealthy after six straight failed checks unless you tune it.", 'contradicted'],
  ["As soon as the health endpoint returns an error the target is pulled out.", 'imprecise'],
  ["one bad probe and the instance is marked unhealthy", 'imprecise'],
  ["default healthy code is 200 only; you can set the matcher to 200-399 if you need redirects to pass", 'confirmed'],
  ["Out of the box, 2xx and 3xx responses both count as healthy.", 'contradicted'],
  ["Defaults: HTTP GET on \"/\" every 30s, 5s timeout.", 'confirmed'],
  ["Defaults: HTTP GET on \"/\" every 30s, 10s timeout.", 'contradicted'],
  ["Even with zero healthy targets the ALB keeps forwarding requests to all of them.", 'confirmed'],
  ["With zero healthy targets the ALB stops forwarding requests and shows an error page.", 'contradicted'],
  ["You set health checks per target group, so different groups can probe the same server differently.", 'confirmed'],
  ["The interval is 30 seconds by default and a target becomes healthy after 3 consecutive successes.", 'contradicted'],
];

describe('health-twin claims: more phrasings', () => {
  it.each(morePhrasings)('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

/** Minimal pairs: one value, a negation or a quantifier changes, and so does the verdict. */
const pairs: [string, Expect, string, Expect][] = [
  ['By default a target turns unhealthy after 2 failed checks in a row.', 'confirmed', 'By default a target turns unhealthy after 4 failed checks in a row.', 'contradicted'],
  ['It takes five straight passes (default) for a target to count as healthy again.', 'confirmed', 'It takes two straight passes (default) for a target to count as healthy again.', 'contradicted'],
  ['If all targets are unhealthy the ALB routes to every one of them.', 'confirmed', 'If all targets are unhealthy the ALB does not route to any of them.', 'contradicted'],
  ['Health checks are configured per target group.', 'confirmed', 'Health checks are configured per load balancer.', 'contradicted'],
  ['Each load balancer node checks every target.', 'confirmed', 'Not every load balancer node checks the targets.', 'contradicted'],
  ['A target is marked unhealthy after consecutive failed checks.', 'confirmed', 'A target is marked unhealthy after a single failed check.', 'imprecise'],
  ['By default the check expects HTTP 200.', 'confirmed', 'By default the check accepts any 2xx or 3xx code.', 'contradicted'],
];

describe('health-twin claims: minimal pairs', () => {
  it.each(pairs)('%s (%s) / %s (%s)', (right, rightVerdict, wrong, wrongVerdict) => {
    expect(verdict(right)).toBe(rightVerdict);
    expect(verdict(wrong)).toBe(wrongVerdict);
  });
});

describe('health-twin claims: what the twin observed', () => {
  it('reads the consecutive-failure behaviour from the twin, with its thresholds from the lab settings', () => {
    const o = observers['hc.unhealthy-rule']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: 'after several failed checks in a row (UnhealthyThresholdCount)' });
    if (o.status === 'observed') {
      expect(o.summary).toContain('HAProxy twin');
      expect(o.summary).toContain(`${reference.becomingUnhealthy.stateChangeMs} ms`);
      expect(o.summary).toContain(`after ${reference.settings.targetGroup.unhealthyThreshold} in a row`);
    }
  });

  it('reads recovery after a run of passes, and no requests to a target marked down', () => {
    expect(observers['hc.healthy-rule']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'after several passing checks in a row (HealthyThresholdCount)' });
    const stop = observers['hc.stop-routing']!(reference, 'local');
    expect(stop).toMatchObject({ status: 'observed', value: 'no new requests go to an unhealthy target' });
  });

  it('reads the measured check interval and the TLS-only capture of the target leg', () => {
    const m = observers['hc.mechanism']!(reference, 'local');
    expect(m).toMatchObject({ status: 'observed', value: 'active requests sent on a fixed interval' });
    if (m.status === 'observed') expect(m.summary).toContain(`${reference.measuredCheckIntervalMs.mean} ms`);
    expect(observers['hc.https-encrypted']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'encrypted with TLS' });
  });

  it('a single-failure statement is imprecise and the explanation says what the twin showed', () => {
    const r = judge('As soon as one check fails, the target is flagged unhealthy.');
    expect(statementVerdict(r.claims)).toBe('imprecise');
    const c = r.claims.find((x) => x.verdict === 'imprecise')!;
    expect(c.explanation).toContain('The lab observed');
    expect(c.explanation).toContain(`marked down after ${reference.becomingUnhealthy.stateChangeMs} ms`);
    expect(c.evidence[0].kind).toBe('observed');
  });

  it('judges AWS defaults on the documentation, never on the twin\'s own settings', () => {
    // The lab's target group uses a healthy threshold of 3: a "default of 3" is still wrong.
    expect(reference.settings.targetGroup.healthyThreshold).toBe(3);
    const r = judge('The default healthy threshold is 3 consecutive successes.');
    expect(statementVerdict(r.claims)).toBe('contradicted');
    const c = r.claims.find((x) => x.verdict === 'contradicted')!;
    expect(c.explanation).toContain('Documented');
    expect(c.explanation).toContain('not the AWS defaults');
    expect(c.sources[0].url).toContain('docs.aws.amazon.com');
  });

  it('judges fail-open on the AWS documentation and mentions the twin\'s 503 only as contrast', () => {
    const r = judge('When every target is failing, the ALB keeps routing to all of them.');
    expect(statementVerdict(r.claims)).toBe('confirmed');
    const c = r.claims[0];
    expect(c.explanation).toContain('Documented');
    expect(c.explanation).toContain('not the ALB\'s');
    expect(c.evidence.some((e) => e.kind === 'observed')).toBe(false);
  });
});

describe('health-twin claims: when the twin could not run', () => {
  it('falls back to the documented fact and says the lab could not observe it', () => {
    const r = judge('A target becomes unhealthy only after several failed checks in a row.', notRun);
    expect(statementVerdict(r.claims)).toBe('confirmed');
    const c = r.claims[0];
    expect(c.explanation).toContain('Documented');
    expect(c.explanation).toContain('could not observe');
    expect(c.explanation).toContain('haproxy is not installed');
    expect(c.evidence.some((e) => e.kind === 'not-observed')).toBe(true);
  });

  it('keeps the imprecise verdict on the documented rule', () => {
    expect(verdict('The ALB pulls a target out of rotation as soon as it fails a check.', notRun)).toBe('imprecise');
  });

  it('every observer says why when the twin did not run', () => {
    for (const [id, observe] of Object.entries(observers)) {
      const o = observe!(notRun, 'local');
      expect(o.status, id).not.toBe('observed');
      if (o.status !== 'observed') expect(o.reason, id).toContain('did not run');
    }
  });
});

/**
 * Two blind sets, written before the lexicon was widened for them (labels "X: N", digits without units, numbers in
 * words, hedges, conditionals, contrasts, two facts in one sentence). Where a wording is too bare to tell what it is
 * about ("Path: / (the default)") or needs arithmetic ("twice a minute"), unjudged is the accepted answer.
 */
const blindOne: [string, Expect][] = [
  ["The default interval between health checks is 30 seconds.", 'confirmed'],
  ["The default interval between health checks is 10 seconds.", 'contradicted'],
  ["Interval: 30s (default)", 'confirmed'],
  ["Default interval: 60s", 'contradicted'],
  ["by default the ALB probes each target every thirty seconds", 'confirmed'],
  ["by default the ALB probes each target every fifteen seconds", 'contradicted'],
  ["Targets are checked once every 30 sec unless you change it.", 'confirmed'],
  ["defualt helth check intervall is 30 secs", 'confirmed'],
  ["The health check runs every 30 seconds by default, not every 5.", 'confirmed'],
  ["The health check timeout defaults to 5 seconds.", 'confirmed'],
  ["The health check timeout defaults to 30 seconds.", 'contradicted'],
  ["Timeout: 5s", 'confirmed'],
  ["A target has five seconds to respond before the check counts as failed.", 'confirmed'],
  ["A target has ten seconds to respond to a health check by default before it counts as failed.", 'contradicted'],
  ["I think the default health check timeout is about 2 seconds.", 'contradicted'],
  ["Healthy threshold defaults to 5.", 'confirmed'],
  ["The healthy threshold is 3 by default.", 'contradicted'],
  ["Healthy threshold: 5 consecutive successes", 'confirmed'],
  ["An unhealthy target must pass five checks in a row before the ALB trusts it again.", 'confirmed'],
  ["An unhealthy target must pass two checks in a row before the ALB sends it traffic again (default).", 'contradicted'],
  ["A target is back in service right after one successful health check.", 'imprecise'],
  ["The unhealthy threshold is 2 by default.", 'confirmed'],
  ["Unhealthy threshold defaults to 3.", 'contradicted'],
  ["Unhealthy threshold: 2", 'confirmed'],
  ["Two failed checks in a row and the target is marked unhealthy.", 'confirmed'],
  ["after ten consecutive failures (the default) a target is declared unhealthy", 'contradicted'],
  ["One failed health check is enough for the ALB to mark a target unhealthy.", 'imprecise'],
  ["A target always goes unhealthy on the very first failed check.", 'imprecise'],
  ["A target is marked unhealthy after 2 consecutive failed health checks by default.", 'confirmed'],
  ["By default the ALB needs 2 failures to mark a target unhealthy and 5 successes to mark it healthy.", 'confirmed'],
  ["By default the ALB needs 5 failures to mark a target unhealthy and 2 successes to mark it healthy.", 'contradicted'],
  ["By default a health check only passes on HTTP 200.", 'confirmed'],
  ["Success codes: 200 (default)", 'confirmed'],
  ["Any 2xx status code counts as healthy by default.", 'contradicted'],
  ["By default a 301 redirect from the health check path counts as success.", 'contradicted'],
  ["You can set the matcher to a range such as 200-399.", 'confirmed'],
  ["The default health check path is /.", 'confirmed'],
  ["The default health check path is /health.", 'contradicted'],
  ["Path: / (the default)", 'unjudged'],
  ["The default health check protocol for an HTTP target group is HTTP.", 'confirmed'],
  ["1. the ALB sends a request to / on each target every 30s 2. it waits up to 5s for a response", 'confirmed'],
  ["If all the targets are unhealthy, the ALB sends requests to all of them anyway.", 'confirmed'],
  ["When no target in the group is healthy, the load balancer fails open.", 'confirmed'],
  ["If all targets are unhealthy the ALB returns 503 to every client.", 'contradicted'],
  ["With zero healthy targets, the load balancer drops all requests.", 'contradicted'],
  ["if every target fails its checks, traffic keeps flowing to all of them", 'confirmed'],
  ["The ALB stops sending new requests to a target once it is marked unhealthy.", 'confirmed'],
  ["Health checks are configured per target group, not per load balancer.", 'confirmed'],
  ["The health check settings are defined once for the whole load balancer and shared by all target groups.", 'contradicted'],
  ["Each target group has its own health check settings.", 'confirmed'],
  ["The health check interval can be set anywhere from 5 to 300 seconds.", 'confirmed'],
  ["i believe checks happen every 30 s if you don't touch the settings", 'confirmed'],
  ["healthy threshold 5, unhealthy threshold 2, interval 30, timeout 5", 'confirmed'],
  ["healthy threshold 2, unhealthy threshold 5, interval 30, timeout 5", 'contradicted'],
  ["A newly registered target starts in the initial state until it passes its health checks.", 'confirmed'],
];

const blindTwo: [string, Expect][] = [
  ["Out of the box, a health check is sent roughly twice a minute.", 'unjudged'],
  ["HealthCheckIntervalSeconds = 30 unless you change it", 'confirmed'],
  ["The ALB health-checks its targets once a minute by default.", 'contradicted'],
  ["default probe interval is 5s", 'contradicted'],
  ["Each health check request times out after 5 seconds if you keep the defaults.", 'confirmed'],
  ["If a target doesn't reply within 10 seconds the check fails (default timeout).", 'contradicted'],
  ["health check timeout = 5s, interval = 30s", 'confirmed'],
  ["It takes five successful checks in a row by default before a recovered instance gets traffic again.", 'confirmed'],
  ["A recovered instance rejoins the pool after 3 consecutive successful health checks by default.", 'contradicted'],
  ["The instance is healthy again the moment one check passes.", 'imprecise'],
  ["Default UnhealthyThresholdCount is 2.", 'confirmed'],
  ["An instance is pulled out of rotation after two failed probes in a row by default.", 'confirmed'],
  ["By default the ALB waits for 3 failed health checks in a row before marking an instance unhealthy.", 'contradicted'],
  ["The ALB removes a backend from rotation right after its first failed health check.", 'imprecise'],
  ["Out of the box the only status code that counts as a success is 200.", 'confirmed'],
  ["By default the health check accepts anything from 200 to 399.", 'contradicted'],
  ["If you don't set a path, the health check requests / on each target.", 'confirmed'],
  ["By default the health check requests /healthz.", 'contradicted'],
  ["Should every single target be unhealthy, the ALB routes to all of them regardless of their health.", 'confirmed'],
  ["When all targets in a target group are unhealthy, clients get a 503 from the load balancer.", 'contradicted'],
  ["Every target group defines its own health check.", 'confirmed'],
  ["Once a target is unhealthy the load balancer no longer routes new requests to it.", 'confirmed'],
  ["by default: 30s between checks, 2 fails to go unhealthy", 'confirmed'],
  ["by default: 30s between checks, 3 fails to go unhealthy", 'contradicted'],
  ["Both thresholds can be set between 2 and 10.", 'confirmed'],
];

describe('health-twin claims: blind sets', () => {
  it.each([...blindOne, ...blindTwo])('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

/** Probes of the same widening (label, number-first and contrast orders), written while fixing the blind sets. */
const probes: [string, Expect][] = [
  ["Unhealthy threshold count: 2", 'confirmed'],
  ["HealthyThresholdCount=5 by default", 'confirmed'],
  ["defaults: interval 30s / timeout 5s", 'confirmed'],
  ["30s is the default health check interval", 'confirmed'],
  ["2 is the default unhealthy threshold", 'confirmed'],
  ["5 is the default unhealthy threshold", 'contradicted'],
  ["The healthy threshold is 5 by default, not 2.", 'confirmed'],
  ["The default timeout is 5 s, not 30.", 'confirmed'],
  ["By default the unhealthy threshold is 2 and the healthy threshold is 5.", 'confirmed'],
  ["By default the healthy threshold is 2 and the unhealthy threshold is 5.", 'contradicted'],
  ["unhealthy threshold 2, healthy threshold 5 (defaults)", 'confirmed'],
  ["unhealthy threshold 5, healthy threshold 2 (defaults)", 'contradicted'],
  ["default interval 30 seconds, timeout 5 seconds", 'confirmed'],
  ["default interval 5 seconds, timeout 30 seconds", 'contradicted'],
  ["The default health check timeout is five seconds and the interval thirty.", 'confirmed'],
  ["The health check waits 5 seconds for a response by default.", 'confirmed'],
  ["Health checks default to every 30 s with a 5 s timeout.", 'confirmed'],
  ["Health checks default to every 10 s with a 5 s timeout.", 'contradicted'],
  ["the default healthcheck path is /index.html", 'contradicted'],
  ["the target group's health check uses HTTP by default", 'confirmed'],
  ["If no target is healthy, the ALB sends traffic to every target anyway.", 'confirmed'],
  ["If all targets fail health checks the ALB returns 502 errors.", 'contradicted'],
  ["A target is marked healthy after passing 5 consecutive checks (default).", 'confirmed'],
  ["a target needs just 1 passing check to be healthy again", 'imprecise'],
];

describe('health-twin claims: probes', () => {
  it.each(probes)('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});
