/**
 * Decoding pcaps with tshark into small plain records (the evidence), so no lab hand-parses packets.
 * Every call names the TCP port to decode as TLS: a random port can collide with another dissector's
 * heuristics (port 44818 decoded as EtherNet/IP, not TLS, in a real run).
 */
import { runCommand } from './run-command.ts';

export interface TsharkOptions {
  tshark: string;
  pcap: string;
  signal?: AbortSignal;
}

/** Quotes a path for a tshark UAT preference value. */
function uatPath(file: string): string {
  return `"${file.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export interface TlsDecodeOptions {
  /** NSS key log (from the 'keylog' event) to decrypt TLS 1.3 handshakes and all application data. */
  keylogFile?: string;
  /** Server RSA private key file: decrypts TLS 1.2 sessions with RSA key exchange only. Keep it in the work dir. */
  rsaKeyFile?: string;
  /** Ports to decode as TLS. */
  tlsPorts?: number[];
}

function tlsPrefs(options: TlsDecodeOptions): string[] {
  const args: string[] = [];
  for (const port of options.tlsPorts ?? []) args.push('-d', `tcp.port==${port},tls`);
  // An empty key log path switches decryption off explicitly, so a user's Wireshark profile cannot add keys.
  args.push('-o', `tls.keylog_file:${options.keylogFile ?? ''}`);
  if (options.rsaKeyFile) args.push('-o', `uat:rsa_keys:${uatPath(options.rsaKeyFile)},""`);
  return args;
}

async function tsharkFields(options: TsharkOptions, extra: string[], fields: string[], displayFilter?: string): Promise<string[][]> {
  const args = ['-r', options.pcap, '-n', ...extra, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=,'];
  for (const f of fields) args.push('-e', f);
  if (displayFilter) args.push('-Y', displayFilter);
  const { stdout } = await runCommand(options.tshark, args, { timeoutMs: 15_000, signal: options.signal });
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

export interface TcpSegment {
  frame: number;
  /** Seconds since the first packet of the capture. */
  time: number;
  srcAddr: string;
  srcPort: number;
  dstAddr: string;
  dstPort: number;
  /** Flag names set on the segment, e.g. ['SYN', 'ACK']. */
  flags: string[];
  /** Relative sequence/acknowledgement numbers (tshark's, 0 at the ISN) and the raw 32-bit values. */
  seq: number;
  ack: number;
  rawSeq: number;
  rawAck: number;
  payloadLength: number;
  /** tshark's analysis: a keepalive probe (seq = next-1, 0 or 1 byte) and the peer's ACK to one. */
  keepAlive: boolean;
  keepAliveAck: boolean;
  stream: number;
}

const FLAG_BITS: [number, string][] = [
  [0x02, 'SYN'],
  [0x10, 'ACK'],
  [0x01, 'FIN'],
  [0x04, 'RST'],
  [0x08, 'PSH'],
  [0x20, 'URG'],
];

/** Every TCP segment in the capture (optionally narrowed by a display filter), in capture order. */
export async function decodeTcpSegments(options: TsharkOptions & { displayFilter?: string }): Promise<TcpSegment[]> {
  const fields = ['frame.number', 'frame.time_relative', 'ip.src', 'tcp.srcport', 'ip.dst', 'tcp.dstport', 'tcp.flags', 'tcp.seq', 'tcp.ack', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.len', 'tcp.analysis.keep_alive', 'tcp.analysis.keep_alive_ack', 'tcp.stream'];
  const rows = await tsharkFields(options, [], fields, options.displayFilter ?? 'tcp');
  return rows.map((r) => {
    const flagBits = Number.parseInt(r[6] ?? '0', 16);
    return {
      frame: Number(r[0]),
      time: Number(r[1]),
      srcAddr: r[2] ?? '',
      srcPort: Number(r[3]),
      dstAddr: r[4] ?? '',
      dstPort: Number(r[5]),
      flags: FLAG_BITS.filter(([bit]) => (flagBits & bit) !== 0).map(([, name]) => name),
      seq: Number(r[7]),
      ack: Number(r[8]),
      rawSeq: Number(r[9]),
      rawAck: Number(r[10]),
      payloadLength: Number(r[11] || 0),
      keepAlive: (r[12] ?? '') !== '',
      keepAliveAck: (r[13] ?? '') !== '',
      stream: Number(r[14]),
    };
  });
}

export interface TlsRecord {
  frame: number;
  time: number;
  srcPort: number;
  dstPort: number;
  stream: number;
  /** Record content type as tshark sees it: the inner type when it could decrypt a TLS 1.3 record. */
  contentType: number | null;
  /** Set on TLS 1.3 encrypted records (always 23, application_data, on the wire). */
  opaqueType: number | null;
  /** Handshake message types in the record; null for a handshake message tshark could not read (encrypted). */
  handshakeTypes: (number | null)[];
}

type Json = Record<string, unknown>;
const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x]);
const num = (x: unknown): number | null => (x === undefined || x === null || x === '' ? null : Number(x));

/** TLS records per packet, decoded with whatever keys are given (none: what an eavesdropper sees). */
export async function decodeTlsRecords(options: TsharkOptions & TlsDecodeOptions): Promise<TlsRecord[]> {
  // --no-duplicate-keys: without it tshark's JSON repeats "tls.record" keys in one object and parsers keep only the last.
  const args = ['-r', options.pcap, '-n', ...tlsPrefs(options), '-Y', 'tls', '-T', 'json', '--no-duplicate-keys', '-J', 'frame tcp tls'];
  const { stdout } = await runCommand(options.tshark, args, { timeoutMs: 15_000, signal: options.signal });
  const packets = asList(stdout.trim() ? JSON.parse(stdout) : []) as { _source: { layers: Json } }[];
  const records: TlsRecord[] = [];
  for (const packet of packets) {
    const layers = packet._source.layers;
    const frame = layers.frame as Json;
    const tcp = layers.tcp as Json;
    for (const tlsLayer of asList(layers.tls)) {
      if (typeof tlsLayer !== 'object' || tlsLayer === null) continue;
      for (const record of asList((tlsLayer as Json)['tls.record'])) {
        if (typeof record !== 'object' || record === null) continue;
        const r = record as Json;
        records.push({
          frame: Number(frame['frame.number']),
          time: Number(frame['frame.time_relative']),
          srcPort: Number(tcp['tcp.srcport']),
          dstPort: Number(tcp['tcp.dstport']),
          stream: Number(tcp['tcp.stream']),
          contentType: num(r['tls.record.content_type']),
          opaqueType: num(r['tls.record.opaque_type']),
          handshakeTypes: asList(r['tls.handshake']).map((h) => (typeof h === 'object' && h !== null ? num((h as Json)['tls.handshake.type']) : null)),
        });
      }
    }
  }
  return records;
}

/** Application data tshark could decrypt with the given keys (hex-decoded), per frame. Empty when it could not. */
export async function decryptedApplicationData(options: TsharkOptions & TlsDecodeOptions): Promise<{ frame: number; srcPort: number; dstPort: number; data: Buffer }[]> {
  const rows = await tsharkFields(options, tlsPrefs(options), ['frame.number', 'tcp.srcport', 'tcp.dstport', 'data.data'], 'data.data');
  return rows.flatMap((r) =>
    (r[3] ?? '')
      .split(',')
      .filter(Boolean)
      .map((hex) => ({ frame: Number(r[0]), srcPort: Number(r[1]), dstPort: Number(r[2]), data: Buffer.from(hex.replace(/:/g, ''), 'hex') })),
  );
}

/** Raw TCP payload bytes per segment, exactly as they crossed the wire (no TLS decoding). */
export async function tcpPayloads(options: TsharkOptions): Promise<{ frame: number; srcPort: number; dstPort: number; payload: Buffer }[]> {
  // `-d tcp.port==0,data` is not needed: tcp.payload is filled before any higher dissector runs.
  const rows = await tsharkFields(options, [], ['frame.number', 'tcp.srcport', 'tcp.dstport', 'tcp.payload'], 'tcp.len > 0');
  return rows.map((r) => ({ frame: Number(r[0]), srcPort: Number(r[1]), dstPort: Number(r[2]), payload: Buffer.from((r[3] ?? '').replace(/:/g, ''), 'hex') }));
}
