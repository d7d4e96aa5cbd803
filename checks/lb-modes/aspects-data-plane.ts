/**
 * The judgements the local HAProxy experiment can back, one function per aspect. Pure: evidence in, outcome out.
 */
import type { RuleOutcome } from '../../src/model/judge-answer.ts';
import type { EvidenceItem } from '../../src/model/types.ts';
import type { DataPlaneEvidence, ProbeObservation } from './evidence.ts';
import { expectThat, outcomeUnless } from './expect.ts';
import { SOURCES } from './sources.ts';

const probe = (run: { probes: ProbeObservation[] }, name: RegExp) => run.probes.find((p) => name.test(p.name));
const cn = (subject: string | null) => /CN=([^,]+)/.exec(subject ?? '')?.[1] ?? subject ?? 'none';

function probeItem(kind: string, p: ProbeObservation | undefined): EvidenceItem {
  if (!p) return { kind, summary: 'probe missing from the evidence' };
  const b = p.backend;
  return {
    kind,
    summary:
      `GET ${p.request.path} (SNI ${p.request.sni}) from ${p.request.clientAddress}: client was shown CN=${cn(p.client.certificateSubject)}` +
      (p.client.error ? `, client error "${p.client.error}"` : `, answered by ${p.client.servedBy ?? 'nobody'}`) +
      (b ? `; backend ${b.name} saw TCP peer ${b.peerAddress}, SNI ${b.sni ?? 'none'}, X-Forwarded-For ${b.xForwardedFor ?? 'absent'}` : '; no backend saw the request'),
    data: p,
  };
}

export function proxySitsBetween(e: DataPlaneEvidence): RuleOutcome {
  const p = probe(e.proxy, /^path \/api\//);
  const c = e.addresses.client;
  const lb = e.addresses.lbSource;
  return outcomeUnless(
    [
      expectThat('proxy.probes[api].client.certificate', cn(p?.client.certificateSubject ?? null) === cn(e.certificates.lb.subject), 'the client was shown the load balancer\'s certificate'),
      expectThat('proxy.probes[api].backend.peerAddress', p?.backend?.peerAddress === lb, `the backend's TCP peer was the load balancer (${lb})`),
      expectThat('proxy.probes[api].backend.xForwardedFor', p?.backend?.xForwardedFor === c, `the backend saw the client (${c}) in X-Forwarded-For`),
    ],
    {
      aspect: 'the load balancer is the endpoint of both connections',
      verdict: 'confirmed',
      explanation:
        `Right: a proxy load balancer ends the client's connection and opens its own to the server. On a real HAProxy in HTTP mode (${e.haproxyVersion}) the client at ${c} was shown the load balancer's own certificate (CN=${cn(e.certificates.lb.subject)}), ` +
        `while the backend's TCP and TLS peer was the load balancer (${lb}) and the client appeared only in the X-Forwarded-For header HAProxy added. ` +
        'An AWS Application Load Balancer works the same way and adds X-Forwarded-For too. Because the proxy terminates TLS it can read the HTTP request, which is what makes the "predefined rules" possible.',
      evidence: [probeItem('haproxy-http-mode-probe', p)],
      sources: [SOURCES.haproxyMode, SOURCES.haproxyForwardfor, SOURCES.albXForwarded],
    },
  );
}

export function proxyRoutesByRules(e: DataPlaneEvidence): RuleOutcome {
  const api = probe(e.proxy, /^path \/api\//);
  const other = probe(e.proxy, /^other paths/);
  return outcomeUnless(
    [
      expectThat('proxy.probes[api].servedBy', api?.client.servedBy === 'api', '/api/items was answered by the api backend'),
      expectThat('proxy.probes[other].servedBy', other?.client.servedBy === 'web', '/home was answered by the web backend'),
    ],
    {
      aspect: 'forwarding by rules (content-based routing)',
      verdict: 'confirmed',
      explanation:
        'Right, and the rules can use the request itself: with TLS terminated, HAProxy routed GET /api/items to the api backend and GET /home to the web backend through one listener (`use_backend be_api if { path_beg /api/ }`). ' +
        'An ALB does the same with listener rules on path, host, header or query string. This only works because the proxy decrypted the request.',
      evidence: [probeItem('haproxy-http-mode-probe', api), probeItem('haproxy-http-mode-probe', other)],
      sources: [SOURCES.haproxyMode, SOURCES.albRouting],
    },
  );
}

export function proxyHidesBackends(e: DataPlaneEvidence): RuleOutcome {
  const p = probe(e.proxy, /^path \/api\//);
  return outcomeUnless(
    [expectThat('proxy.probes[api].backend.peerAddress', p?.backend?.peerAddress === e.addresses.lbSource, 'the backend only talked to the load balancer')],
    {
      aspect: 'backends need not be reachable by clients',
      verdict: 'confirmed',
      explanation:
        `Right: since the proxy opens its own connection to the server, the server only has to accept the load balancer (here every request reached the backend from ${e.addresses.lbSource}, never from the client ${e.addresses.client}). ` +
        'On AWS this is why targets can sit in private subnets with a security group that only admits the ALB\'s security group.',
      evidence: [probeItem('haproxy-http-mode-probe', p)],
      sources: [SOURCES.haproxyMode, SOURCES.albXForwarded],
    },
  );
}

export function spreadsRequests(e: DataPlaneEvidence): RuleOutcome {
  const d = e.proxy.distribution;
  const counts = Object.entries(d.servedBy).map(([k, v]) => `${k} ${v}`).join(', ');
  const values = Object.values(d.servedBy);
  return outcomeUnless(
    [expectThat('proxy.distribution.servedBy', values.length === 2 && values.every((v) => v > 0), 'both backends received requests')],
    {
      aspect: 'spreading the load',
      verdict: 'confirmed',
      explanation:
        `Right, with a caveat on "evenly": ${d.requests} requests to a two-server pool with \`balance ${d.algorithm}\` were answered ${counts}. ` +
        'Evenness is the algorithm\'s doing (round robin spreads requests, not load; least-connections or an ALB\'s "least outstanding requests" react to slow servers), and a balancer alone does not ensure no server is overloaded: that also takes enough capacity and health checks.',
      evidence: [{ kind: 'haproxy-distribution', summary: `${d.requests} requests: ${counts} (${d.algorithm})`, data: d }],
      sources: [SOURCES.albAlgorithm, SOURCES.haproxyMode],
    },
  );
}

export function passThroughForwardsBytes(e: DataPlaneEvidence): RuleOutcome {
  const p = probe(e.passThrough, /^SNI api/);
  return outcomeUnless(
    [
      expectThat('passThrough.probes[api].client.certificate', cn(p?.client.certificateSubject ?? null) === cn(e.certificates.api.subject), 'the client was shown the backend\'s own certificate'),
      expectThat('passThrough.probes[api].backend.xForwardedFor', p?.backend !== null && p?.backend?.xForwardedFor === null, 'the backend received no X-Forwarded-For'),
    ],
    {
      aspect: 'what "passes through" means',
      verdict: 'imprecise',
      explanation:
        'Half right. A pass-through load balancer works at layer 4: it forwards the TCP connection\'s bytes and never decrypts them, so it does not see "requests" at all, only connections. ' +
        `On HAProxy in TCP mode the client asking for ${p?.request.sni} was shown the backend's own certificate (CN=${cn(p?.client.certificateSubject ?? null)}), i.e. TLS ran end to end between client and backend. ` +
        'Nothing could be added: the config asked for X-Forwarded-For and an extra header, HAProxy warned it ignores them in TCP mode' +
        (e.passThrough.configCheck.some((m) => /ignored/.test(m)) ? ` ("${e.passThrough.configCheck.find((m) => /ignored/.test(m))}")` : '') +
        ', and the backend received no X-Forwarded-For. "Without modifying" holds for the payload, but the load balancer still opens its own TCP connection unless it preserves the client address (an NLB does for instance targets; otherwise the PROXY protocol carries it).',
      evidence: [probeItem('haproxy-tcp-mode-probe', p), { kind: 'haproxy-config-check', summary: e.passThrough.configCheck.join(' | '), data: e.passThrough.configCheck }],
      sources: [SOURCES.haproxyMode, SOURCES.haproxyForwardfor, SOURCES.rfc8446, SOURCES.nlbTlsPassThrough],
    },
  );
}

export function passThroughLayer(e: DataPlaneEvidence): RuleOutcome {
  const byPath = probe(e.passThrough, /^path \/api\//);
  const bySni = probe(e.passThrough, /^SNI api/);
  return outcomeUnless(
    [
      expectThat('passThrough.probes[path].servedBy', byPath?.client.servedBy === 'web', 'the /api/ path rule did not route (web answered)'),
      expectThat('passThrough.probes[sni].servedBy', bySni?.client.servedBy === 'api', 'the SNI rule routed to api'),
    ],
    {
      aspect: '"already load balanced at a lower level (such as at the application layer)"',
      verdict: 'contradicted',
      explanation:
        'The application layer is the top of the stack, not a lower level, and a pass-through balancer works below it, at the transport layer (L4): it cannot see the application\'s requests. ' +
        `Observed on HAProxy in TCP mode: a rule \`use_backend be_api if { path_beg /api/ }\` sat first in the config, yet GET ${byPath?.request.path} went to ${byPath?.client.servedBy ?? 'nobody'} because the load balancer only ever saw TLS ciphertext; ` +
        `routing by SNI worked (${bySni?.request.sni} went to ${bySni?.client.servedBy ?? 'nobody'}) only because the server name travels in clear in the ClientHello. ` +
        'You choose pass-through when TLS must stay end to end (keys only on the servers, client certificates checked by the servers), for non-HTTP protocols, or for the lowest latency, not because the servers are balanced elsewhere.',
      evidence: [probeItem('haproxy-tcp-mode-probe', byPath), probeItem('haproxy-tcp-mode-probe', bySni)],
      sources: [SOURCES.rfc1122Layers, SOURCES.haproxySni, SOURCES.rfc6066Sni, SOURCES.nlbListeners],
    },
  );
}

export function passThroughOverhead(e: DataPlaneEvidence): RuleOutcome {
  const p = probe(e.passThrough, /^SNI lb\.test/);
  return outcomeUnless(
    [expectThat('passThrough.probes[lb].client', p !== undefined && !p.client.ok && cn(p.client.certificateSubject) !== cn(e.certificates.lb.subject), 'the pass-through LB presented no certificate of its own')],
    {
      aspect: '"without adding any additional overhead or complexity"',
      verdict: 'imprecise',
      explanation:
        `Partly: the pass-through load balancer does no TLS work (it has no certificate; a client asking it for ${p?.request.sni} was handed the backend's certificate CN=${cn(p?.client.certificateSubject ?? null)} and rejected it). ` +
        'But the work moves to every backend, each of which must now hold a certificate and private key, and you lose what needs the request: path routing, headers such as X-Forwarded-For, caching, and web firewall rules.',
      evidence: [probeItem('haproxy-tcp-mode-probe', p)],
      sources: [SOURCES.haproxyMode, SOURCES.nlbTlsPassThrough],
    },
  );
}

export function reverseProxyIsGateway(e: DataPlaneEvidence): RuleOutcome {
  const p = probe(e.proxy, /^path \/api\//);
  return outcomeUnless(
    [expectThat('proxy.probes[api].backend.peerAddress', p?.backend?.peerAddress === e.addresses.lbSource, 'HAProxy sat between client and backend')],
    {
      aspect: 'a proxy on the server side',
      verdict: 'confirmed',
      explanation:
        'Right. HTTP calls it a gateway ("a.k.a. reverse proxy"): it acts as the origin server for the client and forwards to the real servers. The HTTP-mode HAProxy in this lab is one; so is an AWS ALB. A proxy load balancer is a reverse proxy whose main job is spreading load, so the first and third components overlap.',
      evidence: [probeItem('haproxy-http-mode-probe', p)],
      sources: [SOURCES.rfc9110Intermediaries],
    },
  );
}

export function reverseProxyCaches(e: DataPlaneEvidence): RuleOutcome {
  const c = e.proxy.cache;
  return outcomeUnless(
    [expectThat('proxy.cache.backendHits', c.backendHits === 1 && c.requests > 1, `the backend saw 1 of ${c.requests} requests`)],
    {
      aspect: 'content caching',
      verdict: 'confirmed',
      explanation:
        `Right: with HAProxy's cache section in front of the web backend, ${c.requests} requests for ${c.path} (Cache-Control: public, max-age=60) reached the backend ${c.backendHits} time(s); the later answers came from the cache and carried an Age header (${c.ageHeaders.map((a) => a ?? 'none').join(', ')}). ` +
        'Note an AWS ALB itself does not cache; on AWS that is CloudFront\'s job in front of it.',
      evidence: [{ kind: 'haproxy-cache', summary: `${c.requests} requests, ${c.backendHits} backend hit(s), Age: ${c.ageHeaders.join(', ')}`, data: c }],
      sources: [SOURCES.haproxyCache, SOURCES.rfc9111Age],
    },
  );
}

export function reverseProxyTerminatesTls(e: DataPlaneEvidence): RuleOutcome {
  const p = probe(e.proxy, /^path \/api\//);
  return outcomeUnless(
    [
      expectThat('proxy.probes[api].client.certificate', cn(p?.client.certificateSubject ?? null) === cn(e.certificates.lb.subject), 'the client was shown the LB certificate'),
      expectThat('proxy.probes[api].backend.sni', p?.backend?.sni === cn(e.certificates.api.subject), 'the LB opened a new TLS session to the backend'),
    ],
    {
      aspect: 'SSL/TLS termination',
      verdict: 'confirmed',
      explanation:
        `Right: the client's TLS session ended at HAProxy (it was shown CN=${cn(p?.client.certificateSubject ?? null)}), and HAProxy opened a second TLS session to the backend (SNI ${p?.backend?.sni}, ${p?.backend?.tlsVersion}). ` +
        'That is termination plus re-encryption, which is how an ALB gives end-to-end encryption with an HTTPS target group.',
      evidence: [probeItem('haproxy-http-mode-probe', p)],
      sources: [SOURCES.haproxyMode, SOURCES.albListeners],
    },
  );
}

export function reverseProxyRewritesHeaders(e: DataPlaneEvidence): RuleOutcome {
  const proxied = probe(e.proxy, /^other paths/);
  const direct = probe(e.passThrough, /^SNI api/);
  return outcomeUnless(
    [
      expectThat('passThrough.probes[api].headers.x-powered-by', direct?.client.headers['x-powered-by'] !== undefined, 'the backend sends X-Powered-By'),
      expectThat('proxy.probes[other].headers.x-powered-by', proxied?.client.headers['x-powered-by'] === undefined, 'the proxy removed X-Powered-By'),
      expectThat('proxy.probes[other].headers.strict-transport-security', proxied?.client.headers['strict-transport-security'] !== undefined, 'the proxy added Strict-Transport-Security'),
    ],
    {
      aspect: 'security duties (header rewriting)',
      verdict: 'confirmed',
      explanation:
        'Right; one concrete example from this lab: the backend announces itself with X-Powered-By (seen unchanged through the pass-through), the reverse proxy removed that header and added Strict-Transport-Security on every answer, and told the backend the original scheme with X-Forwarded-Proto. ' +
        'Other security duties are rate limiting, request filtering (AWS WAF on an ALB) and keeping servers off the internet.',
      evidence: [probeItem('haproxy-http-mode-probe', proxied), probeItem('haproxy-tcp-mode-probe', direct)],
      sources: [SOURCES.haproxyHttpRewrite, SOURCES.rfc9110Intermediaries],
    },
  );
}
