/**
 * The two-tier lab's ALB-components claims: statements in many wordings → the verdict a careful reviewer would give,
 * judged against the recorded moto deployment (listeners, rules, target groups, targets). Pure and fast.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import twoTierLab from '../../labs/two-tier.ts';
import type { Lab } from '../../src/labs/lab.ts';
import type { TwoTierEvidence } from '../../checks/two-tier/evidence.ts';
import { judgeAlone, routeStatement, statementVerdict } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { parseJournal } from '../../src/journal/parse-journal.ts';
import { judgeOf } from '../../src/claims/judge-statements.ts';
import { matchQuestion } from '../../src/labs/match.ts';

const twoTier = twoTierLab as unknown as Lab;
const recorded = loadReferenceEvidence().get('two-tier')!;
const reference = recorded.evidence as TwoTierEvidence;
const QUESTION = 'two-tier/alb-components';

function judge(statement: string, evidence: TwoTierEvidence = reference, question: string | undefined = QUESTION) {
  return judgeAlone(statement, [twoTier], new Map([['two-tier', evidence]]), () => 'moto', question);
}
const verdict = (statement: string, evidence?: TwoTierEvidence) => statementVerdict(judge(statement, evidence).claims);

type Expect = 'confirmed' | 'contradicted' | 'imprecise' | 'unjudged';

const paraphrases: [string, Expect][] = [
  // listener protocols
  ['An Application Load Balancer listener can only be HTTP or HTTPS.', 'confirmed'],
  ['ALB listeners support HTTPS.', 'confirmed'],
  ['ALB listeners support only HTTPS.', 'imprecise'],
  ['The ALB lets you create listeners for HTTP, HTTPS, TCP and UDP.', 'contradicted'],
  ['A listener is set up with a protocol such as HTTP, HTTPS or TLS and a port.', 'contradicted'],
  ["You can't put a TCP listener on an application load balancer.", 'confirmed'],
  ['Listener protocols on an ALB: HTTP and HTTPS, plus TCP for raw sockets.', 'contradicted'],
  // which load balancer for TCP/UDP
  ['For plain TCP or UDP traffic you have to pick an NLB.', 'confirmed'],
  ['Network load balancers are the ones that handle UDP and TCP listeners.', 'confirmed'],
  ['For UDP listeners an ALB works fine.', 'contradicted'],
  // rule order
  ['Rule priority 1 is checked before priority 10; lower numbers go first.', 'confirmed'],
  ['The listener walks through its rules in ascending priority order.', 'confirmed'],
  ['Rules with bigger priority numbers are evaluated first.', 'contradicted'],
  ['The ALB goes through the rules in descending order of priority number.', 'contradicted'],
  // default rule
  ['The default rule is the catch-all that runs when nothing else matched.', 'confirmed'],
  ['The default action only kicks in if no other rule matches the request.', 'confirmed'],
  ['The default rule gets evaluated before all the other rules.', 'contradicted'],
  ["A listener's default rule cannot have any conditions.", 'confirmed'],
  ['The default rule has its own host header condition.', 'contradicted'],
  ['Every listener comes with a default rule.', 'confirmed'],
  // target types
  ['Targets can be EC2 instances, IP addresses or a Lambda function.', 'confirmed'],
  ['The target type of an ALB target group is instance, IP or Lambda; alb targets only exist for NLBs.', 'confirmed'],
  ['An ALB target group may hold instances, IPs, Lambda functions or another ALB.', 'contradicted'],
  ['Targets can be instances or IP addresses.', 'confirmed'],
  ['An NLB can forward to an ALB through a target group of type alb.', 'confirmed'],
  // AZs and nodes
  ['An ALB must span a minimum of two Availability Zones.', 'confirmed'],
  ['An application load balancer requires at least three AZs.', 'contradicted'],
  ['You need just one availability zone to create an ALB.', 'contradicted'],
  ['Elastic Load Balancing puts a load balancer node in every enabled Availability Zone.', 'confirmed'],
  ['Each AZ you turn on gets its own ELB node.', 'confirmed'],
  ['A single node serves all Availability Zones of the load balancer.', 'contradicted'],
  // shared target group
  ['Several listeners or rules can forward to the same target group if they belong to one load balancer.', 'confirmed'],
  ['A target group can be shared between two different load balancers.', 'contradicted'],
  ["The same target group can't be used by more than one listener.", 'contradicted'],
  ['A target group receives traffic from one specific listener.', 'imprecise'],
  // request path
  ['A listener forwards each request to a target group, which picks one of its registered targets.', 'confirmed'],
  ['The rules of a listener decide which target group gets the request.', 'confirmed'],
  ['The listener hands requests directly to the backend servers.', 'imprecise'],
  ['Listeners route traffic to the EC2 instances.', 'imprecise'],
  ["Listeners don't talk to instances directly; their rules forward to target groups.", 'confirmed'],
  // target group protocol/port, health checks, registration
  ['Every target group defines its own protocol and port for talking to the targets.', 'confirmed'],
  ["A target group just inherits the listener's protocol and port.", 'contradicted'],
  ['Health checks are configured per target group.', 'confirmed'],
  ['Each target group has its own health check settings.', 'confirmed'],
  ['Health checks are set on the listener.', 'contradicted'],
  ['Instances are registered with a target group.', 'confirmed'],
  ['EC2 instances are registered directly with the load balancer.', 'contradicted'],
  // the same facts once more, worded as other learners might
  ['An ALB listener accepts only HTTP and HTTPS connections.', 'confirmed'],
  ['ALB listeners can be configured for TCP and UDP too, not only HTTP and HTTPS.', 'contradicted'],
  ['TCP/UDP listeners are a Network Load Balancer feature, so pick an NLB for those.', 'confirmed'],
  ['The listener checks rules starting at the smallest priority value, and the default one is evaluated at the end.', 'confirmed'],
  ['The listener checks rules starting at the largest priority value, and the default one is evaluated at the start.', 'contradicted'],
  ['The default rule carries no conditions; it handles any request none of the other rules caught.', 'confirmed'],
  ['ALB target groups accept three target types: instance, ip and lambda.', 'confirmed'],
  ['ALB target groups accept four target types: instance, ip, lambda and alb.', 'contradicted'],
  ['An ALB has to be enabled in two or more Availability Zones, and every enabled zone gets a load balancer node.', 'confirmed'],
  ['An ALB only has to be enabled in a single Availability Zone, and every enabled zone gets a load balancer node.', 'contradicted'],
  ['Multiple listeners or rules may point at one target group, provided they are on the same load balancer.', 'confirmed'],
  ['A listener forwards traffic directly to the backend EC2 instances.', 'imprecise'],
  // styles: numbered, "X: …", typos, two claims in one sentence
  ['Listeners: they wait for connections on a port using HTTP or HTTPS.', 'confirmed'],
  ['1. Listener - checks for connection requests using a protocol (HTTP/HTTPS/TCP/UDP) and port.', 'contradicted'],
  ['ALBs work at layer 7, so listeners are HTTP or HTTPS; layer 4 protocols like TCP need an NLB.', 'confirmed'],
  ['An ALB can have a UDP listener for DNS traffic.', 'contradicted'],
  ['Each listener has rules with a priority; the lowest number gets evaluated first and the default rule runs if nothing matches.', 'confirmed'],
  ["The default rule can't have any conditions and always comes last.", 'confirmed'],
  ['Target groups: a group of targets (EC2, IPs, Lambda) that the listener rules forward requests to.', 'confirmed'],
  ['A target group can only be associated with one load balancer.', 'confirmed'],
  ['Target groups can be attached to multiple ALBs at once.', 'contradicted'],
  ['Targets: the actual instances, IPs or lambda functions registered in a target group.', 'confirmed'],
  ['ELB nodes: AWS runs a load balancer node in every AZ you enabled for the ALB.', 'confirmed'],
  ['Nodes: there is only one node for the whole ALB.', 'contradicted'],
  ['You must pick at least two subnets in different AZs when creating an ALB.', 'confirmed'],
  ['Health checks: each target group pings its targets on a path, and unhealthy targets stop getting traffic.', 'confirmed'],
  ['Health checks are defined on the load balancer itself.', 'contradicted'],
  ['the listner sends trafic straight to the ec2 instanses', 'imprecise'],
  ['Listeners forward to target groups, never directly to instances.', 'confirmed'],
  ['target types are instance, ip, lambda and alb for application load balancers', 'contradicted'],
  ['Rules can route based on host header or URL path.', 'confirmed'],
  ["Rules can route on the request body or the client's country.", 'contradicted'],
  ['The ALB spreads requests across healthy targets.', 'unjudged'],
  // the devset facts in yet other words
  ["An application load balancer's listeners only speak HTTP and HTTPS.", 'confirmed'],
  ['Besides HTTP and HTTPS, ALB listeners also support TCP and UDP.', 'contradicted'],
  ['When you need UDP or plain TCP listeners, a network load balancer is the right choice.', 'confirmed'],
  ['Listener rules are processed starting with the lowest priority value and the default rule is processed last.', 'confirmed'],
  ['Listener rules are processed starting with the highest priority value and the default rule is processed first.', 'contradicted'],
  ['The default rule has no conditions at all and handles any request no other rule caught.', 'confirmed'],
  ['For an ALB target group the target type is instance, ip, or lambda.', 'confirmed'],
  ['For an ALB target group the target type is instance, ip, lambda, or alb.', 'contradicted'],
  ['An ALB requires subnets in at least two Availability Zones, and a load balancer node is created in each enabled zone.', 'confirmed'],
  ['An ALB requires a subnet in only one Availability Zone, and a load balancer node is created in each enabled zone.', 'contradicted'],
  ['One target group may be referenced by several listeners or rules, provided they belong to the same load balancer.', 'confirmed'],
  ['The listener passes requests directly to the EC2 instances.', 'imprecise'],
  // on topic, but nothing this question checks: left unjudged
  ['You can add up to 50 listeners per ALB.', 'unjudged'],
  ['The HTTP listener on port 80 redirects to HTTPS on 443.', 'unjudged'],
  ['If no targets are healthy the ALB fails open and sends traffic to all of them.', 'unjudged'],
  ['A listener cannot have two rules with the same priority.', 'unjudged'],
  // vague or off-topic
  ['The ALB is a highly available managed service.', 'unjudged'],
  ['Listeners are an important part of the ALB.', 'unjudged'],
  ['Target groups make things easier to manage.', 'unjudged'],
  ['We deployed the stack with Terraform.', 'unjudged'],
];

describe('ALB components claims: paraphrases', () => {
  it.each(paraphrases)('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

const minimalPairs: [string, Expect, string, Expect][] = [
  ['ALB listeners speak HTTP and HTTPS.', 'confirmed', 'ALB listeners speak HTTP, HTTPS and TCP.', 'contradicted'],
  ['ALB listeners support HTTPS.', 'confirmed', "ALB listeners don't support HTTPS.", 'contradicted'],
  ['Rules run from the lowest priority number to the highest.', 'confirmed', 'Rules run from the highest priority number to the lowest.', 'contradicted'],
  ['The default rule is evaluated last.', 'confirmed', 'The default rule is evaluated first.', 'contradicted'],
  ['The default rule has no conditions.', 'confirmed', 'The default rule has conditions.', 'contradicted'],
  ['An ALB needs at least two Availability Zones.', 'confirmed', 'An ALB needs at least one Availability Zone.', 'contradicted'],
  ['One target group can be used by several listeners.', 'confirmed', 'One target group cannot be used by several listeners.', 'contradicted'],
  ['Target type: instance, ip, lambda.', 'confirmed', 'Target type: instance, ip, lambda, alb.', 'contradicted'],
];

describe('ALB components claims: minimal pairs', () => {
  it.each(minimalPairs)('%s (%s) / %s (%s)', (right, rightVerdict, wrong, wrongVerdict) => {
    expect(verdict(right)).toBe(rightVerdict);
    expect(verdict(wrong)).toBe(wrongVerdict);
  });
});

describe('ALB components claims: observers read the recorded deployment', () => {
  const claimOf = (statement: string, evidence?: TwoTierEvidence) => judge(statement, evidence).claims[0]!;

  it('the default rule: the listeners as DescribeRules returned them', () => {
    const c = claimOf('The default rule has conditions.');
    expect(c.verdict).toBe('contradicted');
    expect(c.evidence[0]!.kind).toBe('observed');
    expect(c.explanation).toMatch(/lab observed[\s\S]*HTTPS:443: priority "default", 0 conditions, action forward/);
  });

  it('the request path: HTTPS listener → default rule → target group → the registered instances', () => {
    const c = claimOf('Listeners send requests straight to the EC2 instances.');
    expect(c.verdict).toBe('imprecise');
    expect(c.explanation).toMatch(/HTTPS:443 → default rule → forward to target group jl-[\w-]+-tg → targets i-/);
  });

  it('health checks and protocol/port: read from each deployed target group', () => {
    const health = claimOf('Health checks are configured per target group.').explanation;
    expect(health).toMatch(/-tg: HTTPS \/healthz every 10 s/);
    expect(health).toMatch(/-nlb-tg: TCP every 30 s/);
    const protocol = claimOf('Every target group defines its own protocol and port.').explanation;
    expect(protocol).toMatch(/-tg: HTTPS:443/);
    expect(protocol).toMatch(/-nlb-tg: TCP:443/);
  });

  it('a listener whose default rule carried conditions would contradict the fact sheet, and the verdict follows the observation', () => {
    const odd = structuredClone(reference);
    const https = odd.listeners.find((l) => l.protocol === 'HTTPS')!;
    https.rules[0]!.conditions = ['path-pattern: /api/*'];
    expect(verdict('The default rule has no conditions.', odd)).toBe('contradicted');
  });

  it('target types: the moto probe accepted every type, so the verdict rests on the documented fact and says why', () => {
    const c = claimOf('Target type: instance, ip, lambda, alb.');
    expect(c.verdict).toBe('contradicted');
    expect(c.explanation).toMatch(/Documented[\s\S]*could not observe this here: moto accepted CreateTargetGroup for instance\/HTTPS, ip\/HTTPS, lambda, alb\/TCP/);
    expect(c.evidence.map((e) => e.kind)).toEqual(['documented', 'not-observed']);
  });

  it('falls back to the documented fact, saying so, when the deployment has no ALB', () => {
    const noAlb = { ...structuredClone(reference), loadBalancers: reference.loadBalancers.filter((l) => l.type !== 'application') };
    const c = claimOf('The default rule has conditions.', noAlb);
    expect(c.verdict).toBe('contradicted');
    expect(c.explanation).toMatch(/Documented[\s\S]*could not observe this here/);
  });
});

/**
 * Wordings written blind (before looking at the lexicon's patterns), in many registers. 'flagged' = contradicted or
 * imprecise (a wrong statement the reviewer would mark either way); 'not confirmed' / 'not contradicted' = a known
 * gap left unjudged, which must at least never give the false verdict.
 */
type Judged = Expect | 'flagged' | 'not confirmed' | 'not contradicted';
function expectJudged(statement: string, expected: Judged) {
  const got = verdict(statement);
  if (expected === 'flagged') expect(['contradicted', 'imprecise']).toContain(got);
  else if (expected === 'not confirmed') expect(got).not.toBe('confirmed');
  else if (expected === 'not contradicted') expect(got).not.toBe('contradicted');
  else expect(got).toBe(expected);
}

// first blind set
const blindFirst: [string, Judged][] = [
  ["ALB listeners: HTTP/HTTPS only.", 'confirmed'],
  ["an alb listner can use TCP on port 5432 for the database", 'contradicted'],
  ["The protocols supported by ALB listeners are HTTP and HTTPS.", 'confirmed'],
  ["I think you can configure a TLS listener on an application load balancer.", 'contradicted'],
  ["ALB listeners accept HTTP, HTTPS and UDP.", 'contradicted'],
  ["Only HTTP and HTTPS listeners can be added to an ALB, not TCP ones.", 'confirmed'],
  ["UDP listeners are supported by Application Load Balancers.", 'contradicted'],
  ["Listeners on the ALB are HTTP or HTTPS; if you want TCP you need an NLB.", 'confirmed'],
  ["TCP, UDP and TLS listeners are a Network Load Balancer thing.", 'confirmed'],
  ["For raw TCP you'd use a network load balancer rather than an ALB.", 'confirmed'],
  ["If you need UDP, an Application Load Balancer is the right choice.", 'contradicted'],
  ["Listener rules are processed in priority order, lowest number first.", 'confirmed'],
  ["The rule with priority 100 is evaluated before the rule with priority 5.", 'not confirmed'],
  ["Rules get evaluated starting from the smallest priority value.", 'confirmed'],
  ["rules are checked highest priority number first", 'contradicted'],
  ["The default rule is evaluated last, after every numbered rule.", 'confirmed'],
  ["The default rule always gets evaluated first.", 'contradicted'],
  ["Rule order: lowest priority value wins, default rule at the end.", 'confirmed'],
  ["The default rule has no conditions.", 'confirmed'],
  ["You can add a path-pattern condition to the default rule.", 'contradicted'],
  ["When no rule matches, the listener's default action handles the request.", 'confirmed'],
  ["Default rules can't have conditions, they just catch whatever is left over.", 'confirmed'],
  ["Each listener has a default rule which is evaluated last and has no conditions.", 'confirmed'],
  ["ALB target groups support the instance, ip and lambda target types.", 'confirmed'],
  ["A Lambda function can be a target of an ALB target group.", 'confirmed'],
  ["Lambda functions cannot be targets of an application load balancer.", 'contradicted'],
  ["An ALB target group can have target type alb.", 'contradicted'],
  ["The alb target type is only available for Network Load Balancer target groups.", 'confirmed'],
  ["IP addresses can be registered as targets in an ALB target group.", 'confirmed'],
  ["ALB targets can only be EC2 instances.", 'flagged'],
  ["target types for ALB are instance and ip, not lambda", 'contradicted'],
  ["An ALB can be deployed into a single Availability Zone.", 'contradicted'],
  ["ALBs need at least two AZs.", 'confirmed'],
  ["You have to enable at least 2 availability zones when you create an application load balancer.", 'confirmed'],
  ["one subnet in one AZ is enough for an ALB", 'contradicted'],
  ["The load balancer gets a node in every Availability Zone that is enabled.", 'confirmed'],
  ["ELB creates a single load balancer node no matter how many AZs are enabled.", 'contradicted'],
  ["Subnets from at least two different AZs are required for the ALB.", 'confirmed'],
  ["One target group can be used by several listeners on the same ALB.", 'confirmed'],
  ["A target group can be referenced by multiple rules, as long as they belong to the same load balancer.", 'confirmed'],
  ["A target group can only ever be used by one listener.", 'flagged'],
  ["Two listeners of the same load balancer can forward to the same target group.", 'confirmed'],
  ["The listener forwards requests directly to the instances.", 'imprecise'],
  ["Requests flow listener -> rule -> target group -> target.", 'confirmed'],
  ["A listener's rules forward requests to target groups, which route them to the registered targets.", 'confirmed'],
  ["The ALB listener talks to the EC2 instances itself, no target group needed.", 'flagged'],
  ["Health checks are configured per target group.", 'confirmed'],
  ["Health checks are set on the listener.", 'contradicted'],
  ["Each target group has its own health check settings.", 'confirmed'],
  ["The ALB only sends requests to healthy targets in the target group.", 'not contradicted'],
  ["health checks r defined on the load balancer listener, not on the target group", 'contradicted'],
  ["Pretty sure ALBs do TCP as well as HTTP.", 'contradicted'],
  ["Rules are evaluated lowest priority first, and the default rule is evaluated first.", 'contradicted'],
  ["ALBs need two AZs minimum and there is one node per AZ.", 'confirmed'],
  ["Target groups for an ALB can contain instances, IPs or a Lambda function, but not another ALB.", 'confirmed'],
];

// second blind set (fresh wording)
const blindSecond: [string, Judged][] = [
  ["ALB = HTTP and HTTPS listeners only; TCP/TLS/UDP are for NLBs.", 'confirmed'],
  ["application load balancers can listen on TCP ports too", 'not confirmed'],
  ["Setting up a TLS listener on my ALB worked fine.", 'contradicted'],
  ["You can't have a UDP listener on an ALB — that needs a network load balancer.", 'confirmed'],
  ["Rules with lower priority numbers win over rules with higher ones.", 'confirmed'],
  ["The listener checks its rules from the largest priority number to the smallest.", 'contradicted'],
  ["If a request matches none of the rules, it falls through to the default rule.", 'confirmed'],
  ["the default action is evaluated before any other rule", 'contradicted'],
  ["A default rule can be given conditions like any other rule.", 'contradicted'],
  ["Lambda is a valid target type for an ALB target group.", 'confirmed'],
  ["You can't put a Lambda function behind an Application Load Balancer.", 'contradicted'],
  ["An ALB target group cannot have IP targets, only instances.", 'not confirmed'],
  ["An application load balancer can forward to another ALB registered as its target.", 'contradicted'],
  ["A Network Load Balancer can have an ALB as its target.", 'confirmed'],
  ["ALBs have to be spread across two or more Availability Zones.", 'confirmed'],
  ["Only one AZ is required for an application load balancer.", 'contradicted'],
  ["Each enabled AZ gets its own load balancer node.", 'confirmed'],
  ["All the AZs share one load balancer node.", 'contradicted'],
  ["Several rules on one ALB can point at the same target group.", 'confirmed'],
  ["A target group can be shared between two different ALBs.", 'contradicted'],
  ["Listeners hand requests to target groups, and the target group picks a registered target.", 'confirmed'],
  ["The listener routes traffic directly to the EC2 instances, skipping target groups.", 'imprecise'],
  ["Health check settings live on the target group.", 'confirmed'],
  ["The health check is configured on the ALB itself rather than per target group.", 'contradicted'],
  ["Targets get registered in a target group, not on the load balancer.", 'confirmed'],
];

// right statements near the new patterns: never contradicted
const precisionProbes: [string, Judged][] = [
  ["An NLB can't have Lambda targets.", 'not contradicted'],
  ["ALBs listen on TCP port 443 for HTTPS.", 'not contradicted'],
  ["An ALB runs in one subnet per AZ, in at least two AZs.", 'confirmed'],
  ["one subnet per AZ is enough, but you need two AZs for an ALB", 'confirmed'],
  ["TCP connections are kept open by the ALB to the targets.", 'not contradicted'],
  ["Lambda can be a target of an ALB but not of an NLB.", 'confirmed'],
  ["Only HTTP and HTTPS listeners can be added to an ALB, not TCP or UDP ones.", 'confirmed'],
  ["Two AZs are enough for an ALB.", 'confirmed'],
  ["You can't add conditions to the default rule.", 'confirmed'],
  ["A target group can be used by more than one listener, not only one listener.", 'confirmed'],
  ["Lambda functions are supported as ALB targets.", 'confirmed'],
  ["Target type alb is only for NLB target groups, not ALB ones.", 'confirmed'],
  ["For UDP you can't use an ALB.", 'not contradicted'],
  ["For UDP use an NLB, not an ALB.", 'confirmed'],
  ["Each AZ gets one node, so the load balancer has one node per zone regardless of traffic.", 'confirmed'],
  ["An ALB can't be deployed into a single AZ.", 'not contradicted'],
  ["IP addresses and Lambda functions can be targets, not just instances.", 'confirmed'],
  ["The ALB can invoke a Lambda function through a target group.", 'confirmed'],
  ["The ALB can't forward to a Lambda function.", 'contradicted'],
  ["When nothing matches, the request falls back to the default rule.", 'confirmed'],
  ["You can't put a TLS listener on an ALB; TLS listeners are for NLBs.", 'not contradicted'],
  ["Creating an HTTPS listener on the ALB requires a certificate.", 'confirmed'],
];

// third blind set (fresh wording; wrong ones must be flagged, right ones confirmed)
const blindThird: [string, Judged][] = [
  ["An Application Load Balancer can have a TLS listener on port 443 that terminates TLS itself.", 'contradicted'],
  ["I added a UDP listener to my ALB for the DNS traffic.", 'contradicted'],
  ["ALB rules are evaluated from the highest priority number down to the lowest.", 'contradicted'],
  ["The default rule is evaluated first, before any of the numbered rules.", 'contradicted'],
  ["You can attach host-header conditions to the default rule of a listener.", 'contradicted'],
  ["Rule priority 1 is checked last.", 'contradicted'],
  ["An ALB target group can use the alb target type to forward to another ALB.", 'contradicted'],
  ["Lambda functions cannot be targets of an Application Load Balancer.", 'contradicted'],
  ["ALB target groups only accept EC2 instances as targets; IP addresses are not allowed.", 'flagged'],
  ["An Application Load Balancer can be deployed in a single Availability Zone.", 'contradicted'],
  ["One subnet is enough when creating an ALB.", 'contradicted'],
  ["The ALB runs one node per region, regardless of how many AZs are enabled.", 'contradicted'],
  ["Each target group can be used by only one listener.", 'flagged'],
  ["A target group can be shared by listeners of two different load balancers.", 'contradicted'],
  ["Health checks are configured on the listener, not on the target group.", 'contradicted'],
  ["Health checks are set per load balancer, so all target groups share one health check.", 'contradicted'],
  ["The listener forwards to the target group, which then picks a rule to apply.", 'contradicted'],
  ["Rules belong to the target group and decide which target gets the request.", 'contradicted'],
  ["You register targets directly with the listener.", 'contradicted'],
  ["An ALB needs at least three Availability Zones.", 'contradicted'],
  ["ALB listeners support TCP for non-HTTP applications.", 'contradicted'],
  ["If you need a TLS listener, an ALB does the job.", 'contradicted'],
  ["Priority numbers on ALB rules are only labels; the order they were created in decides evaluation.", 'contradicted'],
  ["An NLB cannot use an ALB as its target.", 'contradicted'],
  ["The target type alb is available for ALB target groups.", 'contradicted'],
  ["Enabling three AZs on an ALB still gives you just one load balancer node.", 'contradicted'],
  ["A listener rule can forward to a target group, but one target group cannot appear in two rules.", 'contradicted'],
  ["Health checks for an ALB are defined per target instance individually.", 'contradicted'],
  ["An ALB listener protocol is either HTTP or HTTPS.", 'confirmed'],
  ["For TCP, UDP or TLS listeners you need a Network Load Balancer.", 'confirmed'],
  ["The rule with the lowest priority number is evaluated first.", 'confirmed'],
  ["The default rule is evaluated last and has no conditions.", 'confirmed'],
  ["ALB target groups can contain instances, IP addresses or a Lambda function.", 'confirmed'],
  ["The alb target type is only usable from a Network Load Balancer target group.", 'confirmed'],
  ["You must enable at least two Availability Zones for an ALB.", 'confirmed'],
  ["The load balancer places a node in each enabled Availability Zone.", 'confirmed'],
  ["Several listeners and rules of the same load balancer can point at one target group.", 'confirmed'],
  ["Requests flow listener, then rule, then target group, then the registered target.", 'confirmed'],
  ["Each target group has its own health check settings.", 'confirmed'],
  ["An ALB can forward to a Lambda function target.", 'confirmed'],
];

// right and wrong statements near the third set's patterns
const thirdProbes: [string, Judged][] = [
  ["You can register an ALB as the target of an ALB target group.", 'contradicted'],
  ["The highest priority number is evaluated last.", 'confirmed'],
  ["Rules live on the listener, and each forwards to a target group.", 'confirmed'],
  ["Health checks probe each target in the target group.", 'confirmed'],
  ["An NLB can use an ALB as its target.", 'confirmed'],
  ["The target group holds the registered targets, while the listener holds the rules.", 'confirmed'],
  ["Targets are registered with the target group, not the listener.", 'confirmed'],
  ["Three AZs enabled on an ALB give you three load balancer nodes, not just one node.", 'not contradicted'],
  ["An ALB cannot have a TLS listener; for that you need an NLB.", 'not contradicted'],
  ["Rules are evaluated in the order they were created.", 'contradicted'],
  ["Health checks are defined on each target group, not per instance.", 'confirmed'],
  ["UDP listeners can be attached to an Application Load Balancer.", 'contradicted'],
  ["I set up a TCP listener on our ALB.", 'contradicted'],
  ["The rule numbered 1 runs after all the others.", 'contradicted'],
  ["Priority values don't matter; rules run in the order you add them.", 'contradicted'],
  ["Each ALB has exactly one node no matter the AZ count.", 'contradicted'],
  ["You attach instances straight to the listener.", 'contradicted'],
  ["Targets are registered on the ALB itself.", 'contradicted'],
  ["Network Load Balancers can't forward to an ALB.", 'contradicted'],
  ["A listener rule lives inside the target group.", 'contradicted'],
  ["Health checks are configured separately for each instance.", 'contradicted'],
  ["An ALB will do fine for TLS listeners.", 'contradicted'],
  ["Turning on four AZs still leaves the ALB with a single node.", 'contradicted'],
  ["The lowest-numbered rule is evaluated last.", 'contradicted'],
  ["An ALB target group may contain another ALB.", 'contradicted'],
  ["We registered the EC2 instances with the ALB listener directly.", 'contradicted'],
  ["Attach the target group directly to the listener as its default action.", 'not contradicted'],
  ["Register the target group with the listener through a forward action.", 'not contradicted'],
  ["Rules are evaluated by priority, not in the order they were created.", 'confirmed'],
  ["Network Load Balancers can forward to an ALB.", 'confirmed'],
  ["Enabling two AZs gives you two nodes, not one node.", 'not contradicted'],
  ["A listener's rules are stored in the listener, and their actions point to a target group.", 'not contradicted'],
  ["Priority values do matter: the lowest number goes first.", 'confirmed'],
  ["The rule with priority 1 is evaluated before every other rule.", 'confirmed'],
  ["You register targets with a target group, and the listener forwards to it.", 'confirmed'],
  ["An NLB target group of type alb can contain an ALB.", 'confirmed'],
  ["Rules sit on the listener and point at target groups.", 'confirmed'],
  ["Health checks are defined per target group, and each target is checked individually.", 'confirmed'],
  ["The default rule is evaluated last, after all the others.", 'confirmed'],
];

describe('ALB components claims: blind wordings', () => {
  it.each(blindFirst)('%s → %s', expectJudged);
  it.each(blindSecond)('%s → %s', expectJudged);
  it.each(precisionProbes)('%s → %s', expectJudged);
  it.each(blindThird)('%s → %s', expectJudged);
  it.each(thirdProbes)('%s → %s', expectJudged);
});

describe('ALB components claims: routing by the statement\'s own words', () => {
  it.each([
    'Listeners on an application load balancer only take HTTP or HTTPS.',
    'Rules are processed in order of priority, lowest number first.',
    'The target type of an ALB target group is instance, ip or lambda.',
    'Elastic Load Balancing puts a load balancer node in every enabled Availability Zone.',
  ])('%s → alb-components', (statement) => {
    // Routed by its words (a default parameter would put `undefined` back to QUESTION).
    expect(routeStatement(statement, [twoTier])).toBe(QUESTION);
  });
  it('a statement about plain-text traffic behind the ALB is not routed here', () => {
    expect(routeStatement('Use HTTPS on the target group as well, otherwise the traffic behind the ALB is plain text.', [twoTier])).not.toBe(QUESTION);
  });
});

describe('ALB components claims: the shipped journal', () => {
  it('contradicts a listener protocol list that includes TCP, and judges the rest of the answer', () => {
    const doc = parseJournal(readFileSync('journals/journal-week.md', 'utf8'), 'journals/journal-week.md');
    const question = doc.questions.find((q) => matchQuestion(`${q.section}\n${q.question}`, [], [twoTier]).some((m) => m.key === QUESTION && m.via === 'question'))!;
    expect(question).toBeDefined();
    const judged = judgeOf(twoTier).judge(question.statements.map((s) => s.text), reference, 'moto', ['alb-components']);
    const listenerProtocols = judged.claims.find((c) => c.aspect === 'an ALB listener · which protocols it can use')!;
    expect(listenerProtocols.verdict).toBe('contradicted');
    expect(listenerProtocols.claim).toMatch(/TCP/);
    const others = judged.claims.filter((c) => c !== listenerProtocols && c.verdict !== 'missing');
    expect(others.filter((c) => c.verdict === 'contradicted')).toEqual([]);
    expect(others.filter((c) => c.verdict === 'confirmed').length).toBeGreaterThanOrEqual(3);
  });
});
