import type { Source } from '../../src/model/types.ts';

export const SOURCES = {
  rfc9293Handshake: { title: 'RFC 9293 §3.5 Establishing a Connection (TCP)', url: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.5' },
  rfc9293Close: { title: 'RFC 9293 §3.6 Closing a Connection (TCP)', url: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.6' },
  rfc5246Handshake: { title: 'RFC 5246 §7.3 Handshake Protocol Overview (TLS 1.2)', url: 'https://www.rfc-editor.org/rfc/rfc5246#section-7.3' },
  rfc8446Handshake: { title: 'RFC 8446 §2 Protocol Overview (TLS 1.3)', url: 'https://www.rfc-editor.org/rfc/rfc8446#section-2' },
  rfc8446Compat: { title: 'RFC 8446 Appendix D.4 Middlebox Compatibility Mode', url: 'https://www.rfc-editor.org/rfc/rfc8446#appendix-D.4' },
  rfc8446Resumption: { title: 'RFC 8446 §2.2 Resumption and Pre-Shared Key', url: 'https://www.rfc-editor.org/rfc/rfc8446#section-2.2' },
  rfc1122Keepalive: { title: 'RFC 1122 §4.2.3.6 TCP Keep-Alives', url: 'https://www.rfc-editor.org/rfc/rfc1122#section-4.2.3.6' },
  tcp7: { title: 'tcp(7) — Linux manual page (tcp_keepalive_time/intvl/probes)', url: 'https://man7.org/linux/man-pages/man7/tcp.7.html' },
  tldpKeepalive: { title: 'TLDP TCP Keepalive HOWTO', url: 'https://tldp.org/HOWTO/TCP-Keepalive-HOWTO/overview.html' },
  nodeSetKeepAlive: { title: 'Node.js net: socket.setKeepAlive()', url: 'https://nodejs.org/docs/latest-v20.x/api/net.html#socketsetkeepaliveenable-initialdelay' },
  rfc9112Persistence: { title: 'RFC 9112 §9.3 Persistence (HTTP/1.1 persistent connections)', url: 'https://www.rfc-editor.org/rfc/rfc9112#section-9.3' },
  rfc9110Connection: { title: 'RFC 9110 §7.6.1 Connection header', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-7.6.1' },
  nodeTlsSession: { title: 'Node.js tls: session resumption', url: 'https://nodejs.org/docs/latest-v20.x/api/tls.html#session-resumption' },
} satisfies Record<string, Source>;
