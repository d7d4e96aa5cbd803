/**
 * Runs a real HAProxy on loopback in front of two real HTTPS backends, first as a proxy (HTTP mode, TLS terminated
 * and re-encrypted), then as a pass-through (TCP mode), and records what the client and the backends each saw.
 */
import { notObserved, type NotObserved } from '../../src/model/observed.ts';
import type { LabContext } from '../../src/lab-api/lab.ts';
import { createLocalCa, forHost } from '../../src/certs/local-ca.ts';
import { writeHaproxyCrtFile } from '../../src/haproxy/crt-file.ts';
import { freeLoopbackPort } from '../../src/targets/free-port.ts';
import { startHttpsBackend, type HttpsBackend } from '../../src/haproxy/https-backend.ts';
import { probeHttps } from '../../src/haproxy/https-probe.ts';
import { locateHaproxy } from '../../src/haproxy/locate.ts';
import { haproxyVersion } from '../../src/haproxy/version.ts';
import { socketDir, startHaproxy } from '../../src/haproxy/process.ts';
import { passThroughConfig, proxyModeConfig, type LbModesTopology } from './haproxy-configs.ts';
import type { DataPlaneEvidence, ProbeObservation } from './evidence.ts';

/** Loopback is a /8 on Linux: a second and third address let the backend tell client, LB and itself apart. */
const CLIENT_ADDRESS = '127.0.0.2';
const LB_SOURCE_ADDRESS = '127.0.0.3';
const SNI = { lb: 'lb.test', api: 'api.backend.test', web: 'web.backend.test' } as const;

export async function collectLocalDataPlane(ctx: LabContext): Promise<DataPlaneEvidence | NotObserved> {
  const started = Date.now();
  const haproxy = locateHaproxy();
  if (!haproxy.found) return notObserved(haproxy.reason);
  const version = await haproxyVersion(haproxy.path, ctx.signal);

  const ca = await createLocalCa({ commonName: 'journal-lab HAProxy lab CA' });
  const [lbCert, apiCert, webCert] = await Promise.all([SNI.lb, SNI.api, SNI.web].map((name) => ca.issue(forHost(name))));
  const api = await startHttpsBackend({ name: 'api', certPem: apiCert.certPem, keyPem: apiCert.keyPem, teardown: ctx.teardown });
  const web = await startHttpsBackend({ name: 'web', certPem: webCert.certPem, keyPem: webCert.keyPem, teardown: ctx.teardown });
  const backends = [api, web];
  const sockets = await socketDir(ctx.teardown);
  const lbCrtFile = await writeHaproxyCrtFile(sockets, 'lb', lbCert);

  const topology = async (name: string): Promise<LbModesTopology> => ({
    statsSocket: `${sockets}/${name}.sock`,
    listenPort: await freeLoopbackPort(),
    lbSourceAddress: LB_SOURCE_ADDRESS,
    api: { port: api.port, sni: SNI.api },
    web: { port: web.port, sni: SNI.web },
  });
  const probe = (port: number, name: string, path: string, sni: string) => observe(backends, ca.certPem, port, name, path, sni);

  // Proxy mode.
  const proxyTopology = await topology('proxy');
  const proxyConfig = proxyModeConfig(proxyTopology, lbCrtFile);
  const proxyLb = await startHaproxy({ bin: haproxy.path, config: proxyConfig, workDir: ctx.workDir, name: 'lb-proxy-mode', teardown: ctx.teardown, waitForPorts: [proxyTopology.listenPort], signal: ctx.signal });
  const pp = proxyTopology.listenPort;
  const proxyProbes = [
    await probe(pp, 'path /api/ is routed to the api backend', '/api/items', SNI.lb),
    await probe(pp, 'other paths go to the web backend', '/home', SNI.lb),
  ];
  const cachePath = '/static/logo.png';
  const webHitsBefore = hits(web, cachePath);
  const cacheProbes: ProbeObservation[] = [];
  for (let i = 0; i < 3; i++) cacheProbes.push(await probe(pp, `cacheable request ${i + 1}`, cachePath, SNI.lb));
  const servedBy: Record<string, number> = {};
  const poolRequests = 10;
  for (let i = 0; i < poolRequests; i++) {
    const p = await probe(pp, 'pool', `/pool/${i}`, SNI.lb);
    const who = p.client.servedBy ?? 'none';
    servedBy[who] = (servedBy[who] ?? 0) + 1;
  }
  await proxyLb.stop();

  // Pass-through mode.
  const ptTopology = await topology('passthrough');
  const ptConfig = passThroughConfig(ptTopology);
  const ptLb = await startHaproxy({ bin: haproxy.path, config: ptConfig, workDir: ctx.workDir, name: 'lb-pass-through', teardown: ctx.teardown, waitForPorts: [ptTopology.listenPort], signal: ctx.signal });
  const tp = ptTopology.listenPort;
  const ptProbes = [
    await probe(tp, 'SNI api.backend.test is routed to the api backend', '/', SNI.api),
    await probe(tp, 'path /api/ with SNI web.backend.test (path rule in config)', '/api/items', SNI.web),
    await probe(tp, 'SNI lb.test: the load balancer has no certificate of its own', '/', SNI.lb),
  ];
  await ptLb.stop();

  return {
    status: 'observed',
    haproxyVersion: version,
    durationMs: Date.now() - started,
    addresses: { client: CLIENT_ADDRESS, lbSource: LB_SOURCE_ADDRESS, listen: '127.0.0.1' },
    certificates: { ca: ca.info, lb: lbCert.info, api: apiCert.info, web: webCert.info },
    proxy: {
      mode: 'http',
      config: proxyConfig,
      configCheck: proxyLb.check.messages,
      probes: [...proxyProbes, ...cacheProbes],
      cache: {
        path: cachePath,
        requests: cacheProbes.length,
        backendHits: hits(web, cachePath) - webHitsBefore,
        ageHeaders: cacheProbes.map((p) => p.client.headers.age ?? null),
      },
      distribution: { path: '/pool/N', requests: poolRequests, servedBy, algorithm: 'roundrobin' },
    },
    passThrough: { mode: 'tcp', config: ptConfig, configCheck: ptLb.check.messages, probes: ptProbes },
  };
}

function hits(backend: HttpsBackend, path: string): number {
  return backend.requests().filter((r) => r.path === path).length;
}

async function observe(backends: HttpsBackend[], caPem: string, port: number, name: string, path: string, sni: string): Promise<ProbeObservation> {
  const before = backends.map((b) => b.requests().length);
  const res = await probeHttps({ port, path, servername: sni, caPem, localAddress: CLIENT_ADDRESS });
  let backend: ProbeObservation['backend'] = null;
  backends.forEach((b, i) => {
    const rec = b.requests().slice(before[i]).find((r) => r.path === path);
    if (rec) backend = { name: b.name, peerAddress: rec.peerAddress, sni: rec.sni, xForwardedFor: rec.xForwardedFor, xForwardedProto: rec.xForwardedProto, tlsVersion: rec.tlsVersion };
  });
  const keep = ['x-served-by', 'x-powered-by', 'strict-transport-security', 'age', 'cache-control'];
  return {
    name,
    request: { path, sni, clientAddress: CLIENT_ADDRESS },
    client: {
      ok: res.ok,
      status: res.status,
      error: res.error,
      certificateSubject: res.peerCertificate?.subject ?? null,
      certificateFingerprint: res.peerCertificate?.fingerprint256 ?? null,
      verifiedAgainstCa: res.verified,
      tlsVersion: res.tlsVersion,
      servedBy: res.headers['x-served-by'] ?? null,
      headers: Object.fromEntries(Object.entries(res.headers).filter(([k]) => keep.includes(k))),
    },
    backend,
  };
}
