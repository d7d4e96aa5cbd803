/**
 * The one place journal-lab makes certificates: a throw-away CA and self-signed certificates, for the local labs
 * (TLS handshakes, certificate validation, the HAProxy twins) and the ALB's listener certificate.
 * Keys are generated in memory with WebCrypto and only ever leave as PEM strings the caller writes into its own
 * work dir: never put `keyPem` into evidence.
 */
import { webcrypto, X509Certificate as NodeX509 } from 'node:crypto';
import { x509 } from './x509.ts';

const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const ECDSA: EcKeyGenParams & { hash: string } = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

/** RSA is needed for TLS 1.2 RSA key exchange; ECDSA is faster to make and fine for everything else. */
export type KeyType = 'rsa' | 'ecdsa';

export interface IssuedCertificate {
  certPem: string;
  /** Secret: write it to a 0600 file in the lab's work dir, never into evidence or logs. */
  keyPem: string;
  /** Non-secret facts about the certificate, safe for evidence. */
  info: CertificateInfo;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  subjectAltNames: string[];
  keyType: KeyType;
  selfSigned: boolean;
  fingerprint256: string;
}

export interface IssueOptions {
  commonName: string;
  /** Adds O= to the subject, so a certificate says who made it. */
  organization?: string;
  /** DNS names for subjectAltName (clients match the hostname against these, not the CN: RFC 6125). */
  dnsNames?: string[];
  ipAddresses?: string[];
  notBefore?: Date;
  notAfter?: Date;
  keyType?: KeyType;
  /** Adds clientAuth to extended key usage, for mutual TLS. */
  clientAuth?: boolean;
}

export interface LocalCa {
  /** The CA certificate a client trusts (`tls.connect({ ca })`). */
  certPem: string;
  info: CertificateInfo;
  issue(options: IssueOptions): Promise<IssuedCertificate>;
}

type Keys = CryptoKeyPair;

async function generateKeys(type: KeyType): Promise<Keys> {
  return (await webcrypto.subtle.generateKey(type === 'rsa' ? RSA : ECDSA, true, ['sign', 'verify'])) as unknown as Keys;
}

async function privateKeyPem(keys: Keys): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as never);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

function signingAlgorithm(type: KeyType) {
  return type === 'rsa' ? RSA : ECDSA;
}

function randomSerial(): string {
  // Positive, 16 random bytes (RFC 5280 §4.1.2.2: unique per CA, at most 20 octets).
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

/** Non-secret facts about a certificate, read back from its PEM: what evidence and run records may hold. */
export function describeCertificate(certPem: string, keyType: KeyType): CertificateInfo {
  const cert = new NodeX509(certPem);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    serialNumber: cert.serialNumber,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    subjectAltNames: cert.subjectAltName ? cert.subjectAltName.split(', ') : [],
    keyType,
    selfSigned: cert.subject === cert.issuer,
    fingerprint256: cert.fingerprint256,
  };
}

function leafExtensions(options: IssueOptions): x509.Extension[] {
  const names: x509.JsonGeneralName[] = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(options.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const usages = [x509.ExtendedKeyUsage.serverAuth, ...(options.clientAuth ? [x509.ExtendedKeyUsage.clientAuth] : [])];
  // keyEncipherment is for RSA key transport (TLS 1.2 RSA key exchange); an EC key only signs (RFC 8813 §3).
  const keyUsage = x509.KeyUsageFlags.digitalSignature | (keyTypeOf(options) === 'rsa' ? x509.KeyUsageFlags.keyEncipherment : 0);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(keyUsage, true),
    new x509.ExtendedKeyUsageExtension(usages),
  ];
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names));
  return extensions;
}

/** Leaves are RSA unless asked otherwise: the TLS 1.2 RSA key-exchange runs need it, and it is what most sites serve. */
function keyTypeOf(options: IssueOptions): KeyType {
  return options.keyType ?? 'rsa';
}

function subjectOf(options: IssueOptions): string {
  return `CN=${options.commonName}${options.organization ? `, O=${options.organization}` : ''}`;
}

function validity(options: { notBefore?: Date; notAfter?: Date }) {
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 24 * 3600_000);
  return { notBefore, notAfter };
}

/** Creates a CA (ECDSA P-256 by default) whose certificates a client trusts once it is given `certPem`. */
export async function createLocalCa(options: { commonName?: string; keyType?: KeyType } = {}): Promise<LocalCa> {
  const keyType = options.keyType ?? 'ecdsa';
  const keys = await generateKeys(keyType);
  const name = `CN=${options.commonName ?? 'journal-lab local CA'}`;
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name,
    ...validity({ notAfter: new Date(Date.now() + 2 * 24 * 3600_000) }),
    keys,
    signingAlgorithm: signingAlgorithm(keyType),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const certPem = caCert.toString('pem');
  return {
    certPem,
    info: describeCertificate(certPem, keyType),
    async issue(issueOptions) {
      const leafType = keyTypeOf(issueOptions);
      const leafKeys = await generateKeys(leafType);
      const leaf = await x509.X509CertificateGenerator.create({
        serialNumber: randomSerial(),
        subject: subjectOf(issueOptions),
        issuer: caCert.subject,
        ...validity(issueOptions),
        publicKey: leafKeys.publicKey,
        signingKey: keys.privateKey,
        signingAlgorithm: signingAlgorithm(keyType),
        extensions: [
          ...leafExtensions(issueOptions),
          await x509.AuthorityKeyIdentifierExtension.create(caCert),
          await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
        ],
      });
      const leafPem = leaf.toString('pem');
      return { certPem: leafPem, keyPem: await privateKeyPem(leafKeys), info: describeCertificate(leafPem, leafType) };
    },
  };
}

/** A certificate signed by its own key: no CA vouches for it, so a client with default trust rejects it. */
export async function createSelfSignedCertificate(options: IssueOptions): Promise<IssuedCertificate> {
  const keyType = keyTypeOf(options);
  const keys = await generateKeys(keyType);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: subjectOf(options),
    ...validity(options),
    keys,
    signingAlgorithm: signingAlgorithm(keyType),
    extensions: leafExtensions(options),
  });
  const certPem = cert.toString('pem');
  return { certPem, keyPem: await privateKeyPem(keys), info: describeCertificate(certPem, keyType) };
}

/** A server certificate for one host name (in CN and subjectAltName), the shape every TLS server of the labs uses. */
export function forHost(dnsName: string, keyType: KeyType = 'ecdsa'): IssueOptions {
  return { commonName: dnsName, dnsNames: [dnsName], keyType };
}
