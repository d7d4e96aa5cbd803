import type { Source } from '../../src/model/types.ts';

export const SOURCES = {
  haproxyMode: { title: 'HAProxy 2.6 Configuration Manual: mode (tcp|http)', url: 'https://docs.haproxy.org/2.6/configuration.html#4-mode' },
  haproxyForwardfor: { title: 'HAProxy 2.6 Configuration Manual: option forwardfor', url: 'https://docs.haproxy.org/2.6/configuration.html#4-option%20forwardfor' },
  haproxySni: { title: 'HAProxy 2.6 Configuration Manual: req.ssl_sni (SNI read from the ClientHello in TCP mode)', url: 'https://docs.haproxy.org/2.6/configuration.html#7.3.5-req.ssl_sni' },
  haproxyCache: { title: 'HAProxy 2.6 Configuration Manual: Cache', url: 'https://docs.haproxy.org/2.6/configuration.html#6' },
  haproxyHttpRewrite: { title: 'HAProxy 2.6 Configuration Manual: http-request / http-response actions', url: 'https://docs.haproxy.org/2.6/configuration.html#4.2-http-response' },
  albListeners: { title: 'AWS: Listeners for your Application Load Balancers (HTTP and HTTPS only)', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html' },
  nlbListeners: { title: 'AWS: Listeners for your Network Load Balancers (TCP, TLS, UDP, TCP_UDP)', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html' },
  nlbTlsPassThrough: { title: 'AWS: TLS listeners for your Network Load Balancer (use a TCP listener to pass encrypted traffic through)', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/create-tls-listener.html' },
  albXForwarded: { title: 'AWS: HTTP headers and Application Load Balancers (X-Forwarded-For)', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/x-forwarded-headers.html' },
  albRouting: { title: 'AWS: Listener rules for your Application Load Balancer (path-based routing)', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html' },
  albAlgorithm: { title: 'AWS: Target groups for your Application Load Balancers (routing algorithm)', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#modify-routing-algorithm' },
  rfc9110Intermediaries: { title: 'RFC 9110 HTTP Semantics §3.7 Intermediaries (gateway, a.k.a. reverse proxy)', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-3.7' },
  rfc9111Age: { title: 'RFC 9111 HTTP Caching §5.1 Age', url: 'https://www.rfc-editor.org/rfc/rfc9111#section-5.1' },
  rfc6066Sni: { title: 'RFC 6066 TLS Extensions §3 Server Name Indication', url: 'https://www.rfc-editor.org/rfc/rfc6066#section-3' },
  rfc1122Layers: { title: 'RFC 1122 Requirements for Internet Hosts §1.1.3 (transport vs application layer)', url: 'https://www.rfc-editor.org/rfc/rfc1122#section-1.1.3' },
  rfc8446: { title: 'RFC 8446 TLS 1.3 §1 (the server authenticates with its own certificate)', url: 'https://www.rfc-editor.org/rfc/rfc8446#section-1' },
} as const satisfies Record<string, Source>;
