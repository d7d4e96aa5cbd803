/**
 * Turns tshark's TLS records into the message sequence of one connection. Pure, so it is tested on recorded
 * records. Two decodes of the same capture are compared: with the key log (what the peers read) and without
 * (what an eavesdropper reads); a message only the keyed decode can name was encrypted on the wire.
 */
import type { TlsRecord } from '../../src/net/tshark.ts';
import type { Direction, TlsMessage } from './evidence.ts';

export const HANDSHAKE_TYPES: Record<number, string> = {
  0: 'HelloRequest',
  1: 'ClientHello',
  2: 'ServerHello',
  4: 'NewSessionTicket',
  5: 'EndOfEarlyData',
  8: 'EncryptedExtensions',
  11: 'Certificate',
  12: 'ServerKeyExchange',
  13: 'CertificateRequest',
  14: 'ServerHelloDone',
  15: 'CertificateVerify',
  16: 'ClientKeyExchange',
  20: 'Finished',
  24: 'KeyUpdate',
};

const CONTENT_TYPES: Record<number, string> = { 20: 'ChangeCipherSpec', 21: 'Alert', 22: 'Handshake', 23: 'ApplicationData' };

export function tlsMessagesOfConnection(keyed: readonly TlsRecord[], keyless: readonly TlsRecord[], clientPort: number, serverPort: number): TlsMessage[] {
  const ofConnection = (r: TlsRecord) =>
    (r.srcPort === clientPort && r.dstPort === serverPort) || (r.srcPort === serverPort && r.dstPort === clientPort);
  const keyedRecords = keyed.filter(ofConnection);
  const keylessRecords = keyless.filter(ofConnection);
  const messages: TlsMessage[] = [];
  const sentChangeCipherSpec = new Set<Direction>();
  keyedRecords.forEach((record, index) => {
    const direction: Direction = record.srcPort === clientPort ? 'client→server' : 'server→client';
    const plain = keylessRecords[index];
    const samePosition = plain && plain.frame === record.frame;
    // TLS 1.3 wraps protected records as application_data (opaque type); TLS 1.2 protects what follows a peer's CCS.
    const protectedRecord = record.opaqueType !== null || sentChangeCipherSpec.has(direction);
    if (record.contentType === 22) {
      record.handshakeTypes.forEach((type, i) => {
        const readableWithoutKeys = samePosition && plain.contentType === 22 && plain.handshakeTypes[i] !== null && plain.handshakeTypes[i] === type;
        messages.push({
          direction,
          name: type === null ? 'EncryptedHandshakeMessage' : (HANDSHAKE_TYPES[type] ?? `HandshakeType${type}`),
          encrypted: !readableWithoutKeys || protectedRecord,
        });
      });
    } else {
      const name = record.contentType === null ? 'EncryptedRecord' : (CONTENT_TYPES[record.contentType] ?? `ContentType${record.contentType}`);
      messages.push({ direction, name, encrypted: record.contentType === 23 || record.contentType === null || protectedRecord });
    }
    if (record.contentType === 20) sentChangeCipherSpec.add(direction);
  });
  return messages;
}
