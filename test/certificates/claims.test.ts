/**
 * The certificates lab's claim book: statements in many wordings → the verdict a careful reviewer would give, judged
 * against the recorded reference evidence (real validation experiments and capture decryption). Pure and fast.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import certificatesLab from '../../labs/certificates.ts';
import type { Lab } from '../../src/labs/lab.ts';
import type { CertificatesEvidence } from '../../checks/certificates/evidence.ts';
import { judgeAlone, statementVerdict } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import { parseJournal } from '../../src/journal/parse-journal.ts';
import { judgeOf } from '../../src/claims/judge-statements.ts';
import { matchQuestion } from '../../src/labs/match.ts';

const lab = certificatesLab as unknown as Lab;
const recorded = loadReferenceEvidence().get('certificates')!;
const reference = recorded.evidence as CertificatesEvidence;
const QUESTION = 'certificates/why-certificate';

function judge(statement: string, evidence: CertificatesEvidence = reference) {
  return judgeAlone(statement, [lab], new Map([['certificates', evidence]]), () => 'local', QUESTION);
}
const verdict = (statement: string, evidence?: CertificatesEvidence) => statementVerdict(judge(statement, evidence).claims);

type Expect = 'confirmed' | 'contradicted' | 'imprecise' | 'unjudged';

/** Paraphrases of the facts the question turns on, right and wrong, in wordings of our own. */
const paraphrases: [string, Expect][] = [
  // authentication
  ['The point of a cert is that the browser can verify it is talking to the genuine site and not an impostor.', 'confirmed'],
  ["Certificates let clients confirm the server's identity, since a certificate authority has signed off on the domain.", 'confirmed'],
  ['It stops an attacker in the middle from impersonating the server.', 'confirmed'],
  ['Authentication - the certificate proves who the server is.', 'confirmed'],
  ["A certificate doesn't prove who the server is, it only scrambles the data.", 'contradicted'],
  ['Certificates are only for encryption; they have nothing to do with identity.', 'contradicted'],
  ['TLS certificates do not authenticate the server at all.', 'contradicted'],
  // what encrypts the traffic
  ['Application data is encrypted using symmetric keys negotiated during the handshake rather than the certificate key.', 'confirmed'],
  ["Once the handshake is over, AES session keys protect the traffic; the certificate's public key is never used to encrypt it.", 'confirmed'],
  ["The certificate isn't what encrypts the traffic, symmetric keys from the key exchange do that.", 'confirmed'],
  ['Symmetric encryption with per-session keys does the heavy lifting for the actual data.', 'confirmed'],
  ["Every byte of the session is encrypted with the server's public key from its certificate.", 'contradicted'],
  ["The browser encrypts the page data using the server's public key, and the server decrypts it with its private key.", 'contradicted'],
  ['Data going over the wire is not encrypted with session keys but with the public key in the certificate.', 'contradicted'],
  ['Encryption: the SSL certificate scrambles everything sent between client and server.', 'imprecise'],
  ['HTTPS traffic gets encrypted by the certificate.', 'imprecise'],
  ['Installing a cert is what makes the site encrypt its traffic.', 'imprecise'],
  // which key the certificate carries, and where the private key stays
  ["A certificate carries the server's public key along with its name, signed by the CA.", 'confirmed'],
  ['The certificate contains the private key so that browsers can decrypt responses.', 'contradicted'],
  ['The private key is never put in the certificate; it stays on the server.', 'confirmed'],
  ['The server keeps its private key to itself and only hands out the public one in the cert.', 'confirmed'],
  ['The server sends its private key to the browser during the handshake.', 'contradicted'],
  ["Inside the certificate you find both the public and the private key.", 'contradicted'],
  // what the certificate's key does in the handshake
  ['The client uses the public key from the certificate to verify the signature the server makes over the handshake.', 'confirmed'],
  ["With the key in the cert, the browser checks the server's signature on the key exchange.", 'confirmed'],
  ["The cert's public key is what the browser uses to decrypt the server's responses.", 'contradicted'],
  ['The client encrypts the premaster secret with the public key from the certificate.', 'imprecise'],
  ['In the old TLS 1.2 RSA key exchange the client encrypts the premaster secret with the public key from the certificate.', 'confirmed'],
  ['With RSA key exchange the pre-master secret is encrypted with the private key of the server.', 'contradicted'],
  // forward secrecy: what a stolen server key can and cannot decrypt
  ["With ECDHE, someone who steals the server's private key later still can't decrypt sessions they recorded.", 'confirmed'],
  ["With ECDHE, a stolen private key of the server lets you decrypt all the traffic you captured earlier.", 'contradicted'],
  ['TLS 1.3 gives forward secrecy.', 'confirmed'],
  ["With static RSA key exchange, the server's private key can decrypt recorded sessions.", 'confirmed'],
  // self-signed
  ['Browsers refuse self-signed certificates out of the box unless you import them as trusted.', 'confirmed'],
  ["A cert you signed yourself won't be trusted by curl or browsers until you add it to the trust store.", 'confirmed'],
  ['Self-signed certificates are trusted by browsers just like CA-issued ones.', 'contradicted'],
  ['Clients happily accept a self-signed certificate; you only get a warning.', 'contradicted'],
  ['Default clients do not reject self-signed certificates.', 'contradicted'],
  ['Self signed certs cause an error in every default client.', 'confirmed'],
  ['Root CA certificates are themselves self-signed and sit in the trust store.', 'confirmed'],
  // host name
  ["The browser refuses the connection when the domain you typed doesn't match any SAN on the certificate.", 'confirmed'],
  ['The hostname has to match one of the names in the subjectAltName, otherwise the handshake fails.', 'confirmed'],
  ["Even if the domain doesn't match the certificate's names, the connection works as long as the CA signature is valid.", 'contradicted'],
  ["Clients don't check the hostname, only that a trusted CA signed the cert.", 'contradicted'],
  ['A cert for example.com used on shop.example.org triggers a name mismatch error.', 'confirmed'],
  ['The name in the URL does not need to match the certificate.', 'contradicted'],
  // expiry
  ['Once a certificate is past its notAfter date, clients refuse it.', 'confirmed'],
  ['Certificates are only valid between their notBefore and notAfter dates.', 'confirmed'],
  ['An expired certificate still works, browsers only look at the signature.', 'contradicted'],
  ['Expired certs are accepted as long as the CA is trusted.', 'contradicted'],
  ["Clients won't accept a certificate that has expired.", 'confirmed'],
  // trust chain
  ["The client trusts the server's certificate because it can follow the signatures through intermediate CAs up to a root it already has installed.", 'confirmed'],
  ['Trust comes from the issuer: the cert is signed by a well-known certificate authority whose root ships with the OS.', 'confirmed'],
  ['Browsers trust any certificate the server presents.', 'contradicted'],
  ["The root CA doesn't need to be in the client's trust store.", 'contradicted'],
  // unknown CA
  ["A certificate issued by a private CA fails validation on clients that don't have that CA in their trust store.", 'confirmed'],
  ['Certs from an internal CA are accepted by every client without any setup.', 'contradicted'],
  // mutual TLS
  ['A server can also ask the client for a certificate, which is called mutual TLS.', 'confirmed'],
  ['Only servers ever have certificates; clients never present one.', 'contradicted'],
  // compliance
  ['Standards such as PCI DSS demand strong encryption for card data sent over public networks.', 'confirmed'],
  ['PCI DSS does not require encrypting cardholder data in transit.', 'contradicted'],
  ['PCI DSS requires TLS on every single connection, internal ones included.', 'imprecise'],
  // the same facts once more, worded as other learners might
  ["Mostly it's about identity: the certificate lets a client be sure the server really is the one for that domain, because a trusted authority signed it.", 'confirmed'],
  ["Symmetric keys derived during the TLS handshake are what protect the application data, the public key in the certificate isn't used for that.", 'confirmed'],
  ["The public key in the certificate is what protects the application data, symmetric keys aren't involved.", 'contradicted'],
  ["The certificate's key is used to encrypt the bulk data, the symmetric handshake keys are not.", 'contradicted'],
  ['Encryption - a TLS certificate encrypts all traffic between client and web server.', 'imprecise'],
  ["Having an SSL cert is what makes the traffic between the user's browser and the web server encrypted.", 'imprecise'],
  ["Inside an X.509 certificate sits the server's public key; the client verifies the server's handshake signature against it.", 'confirmed'],
  ["Inside an X.509 certificate sits the server's private key, and the browser decrypts the server's messages with it.", 'contradicted'],
  ["What the certificate carries is the server's public key, which lets the client verify signatures the server produces in the handshake.", 'confirmed'],
  ['Self-signed certificates fail verification in browsers, curl and Node unless the user explicitly trusts them.', 'confirmed'],
  ['Browsers, curl and Node accept self-signed certificates by default and just show a warning.', 'contradicted'],
  ['Out of the box, curl, browsers and Node will connect to a self-signed certificate and only show a warning.', 'contradicted'],
  ['No browser trusts a self-signed certificate by default.', 'confirmed'],
  ["A client aborts the handshake when the hostname it requested is not listed in the certificate's SAN field.", 'confirmed'],
  ['When the requested hostname is missing from the SAN list, the TLS client fails with a name mismatch.', 'confirmed'],
  ['A client continues the handshake when the hostname it requested is not listed in the SAN field, provided a trusted CA issued the cert.', 'contradicted'],
  ['When the requested hostname is missing from the SAN list, the connection goes ahead anyway because a trusted CA issued it.', 'contradicted'],
  ['Past its expiry date a certificate is rejected, even when the chain and hostname check out.', 'confirmed'],
  ['Once the validity period has passed, the certificate is refused, even when the chain and name are fine.', 'confirmed'],
  ['the cert is trusted cause it links thru intermediate CAs back to a root CA that ships in the browsers trust store', 'confirmed'],
  ['the browser accepts it since it can build a chain via the intermediates to a root cert that is preinstalled in its store', 'confirmed'],
  // styles: numbered, "X: …", hedged, typos
  ['1. Identity - the cert proves to the browser that the server is who it says it is.', 'confirmed'],
  ["Authenticity: because a CA signed the cert, users know they're on the legit site.", 'confirmed'],
  ['I think the certificate is basically what does the encryption of the traffic.', 'imprecise'],
  ['certs dont actually encrypt anything, the session keys from the key exchange do', 'confirmed'],
  ["The bulk data gets encrypted with the servers public key and decrypted by the server's private key.", 'contradicted'],
  ['Traffic is encrypted symmetrically (e.g. AES-GCM) using keys negotiated in the handshake.', 'confirmed'],
  ['The cert only has the public key in it, the private key never leaves the web server.', 'confirmed'],
  ["The cert includes the private key, that's how the client decrypts stuff.", 'contradicted'],
  ['Self-signed: browsers will throw an untrusted certificate error unless you install it as trusted.', 'confirmed'],
  ['Self signed certs work fine in browsers without any warnings.', 'contradicted'],
  ["The client doesn't care whether the hostname matches, as long as the chain is valid.", 'contradicted'],
  ['Expired certs get rejected by clients, so you need to renew them.', 'confirmed'],
  ['An expired certificate is still accepted as long as it was signed by a trusted CA.', 'contradicted'],
  ["Trust works through a chain: leaf cert -> intermediate CA -> root CA, and the root has to be in the client's trust store.", 'confirmed'],
  ['The browser trusts the cert because the server says it is valid.', 'contradicted'],
  ['PCI-DSS compliance needs TLS for card data going over public networks.', 'confirmed'],
  ['Mutual TLS means the client also presents a certificate to the server.', 'confirmed'],
  ["With TLS 1.3 a stolen server key doesn't let anyone decrypt recorded sessions.", 'confirmed'],
  ['The CA signature lets the client verify that the public key really belongs to that domain.', 'confirmed'],
  ['the cert encrypts data with its public key so only the server can read it', 'contradicted'],
  ['Certificates expire after a while.', 'unjudged'],
  ['A certificate is like a passport for the website.', 'unjudged'],
  // the devset facts in yet other words
  ['Above all it gives authentication — the browser can confirm the site is the one it meant to reach, since a CA it already trusts vouches for it.', 'confirmed'],
  ['The session traffic itself is protected by symmetric keys the two sides agree on during the handshake, never by the key inside the certificate.', 'confirmed'],
  ['The session traffic itself is protected by the key inside the certificate, never by symmetric keys agreed during the handshake.', 'contradicted'],
  ["It's the SSL certificate that encrypts everything flowing between the browser and the server.", 'imprecise'],
  ['A cert contains only the public part of the key pair; clients use it to validate the signature the server makes in the handshake.', 'confirmed'],
  ['A cert contains the private part of the key pair, which clients use to decrypt whatever the server sends them.', 'contradicted'],
  ['Clients such as browsers, curl or Node will by default refuse a self-signed cert unless it has been added to their trusted store.', 'confirmed'],
  ['Clients such as browsers, curl or Node will by default accept a self-signed cert and merely display a warning.', 'contradicted'],
  ["Should the hostname not appear in the certificate's SAN list, the client stops with a mismatch error.", 'confirmed'],
  ["Should the hostname not appear in the certificate's SAN list, the client connects anyway, provided a trusted CA issued it.", 'contradicted'],
  ['Even a certificate that is otherwise perfect fails validation once it has expired.', 'confirmed'],
  ['browsers trust certs because they chain via intermediate certificates up to a root ca already sitting in their trust store', 'confirmed'],
  // negations that do not deny the main claim, and conditions
  ['Without a certificate, the client has no way to know it is talking to the real server.', 'confirmed'],
  ['You should renew certificates before they expire or clients will refuse them.', 'confirmed'],
  ['The browser checks the certificate chain, the hostname and the expiry date.', 'confirmed'],
  ['The browser checks the chain but not the hostname.', 'contradicted'],
  ['Nobody can read the traffic because it is encrypted with keys only the two endpoints know.', 'confirmed'],
  ['A certificate is not an encryption key; it is a signed statement binding a name to a public key.', 'confirmed'],
  ['The server proves it owns the private key by signing the handshake.', 'confirmed'],
  ['The certificate is sent in the clear in TLS 1.2 but encrypted in TLS 1.3.', 'unjudged'],
  ["Let's Encrypt issues free certificates that browsers trust.", 'unjudged'],
  ['Certificates can be revoked before they expire (CRL, OCSP).', 'unjudged'],
  ['Certificates make the connection faster.', 'unjudged'],
  // vague or off-topic: never confirmed for being on topic
  ['Certificates are an important part of web security.', 'unjudged'],
  ['TLS certificates are issued for one year or so and you can buy them online.', 'unjudged'],
  ['We used Terraform to deploy the VPC.', 'unjudged'],
  ['HTTPS is better than HTTP.', 'unjudged'],
];

describe('certificates claims: paraphrases', () => {
  it.each(paraphrases)('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

/** Pairs that differ by one negation, value or quantifier flip the verdict. */
const minimalPairs: [string, Expect, string, Expect][] = [
  ['Self-signed certificates get rejected by default.', 'confirmed', 'Self-signed certificates get accepted by default.', 'contradicted'],
  ['Browsers reject expired certificates.', 'confirmed', "Browsers don't reject expired certificates.", 'contradicted'],
  ['The certificate contains the public key.', 'confirmed', 'The certificate contains the private key.', 'contradicted'],
  ['Bulk data is encrypted with the session keys.', 'confirmed', "Bulk data is encrypted with the certificate's public key.", 'contradicted'],
  ['The traffic is not encrypted by the certificate.', 'confirmed', 'The traffic is encrypted by the certificate.', 'imprecise'],
  ["If the host name isn't listed in the certificate, the client rejects the connection.", 'confirmed', "If the host name isn't listed in the certificate, the client still accepts the connection.", 'contradicted'],
  ['PCI DSS requires encryption of card data in transit.', 'confirmed', "PCI DSS doesn't require encryption of card data in transit.", 'contradicted'],
];

describe('certificates claims: minimal pairs', () => {
  it.each(minimalPairs)('%s (%s) / %s (%s)', (right, rightVerdict, wrong, wrongVerdict) => {
    expect(verdict(right)).toBe(rightVerdict);
    expect(verdict(wrong)).toBe(wrongVerdict);
  });
});

describe('certificates claims: observers read the recorded experiments', () => {
  const claimOf = (statement: string, evidence?: CertificatesEvidence) => judge(statement, evidence).claims[0]!;

  it('self-signed: the real client error code decides, as an observation', () => {
    const c = claimOf('Self-signed certificates get accepted by default.');
    expect(c.verdict).toBe('contradicted');
    expect(c.evidence[0]!.kind).toBe('observed');
    expect(c.explanation).toMatch(/lab observed[\s\S]*DEPTH_ZERO_SELF_SIGNED_CERT/);
  });

  it('host name and expiry: the rejections the client really raised', () => {
    expect(claimOf("If the host name isn't listed in the certificate, the client rejects the connection.").explanation).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
    expect(claimOf('Browsers reject expired certificates.').explanation).toMatch(/CERT_HAS_EXPIRED/);
    expect(claimOf('A certificate from an unknown CA is refused.').explanation).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
  });

  it('what encrypts the traffic: the capture decrypted with session keys, not with the certificate key (except RSA key exchange)', () => {
    const c = claimOf("Bulk data is encrypted with the certificate's public key.");
    expect(c.verdict).toBe('contradicted');
    expect(c.evidence[0]!.kind).toBe('observed');
    expect(c.explanation).toMatch(/session key/);
    expect(c.explanation).toMatch(/TLS 1\.2, RSA key exchange/);
    const runs = (c.evidence[0]!.data as { id: string; decryptedWithServerKey: boolean | null }[]);
    expect(Object.fromEntries(runs.map((r) => [r.id, r.decryptedWithServerKey]))).toMatchObject({ 'tls12-ecdhe': false, 'tls12-rsa': true, tls13: false });
  });

  it('forward secrecy: the server key did not decrypt the ECDHE / TLS 1.3 captures', () => {
    const c = claimOf('With ECDHE, the private key of the server can later decrypt recorded traffic.');
    expect(c.verdict).toBe('contradicted');
    expect(c.explanation).toMatch(/lab observed/);
  });

  it('falls back to the documented fact, saying so, when the experiments could not run', () => {
    const blind: CertificatesEvidence = { ...reference, validation: { status: 'unverifiable', reason: 'no loopback TLS server could be started' }, encryption: { status: 'unverifiable', reason: 'tcpdump needs root' } };
    const selfSigned = claimOf('Self-signed certificates get accepted by default.', blind);
    expect(selfSigned.verdict).toBe('contradicted');
    expect(selfSigned.explanation).toMatch(/Documented[\s\S]*could not observe this here: no loopback TLS server/);
    expect(selfSigned.evidence.map((e) => e.kind)).toEqual(['documented', 'not-observed']);
    const bulk = claimOf('The traffic is encrypted by the certificate.', blind);
    expect(bulk.verdict).toBe('imprecise');
    expect(bulk.explanation).toMatch(/could not observe this here: tcpdump needs root/);
  });

  it('an experiment that behaved unexpectedly is reported as observed, not papered over with the fact sheet', () => {
    const odd = structuredClone(reference);
    const v = odd.validation as { experiments: { id: string; outcome: string; errorCode?: string }[] };
    const exp = v.experiments.find((x) => x.id === 'expired')!;
    exp.outcome = 'accepted';
    delete exp.errorCode;
    expect(verdict('Browsers reject expired certificates.', odd)).toBe('contradicted');
  });
});

describe('certificates claims: every proposition has a sourced fact', () => {
  it('fact sheet entries carry a source and a plain sentence', () => {
    for (const p of lab.claims.lexicon.propositions) {
      const f = lab.claims.facts[p.id]!;
      expect(f.source.url).toMatch(/^https:\/\//);
      expect(f.fact.length).toBeGreaterThan(20);
    }
  });
});

describe('certificates claims: the shipped journal', () => {
  it('flags "the certificate encrypts" as imprecise and contradicts none of its reasons', () => {
    const doc = parseJournal(readFileSync('journals/journal-week.md', 'utf8'), 'journals/journal-week.md');
    const labs = [lab];
    const question = doc.questions.find((q) => matchQuestion(`${q.section}\n${q.question}`, [], labs).some((m) => m.key === QUESTION && m.via === 'question'))!;
    expect(question).toBeDefined();
    const judged = judgeOf(lab).judge(question.statements.map((s) => s.text), reference, 'local', ['why-certificate']);
    const of = (words: RegExp) => judged.claims.filter((c) => words.test(c.claim) && c.verdict !== 'missing').map((c) => c.verdict);
    expect(of(/certificate encrypts/)).toContain('imprecise');
    expect(judged.claims.filter((c) => c.verdict === 'contradicted')).toEqual([]);
    expect(judged.claims.filter((c) => c.verdict === 'missing').map((c) => c.aspect).join('; ')).toMatch(/subjectAltName[\s\S]*expired/);
  });
});


/** Blind set 1: written before reading the patterns (new wordings of the devset facts and common beliefs). */
const blindFirst: [string, Expect][] = [
  ["Why a cert? So the client knows it's talking to the real server and not an impostor.", 'confirmed'],
  ["A certificate proves the server's identity to the client, backed by a CA's signature.", 'confirmed'],
  ["Purpose: authentication of the server (identity), vouched for by a trusted certificate authority.", 'confirmed'],
  ["the cert is basically how the browser verifies who its talking to", 'confirmed'],
  ["Certificates let clients authenticate the server, which stops a man-in-the-middle from pretending to be it.", 'confirmed'],
  ["Once the handshake is done, the data itself is encrypted with a shared symmetric key, not the certificate.", 'confirmed'],
  ["Actual traffic gets encrypted using symmetric session keys (e.g. AES) negotiated during the handshake.", 'confirmed'],
  ["All the application data is encrypted with the server's public key from the certificate.", 'contradicted'],
  ["Every request and response is encrypted with the certificate's public key.", 'contradicted'],
  ["The session is encrypted asymmetrically with the cert's key pair for the whole connection, symmetric keys aren't used.", 'contradicted'],
  ["Symmetric keys derived in the handshake protect the records; the certificate only authenticates.", 'confirmed'],
  ["The certificate encrypts all the traffic between client and server.", 'imprecise'],
  ["We need the cert so the connection is encrypted.", 'imprecise'],
  ["SSL certificate = encryption of the website traffic.", 'imprecise'],
  ["the certificate is what makes https encrypted", 'imprecise'],
  ["The cert contains the server's public key.", 'confirmed'],
  ["Inside the certificate is the server's public key, signed by the CA together with the hostname.", 'confirmed'],
  ["The certificate contains the server's private key.", 'contradicted'],
  ["A cert file includes the private key so the client can decrypt the server's data.", 'contradicted'],
  ["The private key never leaves the server; only the public key is shared via the certificate.", 'confirmed'],
  ["private key stays on the server, it is never sent to clients", 'confirmed'],
  ["During the handshake the server sends its private key to the client so they can talk securely.", 'contradicted'],
  ["The client receives the server's private key as part of the certificate.", 'contradicted'],
  ["Self-signed certificates are rejected by browsers and curl by default.", 'confirmed'],
  ["If the cert is self-signed, curl fails unless you pass --cacert or -k.", 'confirmed'],
  ["Self signed certs work fine by default, the client just shows a warning and continues.", 'contradicted'],
  ["A self-signed certificate is trusted by clients just like a CA-issued one.", 'contradicted'],
  ["Node's tls.connect refuses a self-signed cert unless rejectUnauthorized is set to false.", 'confirmed'],
  ["A cert issued by a CA the client doesn't know is rejected.", 'unjudged'],  // reviewer: confirmed; left unjudged (no safe pattern yet)
  ["Certificates signed by an unknown CA are accepted as long as they haven't expired.", 'contradicted'],
  ["If the issuing CA isn't in the trust store, validation fails with 'unable to get local issuer certificate'.", 'confirmed'],
  ["The hostname must match one of the names in the cert's SAN, otherwise the connection is refused.", 'confirmed'],
  ["Hostname mismatch -> client rejects the certificate.", 'confirmed'],
  ["The client doesn't care what hostname is on the cert as long as a trusted CA signed it.", 'contradicted'],
  ["A cert for example.com will be accepted when connecting to other.org as long as it's valid and trusted.", 'unjudged'],  // reviewer: contradicted; left unjudged (no safe pattern yet)
  ["If the name doesnt match the certificate, the browser still connects fine.", 'contradicted'],
  ["Expired certs are rejected.", 'confirmed'],
  ["Once a certificate is past its notAfter date, clients refuse it.", 'confirmed'],
  ["An expired certificate still works, clients only check the signature not the dates.", 'contradicted'],
  ["Expiry doesn't matter: clients keep accepting a certificate after it expires.", 'contradicted'],
  ["The server sends its cert plus the intermediate certs, and the client builds a chain up to a root it already trusts.", 'confirmed'],
  ["Trust works via a chain: leaf cert signed by an intermediate, intermediate signed by a root CA in the trust store.", 'confirmed'],
  ["Clients trust a certificate because it chains to a trusted root CA.", 'confirmed'],
  ["The server uses its private key to sign the handshake, and the client checks that signature with the public key from the cert.", 'confirmed'],
  ["In TLS 1.2 with RSA key exchange, the client encrypts the premaster secret with the server's public key.", 'confirmed'],
  ["The client uses the public key in the certificate to decrypt the data the server sends.", 'contradicted'],
  ["The cert's key is used to prove the server holds the private key, by signing handshake data.", 'confirmed'],
  ["Compliance is another reason: PCI DSS requires strong cryptography to protect cardholder data in transit over public networks.", 'confirmed'],
  ["1. client connects 2. server presents cert 3. client checks it's signed by a trusted CA and the name matches 4. then they agree on symmetric keys", 'confirmed'],
  ["The cert authenticates the server, not encrypts the data.", 'confirmed'],
  ["Certificates are only about encryption; they don't authenticate anything.", 'contradicted'],
  ["I think the cert is mostly for identity, encryption itself comes from the session keys.", 'confirmed'],
  ["Private key: kept secret on the server. Public key: in the cert.", 'confirmed'],
  ["the public key is in the cert and is used to encrypt all the trafic", 'contradicted'],
  ["If a cert is expired or self-signed, browsers will block it by default.", 'confirmed'],
  ["A certificate is accepted by clients whenever it's signed by any CA, trusted or not.", 'contradicted'],
];

/** Blind set 2: fresh wordings, written after the first round of fixes. */
const blindSecond: [string, Expect][] = [
  ["TLS certs exist mainly so you can be sure the site you reach is genuinely the one it claims to be.", 'confirmed'],
  ["tbh the certificate's job is identity — encryption would happen anyway via the key exchange", 'confirmed'],
  ["Certificates are purely for encrypting traffic, identity has nothing to do with it.", 'contradicted'],
  ["Data on the wire is encrypted with the session key that both ends derived, not with the certificate.", 'confirmed'],
  ["HTTPS traffic is encrypted end to end using the public key from the server's certificate.", 'contradicted'],
  ["Step 3: the certificate encrypts the data.", 'imprecise'],
  ["What's in a cert? the subject name, the issuer, validity dates and the server's public key.", 'confirmed'],
  ["The private key is stored inside the certificate that the server sends.", 'contradicted'],
  ["The server keeps its private key to itself; clients only ever see the public key.", 'confirmed'],
  ["The private key gets shared with the browser during the handshake.", 'contradicted'],
  ["Self-signed certificate => browser rejects it unless you manually trust it.", 'confirmed'],
  ["Clients accept self-signed certificates by default.", 'contradicted'],
  ["Using a self signed cert, curl will connect without complaints out of the box.", 'contradicted'],
  ["When the issuing CA is unknown to the client, the handshake fails.", 'confirmed'],
  ["A certificate from an untrusted CA is accepted by browsers without any warning.", 'contradicted'],
  ["Clients compare the hostname they requested against the SAN entries and reject the cert if there's no match.", 'confirmed'],
  ["Hostname mismatches are ignored as long as the chain is valid.", 'contradicted'],
  ["a wrong hostname on the cert makes the connection fail", 'confirmed'],
  ["After the expiry date passes, the cert is rejected even though the CA signature is still valid.", 'confirmed'],
  ["Expired certificates are still accepted by browsers, they just show a small warning.", 'contradicted'],
  ["The trust comes from the chain: server cert -> intermediate -> root CA that ships in the OS trust store.", 'confirmed'],
  ["The server signs the handshake with its private key and the client verifies that signature using the cert's public key.", 'confirmed'],
  ["The browser decrypts the server's responses with the certificate's public key.", 'contradicted'],
  ["Only with the old RSA key exchange (TLS 1.2) is the cert's public key used to encrypt the premaster secret.", 'confirmed'],
  ["Also compliance: PCI DSS says cardholder data sent over open, public networks must be protected with strong cryptography.", 'confirmed'],
];

/** Conditions that spell a negation ("a CA that isn't trusted") must not flip the verdict that follows them. */
const negatedConditions: [string, Expect][] = [
  ["A CA that is not trusted by the browser means the cert is refused.", 'confirmed'],
  ["A cert whose CA isn't in the trust store gets rejected.", 'confirmed'],
  ["A cert whose CA isn't in the trust store is still accepted.", 'contradicted'],
  ["If the CA is not trusted the browser still connects fine.", 'contradicted'],
  ["Browsers accept certs signed by any CA in their trust store.", 'confirmed'],
  ["The certificate proves that the server holds the private key matching it.", 'confirmed'],
  ["If the CA is unknown, the client trusts the certificate anyway.", 'contradicted'],
  ["In the certificate: the private key of the server.", 'contradicted'],
  ["Browsers don't just check the signature, they check the hostname too.", 'confirmed'],
  ["Clients don't just check the signature, they don't check the hostname.", 'contradicted'],
];

describe('certificates claims: blind sets', () => {
  it.each([...blindFirst, ...blindSecond, ...negatedConditions])('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});
