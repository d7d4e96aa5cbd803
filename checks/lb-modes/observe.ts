/**
 * Pure: the lb-modes lab's evidence → what it shows for the propositions it can observe. The data plane is a real
 * HAProxy on loopback in HTTP mode (a proxy / reverse proxy) and in TCP mode (pass-through) in front of two HTTPS
 * backends; the API part is what the ELBv2 API answered when the lab asked the ALB and the NLB for listeners.
 */
import type { Observation, Observer } from '../../src/claims/types.ts';
import { notObservedBecause } from '../../src/model/observed.ts';
import type { ApiEvidence, DataPlaneEvidence, LbModesEvidence, ProbeObservation } from './evidence.ts';

const cn = (subject: string | null | undefined) => /CN=([^,]+)/.exec(subject ?? '')?.[1] ?? subject ?? 'none';
const probe = (run: { probes: ProbeObservation[] }, name: RegExp) => run.probes.find((p) => name.test(p.name));

function onDataPlane(f: (d: DataPlaneEvidence) => Observation): Observer<LbModesEvidence> {
  return (e) => (e.dataPlane.status === 'observed' ? f(e.dataPlane) : notObservedBecause('the HAProxy experiment did not run', e.dataPlane));
}

function onApi(f: (a: ApiEvidence) => Observation): Observer<LbModesEvidence> {
  return (e) => (e.api.status === 'observed' ? f(e.api) : notObservedBecause('the ELBv2 API was not asked', e.api));
}

const unexpected = (what: string): Observation => ({ status: 'unverifiable', reason: `the experiment did not behave as expected (${what}), so it shows nothing here` });

/** HTTP mode: the client was shown the balancer's certificate, the backend's peer was the balancer. */
function proxyProbe(d: DataPlaneEvidence): ProbeObservation | undefined {
  const p = probe(d.proxy, /^path \/api\//);
  const ok = p?.backend && cn(p.client.certificateSubject) === cn(d.certificates.lb.subject) && p.backend.peerAddress === d.addresses.lbSource;
  return ok ? p : undefined;
}

const proxyConnections = onDataPlane((d) => {
  const p = proxyProbe(d);
  if (!p?.backend) return unexpected('the HTTP-mode probe did not show two connections');
  return {
    status: 'observed',
    value: 'two connections: it ends the client\'s and opens its own to the server',
    summary:
      `on HAProxy in HTTP mode (${d.haproxyVersion.split(' ').slice(0, 3).join(' ')}) the client at ${p.request.clientAddress} was shown the balancer's own certificate (CN=${cn(p.client.certificateSubject)}), ` +
      `while the backend's TCP/TLS peer was the balancer's address ${p.backend.peerAddress} (a new TLS session, SNI ${p.backend.sni ?? 'none'}), not the client.`,
    data: p,
  };
});

const proxyTls = onDataPlane((d) => {
  const p = proxyProbe(d);
  if (!p?.backend) return unexpected('the HTTP-mode probe did not show TLS ending at the balancer');
  return {
    status: 'observed',
    value: 'decrypts TLS (terminates it, may re-encrypt to the server)',
    summary: `on HAProxy in HTTP mode the client's TLS session ended at the balancer (it was shown CN=${cn(p.client.certificateSubject)}), which opened a second TLS session of its own to the backend (SNI ${p.backend.sni ?? 'none'}, ${p.backend.tlsVersion ?? '?'}).`,
    data: p,
  };
});

const proxyRouting = onDataPlane((d) => {
  const api = probe(d.proxy, /^path \/api\//);
  const other = probe(d.proxy, /^other paths/);
  if (api?.client.servedBy !== 'api' || other?.client.servedBy !== 'web') return unexpected('the path rule did not pick the backends');
  return {
    status: 'observed',
    value: 'request content: path, host, headers',
    summary: `on HAProxy in HTTP mode one listener sent GET ${api.request.path} to the api backend and GET ${other.request.path} to the web backend by a path rule, which works only because the balancer decrypted the request.`,
    data: { api, other },
  };
});

const proxyXff = onDataPlane((d) => {
  const p = probe(d.proxy, /^path \/api\//);
  if (!p?.backend || p.backend.xForwardedFor !== d.addresses.client) return unexpected('the backend did not see the client in X-Forwarded-For');
  return {
    status: 'observed',
    value: 'adds X-Forwarded-For with the client\'s address',
    summary: `on HAProxy in HTTP mode the backend's TCP peer was the balancer (${p.backend.peerAddress}) and the client's address (${p.backend.xForwardedFor}) arrived in the X-Forwarded-For header the balancer added.`,
    data: p,
  };
});

/** TCP mode: the client was shown the backend's own certificate and nothing was added to the request. */
const passThroughTls = onDataPlane((d) => {
  const p = probe(d.passThrough, /^SNI api/);
  if (!p?.backend || cn(p.client.certificateSubject) !== cn(d.certificates.api.subject)) return unexpected('the TCP-mode client was not shown the backend\'s certificate');
  return {
    status: 'observed',
    value: 'end to end: the balancer never decrypts, the server terminates TLS',
    summary: `on HAProxy in TCP mode the client asking for ${p.request.sni} was shown the backend's own certificate (CN=${cn(p.client.certificateSubject)}, ${p.client.tlsVersion ?? '?'}): the TLS session ran from the client to the backend through the balancer, which holds no certificate.`,
    data: p,
  };
});

function pathIgnored(d: DataPlaneEvidence) {
  const byPath = probe(d.passThrough, /^path \/api\//);
  const bySni = probe(d.passThrough, /^SNI api/);
  const rule = d.passThrough.config.split('\n').map((l) => l.trim()).find((l) => /path_beg/.test(l));
  return { byPath, bySni, rule, ok: byPath?.client.servedBy === 'web' && bySni?.client.servedBy === 'api' };
}

const passThroughPath = onDataPlane((d) => {
  const { byPath, bySni, rule, ok } = pathIgnored(d);
  if (!ok || !byPath || !bySni) return unexpected('the TCP-mode probes did not separate the path rule from the SNI rule');
  return {
    status: 'observed',
    value: 'only layer 3/4 information and the SNI, not HTTP content',
    summary:
      `on HAProxy in TCP mode a path rule stood first in the config (${rule ?? 'path_beg /api/'}), yet GET ${byPath.request.path} went to ${byPath.client.servedBy ?? 'nobody'}: the balancer only saw TLS ciphertext; ` +
      `the SNI rule did work (${bySni.request.sni} went to ${bySni.client.servedBy ?? 'nobody'}).`,
    data: { byPath, bySni },
  };
});

const passThroughSni = onDataPlane((d) => {
  const { bySni, ok } = pathIgnored(d);
  if (!ok || !bySni) return unexpected('the SNI rule did not pick the backend');
  return {
    status: 'observed',
    value: 'can route by the SNI name in the ClientHello',
    summary: `on HAProxy in TCP mode a client sending SNI ${bySni.request.sni} was routed to the ${bySni.client.servedBy ?? '?'} backend by \`req_ssl_sni\`, read from the ClientHello without decrypting anything, and was shown that backend's certificate (CN=${cn(bySni.client.certificateSubject)}).`,
    data: bySni,
  };
});

const passThroughInspects = onDataPlane((d) => {
  const { byPath, bySni, ok } = pathIgnored(d);
  if (!ok || !byPath || !bySni) return unexpected('the TCP-mode probes did not separate the path rule from the SNI rule');
  return {
    status: 'observed',
    value: 'layer 3/4 information (addresses, ports, connection) and the SNI',
    summary: `on HAProxy in TCP mode the balancer accepted each connection on its port, read the SNI in the ClientHello to pick a backend (${bySni.request.sni} → ${bySni.client.servedBy ?? '?'}), and could not read the request path (${byPath.request.path} → ${byPath.client.servedBy ?? '?'} despite a path rule).`,
    data: { byPath, bySni },
  };
});

const passThroughHeaders = onDataPlane((d) => {
  const reached = d.passThrough.probes.filter((p) => p.backend);
  if (reached.length === 0 || reached.some((p) => p.backend!.xForwardedFor !== null)) return unexpected('a TCP-mode backend saw an X-Forwarded-For header');
  const ignored = d.passThrough.configCheck.filter((m) => /ignored/i.test(m));
  return {
    status: 'observed',
    value: 'cannot add or edit HTTP headers',
    summary:
      `on HAProxy in TCP mode the config asked for X-Forwarded-For and an extra header, ${ignored.length ? `HAProxy warned it ignores them ("${ignored[0].replace(/^\[WARNING\] config : /, '')}")` : 'and HAProxy ignored them'}, ` +
      `and none of the ${reached.length} requests that reached a backend carried X-Forwarded-For.`,
    data: { configCheck: d.passThrough.configCheck, backends: reached.map((p) => p.backend) },
  };
});

const reverseProxyPosition = onDataPlane((d) => {
  const p = proxyProbe(d);
  if (!p?.backend) return unexpected('the HTTP-mode probe did not show the proxy answering for the servers');
  return {
    status: 'observed',
    value: 'in front of the servers, answering clients as if it were the origin',
    summary: `the HTTP-mode HAProxy is a reverse proxy: the client addressed it by its own name (SNI ${p.request.sni}) and was answered with its certificate as if it were the site, with no proxy setting on the client, while the servers behind it (api, web) only ever saw the proxy's address ${p.backend.peerAddress}.`,
    data: p,
  };
});

const DOCUMENTED_FUNCTIONS = ['load balancing', 'caching', 'TLS termination', 'security and filtering', 'compression', 'header rewriting', 'hiding the servers'];
const reverseProxyFunctions = onDataPlane((d) => {
  const c = d.proxy.cache;
  const p = proxyProbe(d);
  const other = probe(d.proxy, /^other paths/);
  const direct = probe(d.passThrough, /^SNI api/);
  const dist = d.proxy.distribution;
  const seen: string[] = [];
  if (c.backendHits === 1 && c.requests > 1) seen.push(`caching (${c.requests} requests for ${c.path}, ${c.backendHits} reached the backend, the rest carried Age)`);
  if (p) seen.push(`TLS termination (the client saw CN=${cn(p.client.certificateSubject)})`);
  if (direct?.client.headers['x-powered-by'] && other && !other.client.headers['x-powered-by'] && other.client.headers['strict-transport-security']) {
    seen.push('header rewriting (X-Powered-By removed, Strict-Transport-Security added)');
  }
  if (Object.values(dist.servedBy).filter((n) => n > 0).length > 1) seen.push(`load balancing (${dist.requests} requests, ${Object.entries(dist.servedBy).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  if (seen.length === 0) return unexpected('the HTTP-mode proxy showed none of its functions');
  return {
    status: 'observed',
    value: DOCUMENTED_FUNCTIONS,
    summary: `the HTTP-mode HAProxy in this lab did ${seen.join('; ')}; filtering, compression and keeping servers private are documented reverse-proxy functions too.`,
    data: { cache: c, distribution: dist },
  };
});

const distribution = onDataPlane((d) => {
  const dist = d.proxy.distribution;
  const counts = Object.entries(dist.servedBy);
  if (counts.filter(([, n]) => n > 0).length < 2) return unexpected('the pool did not spread requests');
  return {
    status: 'observed',
    value: 'spreads requests or connections across the servers',
    summary: `on HAProxy ${dist.requests} requests to ${dist.path} with \`balance ${dist.algorithm}\` were answered ${counts.map(([k, v]) => `${k} ${v}`).join(', ')}: the algorithm spread requests, it did not measure load.`,
    data: dist,
  };
});

const backendExposure = onDataPlane((d) => {
  const p = proxyProbe(d);
  if (!p?.backend) return unexpected('the backend did not talk to the balancer only');
  return {
    status: 'observed',
    value: 'need not be reachable by clients (only the balancer talks to them)',
    summary: `on HAProxy in HTTP mode every request reached the backend from the balancer's address ${p.backend.peerAddress}, never from the client ${d.addresses.client}.`,
    data: p,
  };
});

/** The API refused TCP and TLS listeners on the ALB, naming the protocols it takes. */
function albRefusals(a: ApiEvidence) {
  const alb = a.attempts.filter((x) => x.loadBalancer === 'alb');
  const refused = alb.filter((x) => x.outcome === 'refused' && /protocol/i.test(x.errorMessage ?? ''));
  const named = /one of '([^']+)'/.exec(refused[0]?.errorMessage ?? '')?.[1]?.split(/,\s*/).map((s) => s.trim()).filter(Boolean);
  return { alb, refused, named, ok: alb.length > 0 && refused.length === alb.length };
}

const albListenerProtocols = onApi((a) => {
  const { refused, named, ok } = albRefusals(a);
  if (!ok || !named?.length) return { status: 'unverifiable', reason: `the ${a.target} endpoint did not refuse non-HTTP listeners on the ALB by protocol, so it does not enforce AWS's rule` };
  return {
    status: 'observed',
    value: named,
    summary: `the ELBv2 API (${a.target}) refused ${refused.map((x) => `a ${x.protocol} listener`).join(' and ')} on the ALB: "${refused[0].errorMessage}".`,
    data: a.attempts,
  };
});

const albMode = onApi((a) => {
  const { refused, named, ok } = albRefusals(a);
  if (!ok || !named?.every((p) => /^HTTPS?$/.test(p))) return { status: 'unverifiable', reason: `the ${a.target} endpoint did not refuse non-HTTP listeners on the ALB, so it does not enforce AWS's rule` };
  return {
    status: 'observed',
    value: 'a layer 7 proxy (HTTP/HTTPS)',
    summary: `the ELBv2 API (${a.target}) refused ${refused.map((x) => x.protocol).join(' and ')} listeners on the ALB ("${refused[0].errorMessage}"): it only takes HTTP and HTTPS, so it cannot pass TCP or TLS through.`,
    data: a.attempts,
  };
});

const nlbMode = onApi((a) => {
  const tcp = a.attempts.find((x) => x.loadBalancer === 'nlb' && x.protocol === 'TCP' && x.outcome === 'accepted');
  const existing = a.nlb.listenerProtocols.filter((p) => /^(TCP|UDP|TLS|TCP_UDP):/.test(p));
  if (!tcp && existing.length === 0) return { status: 'unverifiable', reason: `the ${a.target} endpoint showed no TCP listener on the NLB` };
  return {
    status: 'observed',
    value: 'layer 4 (TCP, UDP, TLS)',
    summary: `the ELBv2 API (${a.target}) ${tcp ? `accepted a TCP listener on port ${tcp.port} on the NLB${tcp.deleted ? ' (deleted again)' : ''}` : ''}${tcp && existing.length ? ', and ' : ''}${existing.length ? `the NLB runs ${existing.join(', ')}` : ''}: a plain TCP listener, layer 4.`,
    data: { attempts: a.attempts, listeners: a.nlb.listenerProtocols },
  };
});

export const observers: Partial<Record<string, Observer<LbModesEvidence>>> = {
  'px.connections': proxyConnections,
  'px.tls': proxyTls,
  'px.routing': proxyRouting,
  'px.xff': proxyXff,
  'pt.tls': passThroughTls,
  'pt.path-routing': passThroughPath,
  'pt.sni': passThroughSni,
  'pt.inspects': passThroughInspects,
  'pt.xff': passThroughHeaders,
  'rp.position': reverseProxyPosition,
  'rp.functions': reverseProxyFunctions,
  'lb.distribution': distribution,
  'lb.backend-exposure': backendExposure,
  'alb.listener-protocols': albListenerProtocols,
  'alb.mode': albMode,
  'nlb.mode': nlbMode,
};
