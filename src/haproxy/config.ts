/**
 * A tiny model of an HAProxy configuration file, rendered to text. Pure: the labs build their configs from this
 * and tests compare the text, so what HAProxy runs is exactly what the evidence shows.
 */
export interface HaproxySection {
  kind: 'global' | 'defaults' | 'frontend' | 'backend' | 'listen' | 'cache';
  name?: string;
  lines: string[];
}

export function renderHaproxyConfig(sections: readonly HaproxySection[]): string {
  return sections
    .map((s) => [s.name ? `${s.kind} ${s.name}` : s.kind, ...s.lines.map((l) => `    ${l}`)].join('\n'))
    .join('\n\n') + '\n';
}

/**
 * The global and defaults every lab config starts with: a stats socket (for `show stat`) and logs on stdout, which
 * the process wrapper collects (HAProxy 2.x supports `log stdout` when it runs in the foreground).
 */
export function baseSections(options: { statsSocket: string; mode: 'http' | 'tcp'; timeouts?: Partial<Record<'connect' | 'client' | 'server', string>> }): HaproxySection[] {
  const t = { connect: '2s', client: '10s', server: '10s', ...options.timeouts };
  return [
    {
      kind: 'global',
      lines: [`stats socket ${options.statsSocket} mode 600 level admin`, 'log stdout format raw local0', 'maxconn 256'],
    },
    {
      kind: 'defaults',
      lines: [
        `mode ${options.mode}`,
        'log global',
        options.mode === 'http' ? 'option httplog' : 'option tcplog',
        `timeout connect ${t.connect}`,
        `timeout client ${t.client}`,
        `timeout server ${t.server}`,
      ],
    },
  ];
}

/** Milliseconds in HAProxy's time format (`500ms`), so scaled intervals stay exact. */
export function haproxyMs(ms: number): string {
  return `${Math.round(ms)}ms`;
}
