/**
 * The two HAProxy configurations the lb-modes lab runs. Pure: ports, addresses and file paths in, config text out.
 * Both keep the same "reverse proxy" intentions (X-Forwarded-For, a header rule, path routing) so the difference
 * between the modes shows up as what HAProxy actually does with them.
 */
import { baseSections, renderHaproxyConfig } from '../../src/haproxy/config.ts';

export interface LbModesTopology {
  statsSocket: string;
  listenPort: number;
  /** The address HAProxy connects to backends from, so backends can tell the LB from the client. */
  lbSourceAddress: string;
  api: { port: number; sni: string };
  web: { port: number; sni: string };
}

export const CACHE_NAME = 'edge';

/** Proxy mode: TLS terminated here (`bind ... ssl crt`), HTTP understood, re-encrypted to backends (`server ... ssl`). */
export function proxyModeConfig(t: LbModesTopology, lbCrtFile: string): string {
  const server = (name: string, b: { port: number; sni: string }) =>
    // verify none: like an ALB, the LB does not check target certificates; sni names the backend it re-encrypts to.
    `server ${name} 127.0.0.1:${b.port} ssl verify none sni str(${b.sni}) source ${t.lbSourceAddress}`;
  return renderHaproxyConfig([
    ...baseSections({ statsSocket: t.statsSocket, mode: 'http' }),
    { kind: 'cache', name: CACHE_NAME, lines: ['total-max-size 4', 'max-age 60'] },
    {
      kind: 'frontend',
      name: 'fe_proxy',
      lines: [
        `bind 127.0.0.1:${t.listenPort} ssl crt ${lbCrtFile}`,
        'option forwardfor',
        'http-request set-header X-Forwarded-Proto https',
        'http-response del-header X-Powered-By',
        'http-response set-header Strict-Transport-Security "max-age=31536000"',
        'use_backend be_api if { path_beg /api/ }',
        'use_backend be_pool if { path_beg /pool/ }',
        'default_backend be_web',
      ],
    },
    { kind: 'backend', name: 'be_api', lines: [server('api', t.api)] },
    {
      kind: 'backend',
      name: 'be_web',
      lines: [`http-request cache-use ${CACHE_NAME}`, `http-response cache-store ${CACHE_NAME}`, server('web', t.web)],
    },
    { kind: 'backend', name: 'be_pool', lines: ['balance roundrobin', server('api', t.api), server('web', t.web)] },
  ]);
}

/**
 * Pass-through mode: TCP, no certificate here. The ClientHello's SNI is readable (it is sent in clear), so SNI
 * routing works; the path rule and the header rules stay in the config on purpose: HAProxy warns it ignores the
 * header rules in TCP mode, and the path rule can only ever see TLS ciphertext.
 */
export function passThroughConfig(t: LbModesTopology): string {
  const server = (name: string, b: { port: number }) => `server ${name} 127.0.0.1:${b.port} source ${t.lbSourceAddress}`;
  return renderHaproxyConfig([
    ...baseSections({ statsSocket: t.statsSocket, mode: 'tcp' }),
    {
      kind: 'frontend',
      name: 'fe_passthrough',
      lines: [
        `bind 127.0.0.1:${t.listenPort}`,
        'tcp-request inspect-delay 2s',
        'tcp-request content accept if { req_ssl_hello_type 1 }',
        'option forwardfor',
        'http-request set-header X-Forwarded-Proto https',
        'use_backend be_api if { path_beg /api/ }',
        `use_backend be_api if { req_ssl_sni -i ${t.api.sni} }`,
        'default_backend be_web',
      ],
    },
    { kind: 'backend', name: 'be_api', lines: [server('api', t.api)] },
    { kind: 'backend', name: 'be_web', lines: [server('web', t.web)] },
  ]);
}
