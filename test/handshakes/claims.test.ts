/**
 * The handshakes lab's claim book: statements in many wordings → the verdict a careful reviewer would give, judged
 * against the recorded reference evidence (a real TCP capture, six TLS runs decoded with and without the key log,
 * keepalive and HTTP experiments in network namespaces). Pure and fast.
 */
import { describe, expect, it } from 'vitest';
import handshakesLab from '../../labs/handshakes.ts';
import type { HandshakesEvidence } from '../../checks/handshakes/evidence.ts';
import { observers } from '../../checks/handshakes/observe.ts';
import { judgeAlone, statementVerdict } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';
import type { Lab } from '../../src/labs/lab.ts';

const recorded = loadReferenceEvidence().get('handshakes')!;
const reference = recorded.evidence as HandshakesEvidence;
const QUESTION = 'handshakes/connection';
// The judge reads any lab's evidence as unknown; this lab's observers take its own evidence type.
const lab = handshakesLab as unknown as Lab;

function judge(statement: string, evidence: HandshakesEvidence = reference) {
  return judgeAlone(statement, [lab], new Map([['handshakes', evidence]]), () => 'local', QUESTION);
}
const verdict = (statement: string, evidence?: HandshakesEvidence) => statementVerdict(judge(statement, evidence).claims);

type Expect = 'confirmed' | 'contradicted' | 'imprecise' | 'unjudged';

/** Paraphrases of the facts the question turns on, right and wrong, in wordings of our own. */
const paraphrases: [string, Expect][] = [
  // TCP three-way handshake
  ["First the client sends a SYN packet to the server.", 'confirmed'],
  ["First the client sends a SYN-ACK to the server.", 'contradicted'],
  ["The listening side responds with a segment flagged SYN+ACK.", 'confirmed'],
  ["The server responds with a plain ACK, no SYN.", 'contradicted'],
  ["The server does not answer with SYN-ACK but with an ACK.", 'contradicted'],
  ["The server replies with its own SYN plus an acknowledgment of the client's SYN.", 'confirmed'],
  ["The server answers the SYN with a RST and a SYN.", 'contradicted'],
  ["Finally the client replies to the SYN-ACK with an ACK.", 'confirmed'],
  ["Finally the client replies to the SYN-ACK with another SYN.", 'contradicted'],
  ["3. The client acknowledges the server's SYN with an ACK.", 'confirmed'],
  ["The handshake goes ACK, SYN-ACK, SYN.", 'contradicted'],
  ["The handshake is SYN, SYN-ACK, ACK, FIN.", 'contradicted'],
  ["SYN -> SYN/ACK -> ACK", 'confirmed'],
  ["The client sends SYN, the server sends back ACK, and then the client sends SYN-ACK.", 'contradicted'],
  ["The ACK the server sends back is the client's initial sequence number plus 1.", 'confirmed'],
  ["The acknowledgment number in the server's reply is one more than the client's ISN.", 'confirmed'],
  ["The ack number in the SYN-ACK simply equals the client's initial sequence number.", 'contradicted'],
  ["A SYN takes up one sequence number even though it carries no data.", 'confirmed'],
  ["The SYN flag does not consume a sequence number.", 'contradicted'],
  ["SYN segments consume no sequence numbers.", 'contradicted'],
  ["The final ACK can already carry data, but it doesn't have to.", 'confirmed'],
  ["The third segment does not need to carry any payload.", 'confirmed'],
  ["The last ACK of the handshake has to include the first bytes of the request.", 'contradicted'],
  ["The third ACK cannot carry data; data is only allowed after the handshake.", 'contradicted'],
  ["Opening a TCP connection is a three-way handshake.", 'confirmed'],
  ["TCP opens a connection with a two-way handshake.", 'contradicted'],
  ["Closing uses a four-way handshake with FIN segments.", 'unjudged'],
  ["Initial sequence numbers are chosen randomly by each side.", 'confirmed'],
  ["The initial sequence number always starts at 0.", 'contradicted'],
  ["Wireshark shows the sequence number starting at 0 because it is relative.", 'unjudged'],
  ["The handshake lets both sides synchronize before sending data.", 'unjudged'],
  ["The server responds to the client's SYN by sending a SYN-ACK.", 'confirmed'],
  ["The server answers the SYN with an ACK only.", 'contradicted'],
  ["Step two: the server acknowledges the SYN and sends its own SYN, so the segment has SYN and ACK set.", 'confirmed'],
  ["The client sends SYN, the server replies with ACK and then the client sends SYN-ACK.", 'contradicted'],
  ["Once it gets the SYN-ACK the client answers with an ACK and both ends are established.", 'confirmed'],
  ["In the second step the server sends a FIN.", 'contradicted'],
  ["the server sends back syn ack", 'confirmed'],
  ["The server's reply carries only the SYN flag.", 'contradicted'],
  ["The acknowledgement number the client puts in its ACK is the server's ISN + 1.", 'confirmed'],
  ["The SYN-ACK's ack field is just the client's ISN again.", 'contradicted'],
  ["ack = x + 1 where x is the client's seq", 'confirmed'],
  ["The third packet must contain data for the handshake to complete.", 'contradicted'],
  ["Data may be piggybacked on the final ACK.", 'confirmed'],
  ["The client's ACK is not allowed to carry any data.", 'contradicted'],
  ["The client's ACK in our capture carried no data.", 'unjudged'],
  ["The server replies to a SYN with a SYN-ACK.", 'confirmed'],
  // TLS 1.2 and 1.3 handshakes
  // TLS 1.2 messages and ServerKeyExchange
  ["The TLS 1.2 handshake: ClientHello, ServerHello, Certificate, ServerHelloDone, ClientKeyExchange, ChangeCipherSpec, Finished.", 'confirmed'],
  ["TLS 1.2 goes ClientHello, ServerHelloDone, Certificate, ServerHello, Finished.", 'contradicted'],
  ["In TLS 1.2 the flow is Client Hello, Server Hello, Encrypted Extensions, Finished.", 'contradicted'],
  ["When the suite uses ephemeral Diffie-Hellman, the server follows its Certificate with a ServerKeyExchange carrying its DH public value.", 'confirmed'],
  ["The ServerKeyExchange message carries the server's ECDHE parameters and a signature over them.", 'confirmed'],
  ["With ECDHE the server does not send a ServerKeyExchange at all.", 'contradicted'],
  ["Server Key Exchange is only needed for plain RSA key exchange.", 'contradicted'],
  ["With static RSA key exchange there is no ServerKeyExchange; the client encrypts the premaster secret to the server's public key instead.", 'confirmed'],
  ["With RSA key exchange the server still sends a ServerKeyExchange.", 'contradicted'],
  ["ServerHelloDone tells the client that the server is done with its hello messages.", 'confirmed'],
  ["Server Hello Done: the server has nothing more to send and waits for the client's response.", 'confirmed'],
  ["ServerHelloDone marks the end of the whole TLS handshake.", 'contradicted'],
  ["The client sends ServerHelloDone after its Certificate.", 'contradicted'],
  ["Both the client and the server send a ChangeCipherSpec followed by their Finished message.", 'confirmed'],
  ["Only the client sends ChangeCipherSpec in TLS 1.2.", 'contradicted'],
  ["In TLS 1.2 the ChangeCipherSpec is sent after the Finished message.", 'contradicted'],
  ["Each side sends Change Cipher Spec right before its own Finished.", 'confirmed'],
  // TLS 1.3
  ["TLS 1.3: ClientHello, ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished.", 'confirmed'],
  ["TLS 1.3 handshake: ClientHello, ServerHello, ServerKeyExchange, ServerHelloDone, Finished.", 'contradicted'],
  ["TLS 1.3 removed ServerKeyExchange and ClientKeyExchange, the key shares go in the ClientHello and ServerHello extensions.", 'confirmed'],
  ["In TLS 1.3 there are no key exchange messages: the client puts its key share in the ClientHello.", 'confirmed'],
  ["TLS 1.3 still uses ServerKeyExchange, only encrypted.", 'contradicted'],
  ["TLS 1.3 drops the Certificate and Finished messages.", 'contradicted'],
  ["TLS 1.3 got rid of ServerHelloDone.", 'confirmed'],
  ["TLS 1.3 has no ChangeCipherSpec at all.", 'imprecise'],
  ["In TLS 1.3 ChangeCipherSpec is only a dummy record kept for middlebox compatibility.", 'confirmed'],
  ["In TLS 1.3 the ChangeCipherSpec still switches both sides to the new keys.", 'contradicted'],
  ["TLS 1.3 needs only 1-RTT for a full handshake.", 'confirmed'],
  ["A full TLS 1.2 handshake costs two round trips before any application data.", 'confirmed'],
  ["TLS 1.2 completes its handshake in a single round trip.", 'contradicted'],
  ["TLS 1.3 saves a round trip compared to TLS 1.2.", 'confirmed'],
  ["TLS 1.3 takes the same number of round trips as TLS 1.2.", 'contradicted'],
  ["TLS 1.3 also offers 0-RTT resumption.", 'confirmed'],
  ["In TLS 1.3 the certificate is encrypted, unlike TLS 1.2 where anyone can read it.", 'confirmed'],
  ["In TLS 1.3 the certificate is still sent in plain text.", 'contradicted'],
  ["With TLS 1.3 an eavesdropper can read the server's certificate off the wire.", 'contradicted'],
  ["In TLS 1.2 the certificate goes over the wire in the clear.", 'confirmed'],
  ["TLS 1.2 already encrypts the certificate.", 'contradicted'],
  ["TLS is used to secure the connection between client and server.", 'unjudged'],
  ["The TLS handshake authenticates both the client and the server.", 'imprecise'],
  ["The handshake lets the client verify the server's identity.", 'confirmed'],
  ["With mutual TLS both sides present certificates.", 'unjudged'],
  ["The client offers its cipher suites in the ClientHello and the server picks one.", 'confirmed'],
  ["The client chooses which cipher suite will be used.", 'contradicted'],
  ["The server selects the cipher suite from the client's list.", 'confirmed'],
  // TCP keepalive
  // default
  ["By default a TCP socket sends no keepalive probes; you have to turn on SO_KEEPALIVE yourself.", 'confirmed'],
  ["Keep-alive is opt-in: the application must enable it per socket.", 'confirmed'],
  ["TCP keepalive is disabled by default.", 'confirmed'],
  ["TCP keepalive is enabled by default on every connection.", 'contradicted'],
  ["Keepalive is not off by default.", 'contradicted'],
  ["Keepalive isn't on by default, the program has to set SO_KEEPALIVE.", 'confirmed'],
  ["Every TCP connection gets keepalive probes automatically.", 'contradicted'],
  // numbers
  ["tcp_keepalive_time defaults to 2 h, tcp_keepalive_intvl to 75 s and tcp_keepalive_probes to 9.", 'confirmed'],
  ["Linux starts probing after 75 seconds of idle time.", 'contradicted'],
  ["After two hours idle the kernel probes every 7200 seconds.", 'contradicted'],
  ["The kernel gives up after 3 unanswered probes.", 'contradicted'],
  ["tcp_keepalive_probes is 5 by default.", 'contradicted'],
  ["Nine missed probes and the connection is declared dead.", 'confirmed'],
  ["The first keepalive probe is sent after 60 seconds of inactivity.", 'contradicted'],
  // schedule and purpose
  ["Keepalive sends a probe every 75 seconds so the connection stays open.", 'imprecise'],
  ["TCP keepalive pings the peer at regular intervals to keep the connection from timing out.", 'imprecise'],
  ["Keepalive lets the kernel notice that the peer has died or become unreachable on an idle connection.", 'confirmed'],
  ["Its purpose is to detect dead peers and half-open connections.", 'confirmed'],
  ["TCP keepalive keeps idle connections from timing out.", 'imprecise'],
  ["Probes on an idle connection also keep NAT and firewall entries from expiring.", 'confirmed'],
  // dead peer
  ["When the probes all go unanswered the connection is torn down and reads fail with ETIMEDOUT.", 'confirmed'],
  ["When the probes all go unanswered the socket just returns EOF like a normal close.", 'contradicted'],
  ["If the peer never answers, the application eventually sees a \"connection timed out\" error.", 'confirmed'],
  ["If no probe is answered, the connection is closed gracefully with a FIN.", 'contradicted'],
  // per-socket
  ["TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT override the sysctl values for a single socket.", 'confirmed'],
  ["You can only tune keepalive globally through sysctl.", 'contradicted'],
  ["Node's socket.setKeepAlive(true, 1000) sets the idle time for that socket only.", 'confirmed'],
  ["Keepalive timings cannot be set per socket.", 'contradicted'],
  ["The frequency of TCP Keepalive packets can be configured by the application for each socket.", 'confirmed'],
  // vague / off-topic
  ["Keepalive is a useful TCP feature.", 'unjudged'],
  ["Networking is hard and there are many timeouts to think about.", 'unjudged'],
  // sessions: HTTP persistence and TLS resumption
  ["Browsers send many requests over a single persistent connection in HTTP/1.1.", 'confirmed'],
  ["With HTTP/1.1 the connection stays open after the response, ready for the next request.", 'confirmed'],
  ["HTTP/1.1 opens a new TCP connection for every request.", 'contradicted'],
  ["Each HTTP/1.1 request needs its own TCP handshake.", 'contradicted'],
  ["In HTTP/1.1 the server closes the connection after each response by default.", 'contradicted'],
  ["In HTTP/1.0 each request used its own connection.", 'unjudged'],
  ["Connection: close tells the other side the connection will be closed after this response.", 'confirmed'],
  ["Sending Connection: close keeps the connection open for more requests.", 'contradicted'],
  ["When the server answers with Connection: close, the connection is closed after the response.", 'confirmed'],
  ["A resumed TLS session skips the certificate and the key exchange by reusing the earlier master secret.", 'confirmed'],
  ["Session resumption gives an abbreviated handshake: ClientHello, ServerHello, ChangeCipherSpec, Finished.", 'confirmed'],
  ["On resumption the server still sends its certificate again.", 'contradicted'],
  ["A resumed TLS 1.2 handshake: ClientHello, ServerHello, Certificate, ServerKeyExchange, Finished.", 'contradicted'],
  ["With session tickets the client does not need a new key exchange.", 'confirmed'],
  ["A connection session is the time during which the client and server talk.", 'unjudged'],
  ["Sessions are used in web browsing, email and streaming.", 'unjudged'],
  // the same facts in other words
  ["Step 2 - the listening server sends back a segment with SYN and ACK both set.", 'confirmed'],
  ["Step 2 - the listening server sends back a segment with just the ACK bit.", 'contradicted'],
  ["SYN-ACK: the server acknowledges the client's SYN and sends its own SYN in the same segment.", 'confirmed'],
  ["The server's answer to the SYN has only the SYN flag, the ACK comes later.", 'contradicted'],
  ["The server acknowledges seq x with ack = x+1 since the SYN counts as one byte.", 'confirmed'],
  ["The ack number in the second segment equals the client's initial sequence number because SYN carries no sequence space.", 'contradicted'],
  ["The acknowledgement in the SYN/ACK is ISN+1: a SYN consumes a sequence number.", 'confirmed'],
  ["A SYN uses up zero sequence numbers, so the ack is just the ISN.", 'contradicted'],
  ["The third segment of the handshake must contain the first chunk of application data.", 'contradicted'],
  ["The client's ACK that finishes the handshake is allowed to carry data but usually doesn't.", 'confirmed'],
  ["1. Client -> SYN 2. Server -> SYN-ACK 3. Client -> ACK", 'confirmed'],
  ["ECDHE suites in TLS 1.2 need a ServerKeyExchange, where the server sends its ephemeral public key signed by its private key.", 'confirmed'],
  ["For ECDHE cipher suites in TLS 1.2 there is no ServerKeyExchange message.", 'contradicted'],
  ["ServerKeyExchange only exists for RSA key exchange.", 'contradicted'],
  ["ServerHelloDone - the server signals it has finished sending its part of the hello and waits for the client.", 'confirmed'],
  ["Each side in TLS 1.2 sends ChangeCipherSpec and then Finished.", 'confirmed'],
  ["In TLS 1.2 ChangeCipherSpec is sent by the server only, right before its Finished.", 'contradicted'],
  ["TLS 1.3 does away with ServerKeyExchange and ClientKeyExchange; key shares ride in the hello extensions.", 'confirmed'],
  ["In TLS 1.3 the ServerKeyExchange and ClientKeyExchange messages are still there but encrypted.", 'contradicted'],
  ["Under TLS 1.3 the certificate is encrypted, so a passive observer cannot see it.", 'confirmed'],
  ["Under TLS 1.3 a passive observer can still read the server certificate.", 'contradicted'],
  ["TLS 1.3 needs 1 round trip for a full handshake versus 2 in TLS 1.2.", 'confirmed'],
  ["A full TLS 1.3 handshake still takes 2 RTT.", 'contradicted'],
  ["Keep-alive is off by default; a program turns it on with setsockopt(SO_KEEPALIVE).", 'confirmed'],
  ["The kernel enables TCP keep-alive on all connections by default.", 'contradicted'],
  ["Defaults on Linux: 2 hours idle, then a probe every 75 seconds, up to 9 probes.", 'confirmed'],
  ["Defaults on Linux: 75 seconds idle, then a probe every 2 hours, up to 9 probes.", 'contradicted'],
  ["When no probe gets a reply the kernel kills the connection and the app sees ETIMEDOUT.", 'confirmed'],
  ["When no probe gets a reply the application sees a normal end of file on the socket.", 'contradicted'],
  ["keepalive settings are system-wide only (sysctl net.ipv4.tcp_keepalive_*), a program cant change them for its socket", 'contradicted'],
  ["tcp keepalive sends a packet every 75s so the connection doesnt drop", 'imprecise'],
  ["keepalive is disabled unless the application opts in, and after 2 h of idle Linux probes every 75 s and gives up after 9 failures.", 'confirmed'],
  ["In HTTP/1.1 one TCP connection serves many requests unless a Connection: close header is sent.", 'confirmed'],
  ["HTTP/1.1 closes the TCP connection after every response unless keep-alive is requested.", 'contradicted'],
  ["A returning client resuming a TLS 1.2 session only exchanges Hello, ChangeCipherSpec and Finished, no certificate.", 'confirmed'],
  ["With session resumption the full handshake including the certificate is repeated.", 'contradicted'],
  // the same facts in yet other words
  ["Second step: the server replies SYN+ACK to the client.", 'confirmed'],
  ["Second step: the server replies RST+ACK to the client.", 'contradicted'],
  ["The passive side answers the client's SYN with a segment carrying both SYN and ACK.", 'confirmed'],
  ["The server does not set the SYN flag in its reply, only ACK.", 'contradicted'],
  ["ACK number in the SYN-ACK = client ISN + 1", 'confirmed'],
  ["ACK number in the SYN-ACK = client ISN", 'contradicted'],
  ["Because SYN occupies one sequence number, the acknowledgment is ISN+1.", 'confirmed'],
  ["The final ACK always has to piggyback the first data bytes.", 'contradicted'],
  ["The handshake's last ACK might carry data, it doesn't have to.", 'confirmed'],
  ["TLS 1.2, ECDHE: after the Certificate the server sends ServerKeyExchange with its ephemeral ECDH key and a signature.", 'confirmed'],
  ["TLS 1.2 ECDHE handshakes don't include a ServerKeyExchange.", 'contradicted'],
  ["ServerHelloDone marks the end of the server's hello messages.", 'confirmed'],
  ["Change Cipher Spec is sent by both client and server, each one right before its Finished message.", 'confirmed'],
  ["Only the server sends Change Cipher Spec in TLS 1.2.", 'contradicted'],
  ["TLS 1.2: ClientHello, ServerHello, Certificate, ServerKeyExchange, ServerHelloDone, ClientKeyExchange, ChangeCipherSpec, Finished, CertificateVerify.", 'contradicted'],
  ["There is no Server Key Exchange or Client Key Exchange in TLS 1.3, because the key share is sent in the ClientHello/ServerHello extensions.", 'confirmed'],
  ["TLS 1.3 still has a ClientKeyExchange message.", 'contradicted'],
  ["In TLS 1.3 the certificate is sent encrypted.", 'confirmed'],
  ["TLS 1.3 sends the certificate unencrypted, just like TLS 1.2.", 'contradicted'],
  ["A full TLS 1.3 handshake is one RTT; TLS 1.2 needs two RTTs.", 'confirmed'],
  ["TLS 1.3 is 2-RTT like TLS 1.2.", 'contradicted'],
  ["SO_KEEPALIVE must be set on a socket before the kernel sends any keepalive probes.", 'confirmed'],
  ["Every TCP socket sends keepalive probes by default.", 'contradicted'],
  ["net.ipv4.tcp_keepalive_time = 7200, net.ipv4.tcp_keepalive_intvl = 75, net.ipv4.tcp_keepalive_probes = 9", 'confirmed'],
  ["net.ipv4.tcp_keepalive_time = 75, net.ipv4.tcp_keepalive_intvl = 7200, net.ipv4.tcp_keepalive_probes = 9", 'contradicted'],
  ["Once all probes are unanswered Linux aborts the connection with ETIMEDOUT.", 'confirmed'],
  ["Once all probes are unanswered the reader just gets EOF.", 'contradicted'],
  ["There is no per-socket keepalive setting; everything comes from sysctl.", 'contradicted'],
  ["Per-socket options (TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT) override the global sysctls.", 'confirmed'],
  ["Keepalive pings the other end every 75 s to keep the connection up.", 'imprecise'],
  ["Persistent connections are the default in HTTP/1.1: several requests share one TCP connection until Connection: close.", 'confirmed'],
  ["HTTP/1.1 uses a separate TCP connection per request by default.", 'contradicted'],
  ["A resumed session doesn't resend the certificate; both sides just exchange Hello, ChangeCipherSpec and Finished.", 'confirmed'],
  ["Resumption still requires the full certificate exchange.", 'contradicted'],
  // informal, with typos
  ["the server reponds with a syn/ack packet", 'confirmed'],
  ["the server reponds with just an ack packet", 'contradicted'],
  ["keepalive is dissabled by default, you need SO_KEEPALIVE on the socket", 'confirmed'],
  ["linux turns keepalive on for all sockets automaticaly", 'contradicted'],
  ["ack nr in the syn-ack is the clients isn + 1", 'confirmed'],
  ["the ack number in the synack is the clients isn, the syn doesnt use a seq number", 'contradicted'],
  ["tls1.3 only needs one roundtrip for the full handshake", 'confirmed'],
  ["tls1.3 needs two roundtrips for the full handshake, just like 1.2", 'contradicted'],
  ["in tls 1.3 theres no serverkeyexchange or clientkeyexchange anymore", 'confirmed'],
  ["if the keepalive probes arent answered the kernel closes the conection and the app gets ETIMEDOUT", 'confirmed'],
  ["if the keepalive probes arent answered the app simply reads EOF", 'contradicted'],
  ["default keepalive time on linux is 2 hours, interval 75 sec, 9 probes", 'confirmed'],
  ["default keepalive time on linux is 2 minutes, interval 75 sec, 9 probes", 'contradicted'],
  ["both client and server send change cipher spec before there finished messages in tls 1.2", 'confirmed'],
  ["HTTP 1.1 keeps the tcp connection open and reuses it for the next requests", 'confirmed'],
  ["TCP keepalive is part of the TCP stack on every OS.", 'unjudged'],
  ["tcp keepalive is of by default.", 'confirmed'],
  // CertificateVerify in TLS 1.2
  ["The client then sends a CertificateVerify.", 'imprecise'],
  ["CertificateVerify is only sent by a client that presented a client certificate.", 'confirmed'],
  ["In TLS 1.2 the server sends CertificateVerify after its Certificate.", 'contradicted'],
  ["With mutual TLS the client adds a CertificateVerify signed with its key.", 'confirmed'],
  // partly right: a condition or threshold left out
  ['TLS 1.2 handshake: ClientHello, ServerHello, Certificate, ServerKeyExchange, ServerHelloDone, ClientKeyExchange, CertificateVerify, ChangeCipherSpec, Finished.', 'imprecise'],
  ['The client sends a CertificateVerify after its ClientKeyExchange, then ChangeCipherSpec and Finished.', 'imprecise'],
  ['ChangeCipherSpec was dropped completely in TLS 1.3.', 'imprecise'],
  ['During the TLS handshake the client and the server both prove their identity with certificates.', 'imprecise'],
  ['Keepalive exists so that idle TCP connections do not time out.', 'imprecise'],
  ['TCP keepalive regularly sends probes so the session stays alive.', 'imprecise'],
  // vague or off-topic: never confirmed for being on topic
  ['The TLS handshake sets up a secure channel before any data is sent.', 'unjudged'],
  ['Handshakes are how computers say hello to each other.', 'unjudged'],
  ['We used Terraform to create the load balancer.', 'unjudged'],
  ['Health checks run every 30 seconds against each target.', 'unjudged'],
];

describe('handshakes claims: paraphrases', () => {
  it.each(paraphrases)('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

/**
 * Blind sets: wordings written before looking at the lexicon (first round, then a second round after the first
 * fixes), each statement with the verdict a careful reviewer gives it.
 */
const blindFirst: [string, Expect][] = [
  ["1) client sends SYN 2) server replies SYN+ACK 3) client ACKs, done.", 'confirmed'],
  ["The server answers the SYN with a plain ACK and then sends its own SYN in a separate segment.", 'contradicted'],
  ["SYN-ACK: the reply to a SYN, with the SYN bit and the ACK bit both turned on.", 'confirmed'],
  ["Server side just acks the SYN, there's no SYN flag in its reply.", 'contradicted'],
  ["If the client picks ISN 1000, the server's SYN-ACK acknowledges 1001.", 'unjudged'],  // a reviewer confirms it; arithmetic on concrete numbers is beyond the patterns
  ["ack number in the syn-ack = client's initial seq number (the SYN takes up no sequence space)", 'contradicted'],
  ["The SYN flag counts as one sequence number, so the acknowledgment the server sends is one higher than the client's ISN.", 'confirmed'],
  ["The third packet of the handshake, the client's ACK, can't have any payload in it.", 'contradicted'],
  ["The client's last ACK is allowed to carry data but doesn't have to.", 'confirmed'],
  ["the handshake's final ACK always includes the first bytes of the HTTP request", 'contradicted'],
  ["TCP's handshake is four packets: SYN, ACK, SYN, ACK.", 'contradicted'],
  ["In the TCP handshake it's the server that sends the first SYN.", 'contradicted'],
  ["Sequence numbers always start at 0 on a new TCP connection.", 'contradicted'],
  ["AFAIK the SYN-ACK's ack field = client ISN + 1.", 'confirmed'],
  ["With ECDHE in TLS 1.2, ServerKeyExchange carries the server's ephemeral public key plus a signature over it.", 'confirmed'],
  ["ServerKeyExchange isn't sent with ECDHE cipher suites, only with plain RSA.", 'contradicted'],
  ["When TLS 1.2 uses RSA key exchange there is no ServerKeyExchange message.", 'confirmed'],
  ["ServerHelloDone tells the client the server is done sending its hello-phase messages.", 'confirmed'],
  ["ServerHelloDone means the handshake is complete and application data can start flowing.", 'contradicted'],
  ["Both client and server send a ChangeCipherSpec in TLS 1.2, each right before its Finished.", 'confirmed'],
  ["only the client sends ChangeCipherSpec in a TLS 1.2 handshake, the server goes straight to Finished", 'contradicted'],
  ["In TLS 1.2 Finished is the first message protected with the newly negotiated keys.", 'confirmed'],
  ["In TLS 1.2 the client sends CertificateVerify in every handshake.", 'imprecise'],
  ["In TLS 1.2 the server's certificate goes over the wire unencrypted.", 'confirmed'],
  ["tls 1.3 dropped ServerKeyExchange/ClientKeyExchange - the key shares ride in ClientHello and ServerHello", 'confirmed'],
  ["TLS 1.3 still uses a ClientKeyExchange message to send the client's key share.", 'contradicted'],
  ["In TLS 1.3 the key_share extension carries the ECDHE public keys.", 'confirmed'],
  ["In TLS 1.3 the server certificate is sent in the clear, anyone on the path can read it", 'contradicted'],
  ["TLS 1.3 encrypts everything after ServerHello, including the Certificate message.", 'confirmed'],
  ["TLS 1.3 needs just 1 RTT for a full handshake.", 'confirmed'],
  ["A full TLS 1.3 handshake costs 2 round trips before the client can send data.", 'contradicted'],
  ["TLS 1.2 full handshake: 2-RTT; TLS 1.3: 1-RTT.", 'confirmed'],
  ["A full TLS 1.3 handshake takes zero round trips.", 'contradicted'],
  ["TLS 1.3 is 1-RTT, not 2-RTT like TLS 1.2", 'confirmed'],
  ["TLS 1.3 removed static RSA key exchange; only (EC)DHE and PSK modes remain.", 'confirmed'],
  ["TLS 1.3 still lets the client encrypt a premaster secret with the server's RSA key.", 'contradicted'],
  ["When resuming with a PSK, a TLS 1.3 client can send early data (0-RTT).", 'confirmed'],
  ["SO_KEEPALIVE is off by default, so an idle TCP connection gets no probes unless the app turns it on.", 'confirmed'],
  ["tcp keepalive is enabled by default on all linux sockets", 'contradicted'],
  ["Keepalive is opt-in, per socket (setsockopt SO_KEEPALIVE).", 'confirmed'],
  ["Even if the app never sets SO_KEEPALIVE, the kernel starts probing an idle connection after 2 hours.", 'contradicted'],
  ["keepalive: off by default, not on", 'confirmed'],
  ["tcp_keepalive_time defaults to 2 hours", 'confirmed'],
  ["tcp_keepalive_time defaults to 75 seconds", 'contradicted'],
  ["the default interval between keepalive probes is 75s", 'confirmed'],
  ["Linux gives up after 3 unanswered keepalive probes by default.", 'contradicted'],
  ["net.ipv4.tcp_keepalive_probes = 9 by default", 'confirmed'],
  ["Default keepalive idle time on Linux is 7200 seconds, the interval 75 seconds, and 9 probes are sent.", 'confirmed'],
  ["I think the idle time before the first keepalive probe is 60 seconds by default.", 'contradicted'],
  ["When every keepalive probe goes unanswered, the socket errors out with ETIMEDOUT.", 'confirmed'],
  ["If the peer is dead, keepalive makes read() return 0 just like a normal close.", 'contradicted'],
  ["When none of the keepalive probes is answered the app gets ECONNREFUSED.", 'contradicted'],
  ["You can override keepalive timings per socket with TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT.", 'confirmed'],
  ["Keepalive settings are global only; sysctl is the only way to change them.", 'contradicted'],
  ["With keepalive the kernel probes the peer every 75 seconds.", 'imprecise'],
  ["TCP keepalive probes start after 2 h idle, are sent every 75 s, and the connection is dropped after 9 failed probes.", 'confirmed'],
  ["With HTTP/1.1 every request needs a brand new TCP connection.", 'contradicted'],
  ["HTTP/1.1 connections are persistent unless a Connection: close header is sent.", 'confirmed'],
  ["In HTTP/1.1 the client must send Connection: keep-alive or the server closes the connection after each response.", 'contradicted'],
  ["HTTP/1.0 closes the connection after each response unless keep-alive is negotiated.", 'confirmed'],
  ["Sending 'Connection: close' tells the other side the connection will be closed after this response.", 'confirmed'],
  ["HTTP/1.1 keeps the TCP connection open between requests by default.", 'confirmed'],
  ["IMO HTTP/1.1 opens a new connection per request, same as HTTP/1.0", 'contradicted'],
  ["Resuming a TLS 1.2 session skips Certificate and the key exchange messages: just the Hellos, ChangeCipherSpec and Finished.", 'confirmed'],
  ["Session resumption in TLS 1.2 still repeats the full certificate exchange, it only saves the key exchange.", 'contradicted'],
  ["An abbreviated TLS 1.2 handshake needs only one round trip instead of two.", 'confirmed'],
  ["TLS 1.2 resumption reuses the master secret from the earlier session.", 'confirmed'],
  ["Session tickets let the server resume without keeping session state; the client stores the encrypted ticket.", 'confirmed'],
  ["with session resumption the server still sends its certificate again", 'contradicted'],
];
const blindSecond: [string, Expect][] = [
  ["Once the listener sees the SYN it fires back a segment with SYN and ACK both set.", 'confirmed'],
  ["once the listener gets the syn it only returns an ACK", 'contradicted'],
  ["Honestly I thought the server's acknowledgment and its own SYN travel as two different packets.", 'contradicted'],
  ["The SYN/ACK's acknowledgment field holds the client's starting sequence number incremented by one.", 'confirmed'],
  ["The SYN/ACK just echoes back the client's sequence number unchanged in its ack field.", 'contradicted'],
  ["Even with zero payload, a SYN eats up one sequence number.", 'confirmed'],
  ["Piggybacking data on the handshake's last ACK is allowed but not required.", 'confirmed'],
  ["Step 3: the client's ACK has to carry the HTTP request, otherwise the connection isn't usable.", 'contradicted'],
  ["For an ECDHE_RSA suite in TLS 1.2, ServerKeyExchange delivers the ephemeral curve point plus the server's signature.", 'confirmed'],
  ["TLS 1.2: ServerKeyExchange only appears with plain RSA key exchange, ECDHE doesn't need it.", 'contradicted'],
  ["The server closes its first flight with ServerHelloDone and then waits for the client.", 'confirmed'],
  ["ServerHelloDone = TLS handshake over, encrypted data can flow now.", 'contradicted'],
  ["Client and server each emit a ChangeCipherSpec in TLS 1.2, right before Finished.", 'confirmed'],
  ["In TLS 1.2 the ChangeCipherSpec message comes from the server alone.", 'contradicted'],
  ["In 1.3 the Diffie-Hellman shares are carried in the hello messages, so there's no separate key exchange message.", 'confirmed'],
  ["TLS 1.3 kept the ClientKeyExchange message from TLS 1.2.", 'contradicted'],
  ["The certificate in a TLS 1.3 handshake travels encrypted, so a tcpdump can't show it.", 'confirmed'],
  ["tls 1.3 still sends the server cert in cleartext", 'contradicted'],
  ["TLS 1.3 cut the handshake to a single round trip (TLS 1.2 needed 2).", 'confirmed'],
  ["TLS 1.3 is not faster than TLS 1.2: both need two round trips for a full handshake.", 'contradicted'],
  ["Out of the box a Linux TCP socket sends no keepalives; you need SO_KEEPALIVE.", 'confirmed'],
  ["Keepalive probing is automatic on every Linux TCP connection.", 'contradicted'],
  ["On Linux the keepalive defaults are: 2 hours before the first probe, 75 seconds between probes, 9 probes.", 'confirmed'],
  ["The interval between keepalive probes defaults to 30 seconds on Linux.", 'contradicted'],
  ["Linux drops the connection after 6 unanswered keepalive probes.", 'contradicted'],
  ["When the keepalive probes all go unanswered, the next recv() fails with ETIMEDOUT.", 'confirmed'],
  ["There's no way to set keepalive timings for a single socket, only system wide.", 'contradicted'],
  ["keepalive = a probe every 75 seconds", 'imprecise'],
  ["An HTTP/1.1 client can push several requests down one TCP connection unless it says Connection: close.", 'confirmed'],
  ["In HTTP/1.1 a TCP connection is torn down after every single request.", 'contradicted'],
  ["An abbreviated TLS 1.2 handshake has no Certificate and no key exchange: just Hellos, ChangeCipherSpec and Finished.", 'confirmed'],
  ["Even on resumption the server resends its certificate chain every time.", 'contradicted'],
];

const blindThird: [string, Expect][] = [
  ["Linux starts sending keepalive probes on every TCP socket after two hours of silence, whether or not the application enabled them.", 'contradicted'],
  ["The default idle time before the first keepalive probe on Linux is 75 seconds.", 'contradicted'],
  ["Between two unanswered keepalive probes, Linux waits two hours by default.", 'contradicted'],
  ["Linux gives up on a dead peer after 3 unanswered keepalive probes by default.", 'contradicted'],
  ["Setting TCP_KEEPIDLE on one socket changes tcp_keepalive_time for the whole machine.", 'contradicted'],
  ["When keepalive probes go unanswered, the read fails with ECONNREFUSED.", 'contradicted'],
  ["TCP_KEEPCNT sets the number of seconds between probes.", 'contradicted'],
  ["The client's very first segment carries both the SYN and ACK flags.", 'contradicted'],
  ["The third step of the TCP handshake is a second SYN from the client.", 'contradicted'],
  ["TCP needs two full round trips before the client may send application data.", 'contradicted'],
  ["TLS 1.3 needs two round trips for a full handshake, just like TLS 1.2.", 'contradicted'],
  ["TLS 1.2 completes a full handshake in a single round trip.", 'contradicted'],
  ["In TLS 1.3, the server's certificate crosses the wire unencrypted, so Wireshark shows it without the key log.", 'contradicted'],
  ["In TLS 1.2 the certificate is encrypted, so you need the key log file to see it.", 'contradicted'],
  ["The TLS 1.3 server still sends ServerHelloDone after its certificate.", 'contradicted'],
  ["After the TCP handshake, the server is the first to send a TLS message.", 'contradicted'],
  ["ClientKeyExchange is part of the TLS 1.3 handshake.", 'contradicted'],
  ["In TLS 1.3 the client's key share is sent only after it receives the ServerHello.", 'contradicted'],
  ["The client's Finished message in TLS 1.2 is sent before its ChangeCipherSpec.", 'contradicted'],
  ["HTTP/1.1 closes the TCP connection after each response unless the client sends Connection: keep-alive.", 'contradicted'],
  ["Each HTTP/1.1 request over the same keep-alive connection costs a new three-way handshake.", 'contradicted'],
  ["The HTTP Connection: keep-alive header turns on TCP keepalive probes.", 'contradicted'],
  ["TLS session resumption skips the TCP three-way handshake.", 'contradicted'],
  ["A resumed TLS 1.2 session still sends the full certificate chain again.", 'contradicted'],
  ["In TLS 1.3 the client issues the NewSessionTicket message.", 'contradicted'],
  ["0-RTT early data in TLS 1.3 is available on a brand-new connection to a server the client never met.", 'contradicted'],
  ["With default settings a dead peer is detected in about 75 seconds.", 'contradicted'],
  ["A program must turn on SO_KEEPALIVE for its socket before the kernel sends any keepalive probes.", 'confirmed'],
  ["By default Linux waits 7200 seconds of idleness before the first probe.", 'confirmed'],
  ["Unanswered probes are repeated every 75 seconds, up to 9 times, before the kernel drops the connection.", 'confirmed'],
  ["When the peer never answers the keepalive probes, the socket error is ETIMEDOUT.", 'confirmed'],
  ["TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT override the system-wide defaults for one socket only.", 'confirmed'],
  ["The server's reply to a SYN has both SYN and ACK set.", 'confirmed'],
  ["A full TLS 1.3 handshake costs one round trip.", 'confirmed'],
  ["A full TLS 1.2 handshake takes two round trips.", 'confirmed'],
  ["In TLS 1.3 everything after ServerHello, including the certificate, is encrypted.", 'confirmed'],
  ["ClientHello is the first TLS message on the connection.", 'confirmed'],
  ["HTTP/1.1 reuses the TCP connection for several requests by default.", 'confirmed'],
  ["A resumed TLS 1.2 session skips the certificate exchange.", 'confirmed'],
  ["The TCP three-way handshake still happens when a TLS session is resumed.", 'confirmed'],
];
/** Variations written while closing the third set's gaps: option meanings, who speaks first, tickets, HTTP vs TCP keepalive, resumption and the TCP handshake. */
const blindThirdVariants: [string, Expect][] = [
  ["TCP_KEEPIDLE sets the idle time before the first probe.", 'confirmed'],
  ["TCP_KEEPINTVL controls the gap between unanswered probes.", 'confirmed'],
  ["TCP_KEEPCNT is the number of probes before giving up.", 'confirmed'],
  ["TCP_KEEPIDLE is the interval between probes.", 'contradicted'],
  ["The number of probes is set by TCP_KEEPINTVL.", 'contradicted'],
  ["TCP_KEEPIDLE sets the idle time and TCP_KEEPCNT the number of probes.", 'confirmed'],
  ["tcp_keepalive_probes sets how many unanswered probes are sent before the kernel gives up.", 'confirmed'],
  ["Setting TCP_KEEPIDLE on one socket does not change the system-wide tcp_keepalive_time.", 'confirmed'],
  ["A setsockopt call with TCP_KEEPINTVL changes the value for all sockets.", 'contradicted'],
  ["With the default settings, a dead peer is only noticed after more than two hours.", 'confirmed'],
  ["Out of the box, Linux notices a crashed peer within a few minutes.", 'contradicted'],
  ["In the lab, with TCP_KEEPIDLE=1, the dead peer was detected after about 11 seconds.", 'confirmed'],
  ["The TCP handshake takes one round trip before the client can send data.", 'confirmed'],
  ["The three-way handshake costs two round trips.", 'contradicted'],
  ["TLS 1.3 takes one round trip, on top of the TCP handshake's one round trip.", 'confirmed'],
  ["The client starts the TLS handshake with a ClientHello.", 'confirmed'],
  ["The server initiates the TLS handshake by sending ServerHello.", 'contradicted'],
  ["The first TLS message is sent by the client.", 'confirmed'],
  ["The server issues session tickets with NewSessionTicket.", 'confirmed'],
  ["Session tickets are generated by the client.", 'contradicted'],
  ["HTTP keep-alive has nothing to do with TCP keepalive probes.", 'confirmed'],
  ["The Connection: keep-alive header does not enable SO_KEEPALIVE.", 'confirmed'],
  ["HTTP keep-alive is implemented with TCP keepalive probes.", 'contradicted'],
  ["Resumption does not skip the TCP handshake, only the certificate exchange.", 'confirmed'],
  ["A resumed session still needs a new TCP three-way handshake.", 'confirmed'],
  ["The TCP handshake is skipped when a session ticket is used.", 'contradicted'],
  ["Every request needs its own new TCP connection in HTTP/1.1.", 'contradicted'],
  ["HTTP/1.0 without keep-alive opens a new connection for each request.", 'confirmed'],
  ["TLS 1.3 no longer sends ServerHelloDone.", 'confirmed'],
  ["ServerKeyExchange is not used in TLS 1.3.", 'confirmed'],
  ["TLS 1.3 still uses ServerKeyExchange and ClientKeyExchange.", 'contradicted'],
  ["ServerHelloDone is still part of TLS 1.3.", 'contradicted'],
  ["In TLS 1.3 the client sends its key share in the ClientHello.", 'confirmed'],
  ["The TLS 1.3 client waits for the ServerHello before sending its key share.", 'contradicted'],
  ["0-RTT is only possible when the client resumes with a ticket from an earlier connection.", 'confirmed'],
  ["Early data works on the very first connection to a server.", 'contradicted'],
  ["0-RTT works on a new connection if the client has a ticket from a previous session.", 'confirmed'],
  ["Linux waits two hours between unanswered keepalive probes.", 'contradicted'],
  ["Between unanswered probes Linux waits 75 seconds.", 'confirmed'],
  ["In TLS 1.3 everything following the ServerHello is encrypted, certificate included.", 'confirmed'],
  ["TCP_KEEPINTVL decides how many probes are sent before the connection is declared dead.", 'contradicted'],
  ["The idle time before probing starts is controlled by TCP_KEEPCNT.", 'contradicted'],
  ["The interval between probes is set with TCP_KEEPINTVL.", 'confirmed'],
  ["Calling setsockopt with TCP_KEEPIDLE changes the setting for every socket on the host.", 'contradicted'],
  ["By default a dead connection is dropped after about 10 minutes.", 'contradicted'],
  ["With default values a dead peer is only discovered after roughly 2 hours and 11 minutes.", 'confirmed'],
  ["A TCP handshake needs 2 RTTs before the first byte of data.", 'contradicted'],
  ["TCP's handshake adds one RTT before the request can go out.", 'confirmed'],
  ["The TLS handshake is kicked off by the server.", 'contradicted'],
  ["The TLS handshake is initiated by the client.", 'confirmed'],
  ["NewSessionTicket is sent by the client after the handshake.", 'contradicted'],
  ["Tickets are issued by the server after the handshake completes.", 'confirmed'],
  ["Sending Connection: keep-alive makes the kernel send TCP keepalive probes.", 'contradicted'],
  ["HTTP keep-alive is a different thing from TCP keepalive probes.", 'confirmed'],
  ["With session resumption the three-way handshake is avoided.", 'contradicted'],
  ["Resuming a session bypasses the TCP handshake.", 'contradicted'],
  ["In TLS 1.3 the server ends its first flight with ServerHelloDone.", 'contradicted'],
  ["ClientKeyExchange is still sent in TLS 1.3.", 'contradicted'],
  ["The client only sends its key share once it has seen the ServerHello.", 'contradicted'],
  ["0-RTT data is possible for a first-time visitor.", 'contradicted'],
  ["Between consecutive probes the kernel waits 7200 seconds.", 'contradicted'],
  ["Keepalive probes go out automatically on every connection.", 'contradicted'],
  ["Every further HTTP/1.1 request requires a fresh TCP handshake.", 'contradicted'],
  ["A resumed TLS session still begins with a TCP three-way handshake.", 'confirmed'],
  ["The server does not start the TLS handshake; the client does.", 'confirmed'],
  ["The client does not start the TLS handshake.", 'contradicted'],
  ["TLS 1.3 does not use ServerKeyExchange.", 'confirmed'],
  ["Session tickets are not issued by the client.", 'confirmed'],
  ["TCP_KEEPCNT is not the interval between probes.", 'confirmed'],
  ["HTTP keep-alive does not turn on TCP keepalive probes.", 'confirmed'],
  ["Resumption never skips the TCP handshake.", 'confirmed'],
  ["TCP keepalive is not off by default.", 'contradicted'],
];

describe('handshakes claims: blind sets', () => {
  it.each([...blindFirst, ...blindSecond, ...blindThird, ...blindThirdVariants])('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

/** Pairs that differ by one negation, value or quantifier flip the verdict. */
const minimalPairs: [string, Expect, string, Expect][] = [
  ['The server answers the SYN with a SYN-ACK.', 'confirmed', 'The server answers the SYN with a plain ACK.', 'contradicted'],
  ['The server answers the SYN with a SYN-ACK.', 'confirmed', 'The server does not answer the SYN with a SYN-ACK.', 'contradicted'],
  ["The SYN-ACK acknowledges the client's ISN plus one.", 'confirmed', "The SYN-ACK acknowledges exactly the client's ISN.", 'contradicted'],
  ['A SYN consumes one sequence number.', 'confirmed', "A SYN doesn't consume a sequence number.", 'contradicted'],
  ['The final ACK may carry data.', 'confirmed', 'The final ACK must carry data.', 'contradicted'],
  ['With ECDHE the server sends a ServerKeyExchange.', 'confirmed', "With ECDHE the server doesn't send a ServerKeyExchange.", 'contradicted'],
  ['With RSA key exchange the server sends no ServerKeyExchange.', 'confirmed', 'With RSA key exchange the server sends a ServerKeyExchange.', 'contradicted'],
  ['In TLS 1.2 both sides send ChangeCipherSpec.', 'confirmed', 'In TLS 1.2 only the server sends ChangeCipherSpec.', 'contradicted'],
  ['TLS 1.3 has no ServerKeyExchange.', 'confirmed', 'TLS 1.3 still has a ServerKeyExchange.', 'contradicted'],
  ['In TLS 1.3 the certificate is encrypted.', 'confirmed', 'In TLS 1.3 the certificate is not encrypted.', 'contradicted'],
  ['A full TLS 1.3 handshake takes one round trip.', 'confirmed', 'A full TLS 1.3 handshake takes two round trips.', 'contradicted'],
  ['TCP keepalive is off by default.', 'confirmed', 'TCP keepalive is on by default.', 'contradicted'],
  ['Keepalive is not enabled unless the application sets SO_KEEPALIVE.', 'confirmed', 'Keepalive is enabled for every socket automatically.', 'contradicted'],
  ['tcp_keepalive_time defaults to 7200 seconds.', 'confirmed', 'tcp_keepalive_time defaults to 75 seconds.', 'contradicted'],
  ['tcp_keepalive_probes defaults to 9.', 'confirmed', 'tcp_keepalive_probes defaults to 5.', 'contradicted'],
  ['When the probes go unanswered the application gets ETIMEDOUT.', 'confirmed', 'When the probes go unanswered the application gets EOF.', 'contradicted'],
  ['Keepalive timings can be set per socket.', 'confirmed', 'Keepalive timings cannot be set per socket.', 'contradicted'],
  ['HTTP/1.1 sends several requests over one connection.', 'confirmed', 'HTTP/1.1 opens a new connection for each request.', 'contradicted'],
  ['A resumed session skips the certificate.', 'confirmed', 'A resumed session does not skip the certificate.', 'contradicted'],
];

describe('handshakes claims: minimal pairs', () => {
  it.each(minimalPairs)('%s (%s) / %s (%s)', (right, rightVerdict, wrong, wrongVerdict) => {
    expect(verdict(right)).toBe(rightVerdict);
    expect(verdict(wrong)).toBe(wrongVerdict);
  });
});

describe('handshakes observers read the reference evidence', () => {
  it('the TCP capture: flags of each step, acknowledgment numbers', () => {
    expect(observers['tcp.synack-flags']!(reference, 'local')).toMatchObject({ status: 'observed', value: ['SYN', 'ACK'] });
    expect(observers['tcp.syn-flags']!(reference, 'local')).toMatchObject({ status: 'observed', value: ['SYN'] });
    expect(observers['tcp.ack-flags']!(reference, 'local')).toMatchObject({ status: 'observed', value: ['ACK'] });
    expect(observers['tcp.steps']!(reference, 'local')).toMatchObject({ status: 'observed', value: ['SYN', 'SYN+ACK', 'ACK'] });
    expect(observers['tcp.ack-number']!(reference, 'local')).toMatchObject({ status: 'observed', value: "the peer's ISN + 1" });
    expect(observers['tcp.synack-combined']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'one segment (SYN+ACK)' });
    const c = judge('The server replies with a segment that has SYN and ACK set.').claims[0]!;
    expect(c.verdict).toBe('confirmed');
    expect(c.evidence[0]!.kind).toBe('observed');
    expect(c.explanation).toMatch(/lab observed[\s\S]*frame 2[\s\S]*SYN\+ACK/);
  });

  it('the TLS runs: which messages appear in which version, and what an eavesdropper can read', () => {
    const tls12 = observers['tls12.messages']!(reference, 'local');
    expect(tls12).toMatchObject({ status: 'observed', conditional: { ServerKeyExchange: expect.any(String), CertificateVerify: expect.any(String) } });
    expect(observers['tls12.ske']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'sent with (EC)DHE key exchange' });
    expect(observers['tls13.key-exchange']!(reference, 'local')).toMatchObject({ status: 'observed' });
    expect(observers['tls13.cert-visibility']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'encrypted' });
    expect(observers['tls12.cert-visibility']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'readable on the wire' });
    expect(observers['tls13.rtt']!(reference, 'local')).toMatchObject({ status: 'observed', value: 1 });
    expect(observers['tls12.rtt']!(reference, 'local')).toMatchObject({ status: 'observed', value: 2 });
    const claims = judge('TLS 1.2: ClientHello, ServerHello, Certificate, ServerKeyExchange, ServerHelloDone, ClientKeyExchange, ChangeCipherSpec, Finished.').claims;
    const skeClaim = claims.find((x) => x.aspect?.endsWith('ServerKeyExchange'))!;
    expect(skeClaim.verdict).toBe('imprecise');
    expect(skeClaim.explanation).toMatch(/lab observed[\s\S]*ServerKeyExchange only in[\s\S]*ECDHE/);
    expect(claims.filter((x) => x.aspect?.endsWith('ClientHello') || x.aspect?.endsWith('Finished')).map((x) => x.verdict)).toEqual(['confirmed', 'confirmed']);
  });

  it('the keepalive experiments: off by default, ETIMEDOUT for a dead peer, per-socket settings', () => {
    expect(observers['ka.default']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'off unless the application enables it (SO_KEEPALIVE)' });
    expect(observers['ka.dead-peer']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'the connection is dropped and the application gets ETIMEDOUT' });
    expect(observers['ka.time']!(reference, 'local')).toMatchObject({ status: 'observed', value: 7200 });
    const c = judge('If none of the probes is answered, the read fails with ETIMEDOUT.').claims[0]!;
    expect(c.verdict).toBe('confirmed');
    expect(c.explanation).toMatch(/lab observed[\s\S]*ETIMEDOUT/);
  });

  it('the sessions experiment: HTTP requests over one connection, resumed TLS without a certificate', () => {
    expect(observers['sess.http-persistence']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'persistent by default: several requests over one connection' });
    expect(observers['sess.tls-resumption']!(reference, 'local')).toMatchObject({ status: 'observed' });
    const c = judge('Several HTTP/1.1 requests can travel over the same TCP connection.').claims[0]!;
    expect(c.explanation).toMatch(/lab observed[\s\S]*3 HTTP\/1\.1 requests went over 1 TCP connection/);
  });
});

describe('handshakes: a part the lab could not observe falls back to the documented fact', () => {
  const blind: HandshakesEvidence = {
    ...reference,
    tcpHandshake: { status: 'unverifiable', reason: 'tcpdump needs root' },
    tls: { status: 'unverifiable', reason: 'tshark is not installed' },
    keepalive: { status: 'unverifiable', reason: 'network namespaces need root' },
  };

  it('keeps the verdict, cites the fact sheet and says why it could not observe', () => {
    const c = judge('The server answers the SYN with SYN and ACK set.', blind).claims[0]!;
    expect(c.verdict).toBe('confirmed');
    expect(c.evidence.map((e) => e.kind)).toEqual(['documented', 'not-observed']);
    expect(c.explanation).toMatch(/Documented[\s\S]*could not observe this here: tcpdump needs root/);
    expect(c.sources[0]!.url).toMatch(/rfc9293/);
    expect(verdict('The server answers the SYN with only an ACK.', blind)).toBe('contradicted');
    expect(verdict('TLS 1.3 still uses ServerKeyExchange.', blind)).toBe('contradicted');
    expect(verdict('Keepalive is off unless the application enables SO_KEEPALIVE.', blind)).toBe('confirmed');
  });

  it('an evidence part that broke is an error of the harness, not a verdict', () => {
    const broken: HandshakesEvidence = { ...reference, tcpHandshake: { status: 'error', reason: 'tshark crashed' } };
    expect(verdict('The server answers the SYN with SYN and ACK set.', broken)).toBe('error');
  });
});
