/**
 * The lb-modes lab's claim book: statements about proxy and pass-through load balancing and reverse proxies, in many
 * wordings, → the verdict a careful reviewer would give, judged on the recorded reference evidence (HAProxy in HTTP
 * and TCP mode, and the ELBv2 API's answers on the ALB and the NLB). Pure and fast: no I/O beyond reading JSON.
 */
import { describe, expect, it } from 'vitest';
import lbModesLab from '../../labs/lb-modes.ts';
import type { Lab } from '../../src/labs/lab.ts';
import type { LbModesEvidence } from '../../checks/lb-modes/evidence.ts';
import { observers } from '../../checks/lb-modes/observe.ts';
import { judgeAlone, statementVerdict } from '../../src/claims/judge-alone.ts';
import { loadReferenceEvidence } from '../../src/claims/reference-evidence.ts';

// The registry holds labs as Lab<unknown>; judgeAlone takes them so.
const lab = lbModesLab as unknown as Lab;
const reference = loadReferenceEvidence().get('lb-modes')!.evidence as LbModesEvidence;
const QUESTION = 'lb-modes/proxy-passthrough-reverse-proxy';
const notRun: LbModesEvidence = {
  dataPlane: { status: 'unverifiable', reason: 'haproxy is not installed on this machine' },
  api: { status: 'unverifiable', reason: 'no AWS target was given' },
};

function judge(statement: string, evidence: LbModesEvidence = reference) {
  return judgeAlone(statement, [lab], new Map([['lb-modes', evidence]]), () => 'local', QUESTION);
}
const verdict = (statement: string, evidence?: LbModesEvidence) => statementVerdict(judge(statement, evidence).claims);

type Expect = 'confirmed' | 'contradicted' | 'imprecise' | 'unjudged';

/** Our own wordings of the facts the question turns on, right and wrong. */
const paraphrases: [string, Expect][] = [
  // a proxy balancer: two connections, TLS ends there, routes on content, adds X-Forwarded-For, layer 7
  ["A layer 7 balancer accepts the client's connection itself and then opens a separate connection to the backend.", 'confirmed'],
  ['A proxy LB sits in the middle as the end point of two TCP connections, one per side.', 'confirmed'],
  ['With an ALB there is only one TCP connection, running straight from the browser to the instance.', 'contradicted'],
  ['An application load balancer decrypts HTTPS traffic and presents its own certificate to clients.', 'confirmed'],
  ['Proxy-mode load balancers can route requests by hostname or URL path.', 'confirmed'],
  ['A proxy load balancer cannot look at HTTP headers.', 'contradicted'],
  ["The ALB appends the caller's IP to the X-Forwarded-For header.", 'confirmed'],
  ['An ALB never adds X-Forwarded-For to the requests it forwards.', 'contradicted'],
  ['Proxy load balancers operate at the application layer.', 'confirmed'],
  ['Proxy load balancers operate at layer 4.', 'contradicted'],
  // a pass-through balancer: TLS end to end, no paths, no headers, SNI yes, layer 4
  ['In TCP mode the balancer just relays the encrypted bytes, so the server performs the TLS handshake with the client.', 'confirmed'],
  ["Behind a passthrough balancer the browser ends up validating the web server's own certificate.", 'confirmed'],
  ['A layer 4 pass-through balancer terminates TLS and shows clients its own certificate.', 'contradicted'],
  ["Behind a pass-through LB the browser validates the load balancer's certificate.", 'contradicted'],
  ['An NLB with a TCP listener cannot route on the URL path because it never sees the HTTP request.', 'confirmed'],
  ['Layer 4 load balancers can route /images requests to an image server pool.', 'contradicted'],
  ['A passthrough balancer can read cookies to keep sessions sticky.', 'contradicted'],
  ['A TCP-mode balancer is still able to choose the backend from the server name in the TLS ClientHello.', 'confirmed'],
  ['A pass-through load balancer cannot use SNI to choose a backend.', 'contradicted'],
  ['The SNI is visible in plaintext in the ClientHello.', 'confirmed'],
  ['The server name in the ClientHello is encrypted, so a layer 4 balancer cannot read it.', 'contradicted'],
  ['A layer 4 balancer has no way to add an X-Forwarded-For header.', 'confirmed'],
  ['NLBs stamp an X-Forwarded-For header on each request.', 'contradicted'],
  ['A pass-through LB reads IP addresses and ports to pick a target.', 'confirmed'],
  ['A layer 4 balancer forwards packets blindly without looking at anything.', 'imprecise'],
  ['A pass-through balancer works at the transport layer.', 'confirmed'],
  ['Pass-through load balancing happens at layer 7.', 'contradicted'],
  ['A pass-through load balancer adds zero overhead or complexity.', 'imprecise'],
  ['A passthrough balancer rewrites the request path before forwarding it.', 'contradicted'],
  // the application layer is the top of the stack
  ['The application layer sits above the transport layer in the stack.', 'confirmed'],
  ['Layer 7 is a lower level than layer 4.', 'contradicted'],
  ['It is useful when the servers are already balanced at a deeper layer such as the application layer.', 'contradicted'],
  // reverse vs forward proxy
  ['A reverse proxy stands in front of the web servers and accepts requests on their behalf.', 'confirmed'],
  ['Clients need no proxy settings for a reverse proxy; to them it looks like the real server.', 'confirmed'],
  ["A reverse proxy sits on the client side and hides the users' identities.", 'contradicted'],
  ['A forward proxy acts on behalf of the clients, which are configured to send requests through it.', 'confirmed'],
  ['A forward proxy sits in front of the web servers.', 'contradicted'],
  ['Common reverse proxy duties include TLS termination, compression and caching.', 'confirmed'],
  ["A reverse proxy is typically used to anonymise the clients' browsing.", 'contradicted'],
  // AWS: ALB is the proxy, NLB the layer 4 one
  ['An Application Load Balancer is a layer 7 reverse proxy.', 'confirmed'],
  ['ALBs support TLS passthrough to the targets.', 'contradicted'],
  ['An ALB listener can be TCP or UDP.', 'contradicted'],
  ['ALB listeners speak HTTP and HTTPS only.', 'confirmed'],
  ['A Network Load Balancer operates at layer 4.', 'confirmed'],
  ['NLBs can accept TCP, UDP and TLS listeners.', 'confirmed'],
  ['An NLB can also have HTTPS listeners.', 'contradicted'],
  ['An NLB TLS listener decrypts the traffic at the load balancer.', 'confirmed'],
  ['A Network Load Balancer can never terminate TLS.', 'contradicted'],
  // spreading load
  ['A load balancer guarantees that no backend ever gets overloaded.', 'imprecise'],
  ['The balancer spreads incoming requests across the pool of servers.', 'confirmed'],
  ['Behind a load balancer the servers do not have to be reachable from the internet.', 'confirmed'],
  // vague or off-topic: never confirmed for being on topic
  ['Load balancers are very useful in modern architectures.', 'unjudged'],
  ['I drew a diagram of the proxy setup on a whiteboard.', 'unjudged'],
  ['Reverse proxies are popular.', 'unjudged'],
  ['Pass-through and proxy balancers each have their use cases.', 'unjudged'],
];

describe('lb-modes claims: paraphrases', () => {
  it.each(paraphrases)('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

/** More wordings of the same facts: styles learners use (labels, numbered steps, hedges, typos, two claims). */
const morePhrasings: [string, Expect][] = [
  ["With a proxy balancer the server only ever sees the balancer's IP, so the original client IP travels in a header.", 'confirmed'],
  ["An L7 load balancer can send /static to one pool and /api to another.", 'confirmed'],
  ["An ALB can't make routing decisions based on the Host header.", 'contradicted'],
  ["The ALB terminates TLS, so the certificate lives on the load balancer.", 'confirmed'],
  ["A proxy load balancer forwards the client's packets unchanged to the server.", 'contradicted'],
  ["An NLB in TCP mode just passes the TLS stream through, so the backend holds the certificate.", 'confirmed'],
  ["Layer 4 balancers see only ciphertext, so they cannot add headers to HTTPS requests.", 'confirmed'],
  ["A pass-through balancer is able to inspect the HTTP Host header to pick a server.", 'contradicted'],
  ["TLS passthrough means the balancer never holds the private key.", 'confirmed'],
  ["SNI lets a layer 4 LB steer connections to different backends without decryption.", 'confirmed'],
  ["A reverse proxy is deployed on the server side and the client does not know it is there.", 'confirmed'],
  ["A reverse proxy is what companies put in front of employees' browsers to filter their web access.", 'contradicted'],
  ["A forward proxy protects the servers from the internet.", 'contradicted'],
  ["An ALB is a layer 4 load balancer.", 'contradicted'],
  ["NLBs operate at the application layer and understand HTTP.", 'contradicted'],
  ["The NLB can preserve the client's source IP for the targets.", 'confirmed'],
  ["A pass-through LB hides the client's address; the backend only sees the balancer.", 'imprecise'],
  ["Unlike an ALB, an NLB works at layer 4.", 'confirmed'],
  ["Since the request path is encrypted, an NLB has no idea which URL was requested.", 'confirmed'],
  ["Layer 7 proxies read the HTTP request, which is why they can route on cookies.", 'confirmed'],
  ["A reverse proxy can also terminate SSL and cache static files.", 'confirmed'],
  ["The transport layer is layer 4 and lies underneath the application layer.", 'confirmed'],
  ["It suits cases where the servers are already load balanced one level lower, e.g. at the application layer.", 'contradicted'],
  ["We used NGINX in our last project.", 'unjudged'],
  ["The NLB was created with Terraform.", 'unjudged'],
  ["Proxy LB - terminates the client connection and opens a new one to the target.", 'confirmed'],
  ["Proxy LB - forwards the original TCP connection to the target without terminating it.", 'contradicted'],
  ["An ALB can route on host header, path or query string.", 'confirmed'],
  ["An NLB can route on host header or path.", 'contradicted'],
  ["A pass thru LB doesnt decrypt anything, the backend does the TLS.", 'confirmed'],
  ["pass-thru LBs do TLS offloading for the backends", 'contradicted'],
  ["2. Passthrough: the browser sees the certificate of the backend server, not one from the LB", 'confirmed'],
  ["With TLS passthrough the LB can still read the SNI field to pick a backend.", 'confirmed'],
  ["A pass-through LB can't see SNI because it's encrypted.", 'contradicted'],
  ["Since an L4 LB never parses HTTP it cannot insert an X-Forwarded-For header.", 'confirmed'],
  ["An L4 load balancer adds the X-Forwarded-For header for you.", 'contradicted'],
  ["Passthrough LBs don't inspect anything at all, they just pipe bytes.", 'imprecise'],
  ["Reverse proxy: sits in front of the backend servers and clients think it is the actual server.", 'confirmed'],
  ["Reverse proxy: sits in front of the users and hides them from the internet.", 'contradicted'],
  ["An ALB is basically a managed reverse proxy working at layer 7.", 'confirmed'],
  ["An ALB works at layer 4 like an NLB.", 'contradicted'],
  ["NLB listeners can be TCP, TLS, UDP or TCP_UDP.", 'confirmed'],
  ["ALB listeners can be TCP.", 'contradicted'],
  ["the servers are already balanced at a lower layer like layer 7", 'contradicted'],
  ["Layer 4 is below layer 7.", 'confirmed'],
  ["Proxies are everywhere in modern infrastructure.", 'unjudged'],
  ["Proxy LB: the client connects to the LB, and the LB makes its own separate connection to the server.", 'confirmed'],
  ["A proxy load balancer is invisible: the client's TCP connection goes directly to the backend.", 'contradicted'],
  ["A layer 7 LB needs the certificate because it decrypts the traffic.", 'confirmed'],
  ["L7 balancers can do path-based routing, e.g. /api to one target group.", 'confirmed'],
  ["A pass-through LB can do path-based routing.", 'contradicted'],
  ["In pass-through mode the TLS session is between the client and the backend; the LB never sees plaintext.", 'confirmed'],
  ["In pass-through mode the LB terminates the TLS session and starts a new one to the backend.", 'contradicted'],
  ["Pass-through balancers can route by SNI since the hostname is readable in the ClientHello.", 'confirmed'],
  ["An L4 balancer can't add X-Forwarded-For because it never parses HTTP.", 'confirmed'],
  ["an L4 LB will add the X-Forwarded-For header just like an ALB", 'contradicted'],
  ["a passthrough LB is completely blind to the traffic, it looks at nothing", 'imprecise'],
  ["Reverse proxy: server-side intermediary; the client thinks it's talking to the origin.", 'confirmed'],
  ["A reverse proxy is configured in the client's browser settings.", 'contradicted'],
  ["The ALB is a proxy-type load balancer (layer 7); the NLB is the layer 4 pass-through type.", 'confirmed'],
  ["The NLB is a layer 7 proxy.", 'contradicted'],
  ["Pass-through LBs are useful when balancing already happens at a lower layer, like the application layer.", 'contradicted'],
  ["Layer 7 is the application layer, above layer 4 (transport).", 'confirmed'],
  ["It's good to know the difference between these.", 'unjudged'],
  ["A proxy-style LB is the server from the client's point of view and the client from the server's point of view.", 'confirmed'],
  ["An ALB terminates the incoming TLS connection and opens a new one toward the targets.", 'confirmed'],
  ["An ALB does not terminate TLS; it forwards the encrypted stream to the targets.", 'contradicted'],
  ["Layer 7 load balancers make decisions using the URL, headers and cookies.", 'confirmed'],
  ["Layer 7 load balancers can only see IP addresses and ports.", 'contradicted'],
  ["With pass-through, the LB never decrypts, so each backend needs its own certificate and key.", 'confirmed'],
  ["With pass-through, the LB decrypts the traffic to inspect it.", 'contradicted'],
  ["A passthrough LB cannot route based on URL paths.", 'confirmed'],
  ["A passthrough LB routes based on URL paths.", 'contradicted'],
  ["A pass-through LB can route on the SNI hostname.", 'confirmed'],
  ["SNI is encrypted so a pass-through LB can't use it.", 'contradicted'],
  ["A layer 4 LB doesn't add X-Forwarded-For headers.", 'confirmed'],
  ["A layer 4 LB adds X-Forwarded-For headers.", 'contradicted'],
  ["A pass-through LB does not look at packets at all.", 'imprecise'],
  ["A reverse proxy faces the internet on behalf of the servers.", 'confirmed'],
  ["A reverse proxy faces the internet on behalf of the clients.", 'contradicted'],
  ["The NLB is AWS's layer 4 load balancer and supports TCP and UDP.", 'confirmed'],
  ["The ALB supports UDP listeners.", 'contradicted'],
  ["The pass-through is useful if load balancing is already done lower in the stack, at the application layer.", 'contradicted'],
  ["A proxy LB terminates the connection from the client and creates a fresh one to the backend, so there are two TCP connections.", 'confirmed'],
  ["Proxy LB = two separate connections: client to LB and LB to server.", 'confirmed'],
  ["In pass-through mode the handshake happens between the client and the backend, and the client sees the backend's certificate.", 'confirmed'],
  ["Pass-through keeps TLS end-to-end; the LB never has the key.", 'confirmed'],
  ["In pass-through mode the LB decrypts TLS and then re-encrypts it to the backend.", 'contradicted'],
  ["Pass-through LBs terminate TLS and send plain HTTP to the servers.", 'contradicted'],
  ["Pass-through LBs cannot do URL-path routing because the HTTP request is encrypted.", 'confirmed'],
  ["Since the URL is inside the encrypted stream, a pass-through balancer has no way to route by path.", 'confirmed'],
  ["Pass-through LBs can send /api to one set of servers and /web to another based on the URL.", 'contradicted'],
  ["A pass-through balancer reads the URL path to pick the backend pool.", 'contradicted'],
  ["Even in pass-through, the balancer can choose the backend using the SNI hostname, which is not encrypted.", 'confirmed'],
  ["Pass-through can still do SNI-based routing since the ClientHello is in cleartext.", 'confirmed'],
  ["Pass-through LBs can't add an X-Forwarded-For header because they don't parse HTTP.", 'confirmed'],
  ["No X-Forwarded-For with a pass-through LB: it doesn't understand HTTP.", 'confirmed'],
  ["Pass-through LBs add an X-Forwarded-For header with the client IP.", 'contradicted'],
  ["The pass-through balancer injects X-Forwarded-For so servers see the real client address.", 'contradicted'],
  ["A reverse proxy sits in front of the servers, and clients address it as though it were the origin.", 'confirmed'],
  ["Reverse proxy: server-side, the client doesn't know it exists.", 'confirmed'],
  ["A reverse proxy sits in front of the clients and each browser must be set up to use it.", 'contradicted'],
  ["Reverse proxy: client-side; users configure it in their browser.", 'contradicted'],
  ["A pass-through balancer simply forwards packets without inspecting anything.", 'imprecise'],
  ["Pass-through LBs pay no attention to the traffic at all.", 'imprecise'],
  ["Proxy LBs operate at L7 and can route on URLs, while pass-through LBs operate at L4 and also decrypt TLS.", 'contradicted'],
  ["Proxy balancers work at layer 4 and pass-through ones at layer 7.", 'contradicted'],
  ["Proxy load balancer: two TCP connections, one from the client that it terminates and one it opens to the server.", 'confirmed'],
  ["The proxy LB is the endpoint for the client's TLS session and starts its own session with the target.", 'confirmed'],
  ["With passthru the TLS handshake is done end-to-end with the backend, which presents its own cert.", 'confirmed'],
  ["With passthru the LB does the TLS handshake with the client and another one with the backend.", 'contradicted'],
  ["Path routing is impossible for a pass-through LB since it never decrypts the traffic.", 'confirmed'],
  ["A pass-through LB is able to route /shop and /blog to different backends.", 'contradicted'],
  ["In pass-through mode, routing on the SNI name still works because SNI is sent in the clear.", 'confirmed'],
  ["A pass-through LB doesn't insert an X-Forwarded-For header since it never touches HTTP.", 'confirmed'],
  ["A pass-through LB inserts an X-Forwarded-For header.", 'contradicted'],
  ["A reverse proxy is deployed in front of your servers; to clients it looks like the origin.", 'confirmed'],
  ["A reverse proxy is deployed in front of your users' machines, configured in each browser.", 'contradicted'],
  ["A pass-through LB never looks at the traffic; it only forwards packets.", 'imprecise'],
  ["L7 proxies can route on paths, and L4 pass-through balancers also terminate TLS.", 'contradicted'],
  ["Unlike a pass-through LB, an ALB adds X-Forwarded-For.", 'confirmed'],
  ["Unlike an ALB, a pass-through LB cannot add X-Forwarded-For.", 'confirmed'],
  ["An ALB decrypts TLS while an NLB TCP listener passes it through untouched.", 'confirmed'],
  ["A pass-through LB decrypts TLS while an ALB passes it through.", 'contradicted'],
  ["Compared with a proxy LB, a passthrough LB can also route by path.", 'contradicted'],
  ["A proxy LB can route by path but a pass-through LB cannot.", 'confirmed'],
  ["Layer 7 balancers see the URL; layer 4 balancers only see IPs and ports.", 'confirmed'],
  ["Layer 4 balancers see the URL; layer 7 balancers only see IPs and ports.", 'contradicted'],
  ["A forward proxy works for the clients, a reverse proxy works for the servers.", 'confirmed'],
  ["A reverse proxy works for the clients, a forward proxy works for the servers.", 'contradicted'],
];

describe('lb-modes claims: more phrasings', () => {
  it.each(morePhrasings)('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

/** Minimal pairs: one value, a negation or a swapped subject changes, and so does the verdict. */
const pairs: [string, Expect, string, Expect][] = [
  ['A pass-through balancer keeps TLS end to end.', 'confirmed', 'A pass-through balancer decrypts TLS.', 'contradicted'],
  ['A proxy balancer decrypts TLS.', 'confirmed', 'A proxy balancer never decrypts TLS.', 'contradicted'],
  ['A passthrough LB cannot route on URL paths.', 'confirmed', 'A passthrough LB can route on URL paths.', 'contradicted'],
  ['A proxy LB can route on URL paths.', 'confirmed', 'A proxy LB cannot route on URL paths.', 'contradicted'],
  ['A pass-through LB can still route by SNI.', 'confirmed', 'A pass-through LB cannot route by SNI.', 'contradicted'],
  ['A reverse proxy sits in front of the servers.', 'confirmed', 'A reverse proxy sits in front of the clients.', 'contradicted'],
  ['An ALB adds X-Forwarded-For.', 'confirmed', 'A layer 4 balancer adds X-Forwarded-For.', 'contradicted'],
  ['An ALB works at layer 7.', 'confirmed', 'An ALB works at layer 4.', 'contradicted'],
  ['The application layer is above the transport layer.', 'confirmed', 'The application layer is below the transport layer.', 'contradicted'],
  ['A pass-through balancer reads only addresses and ports.', 'confirmed', "A pass-through balancer doesn't look at anything at all.", 'imprecise'],
];

describe('lb-modes claims: minimal pairs', () => {
  it.each(pairs)('%s (%s) / %s (%s)', (right, rightVerdict, wrong, wrongVerdict) => {
    expect(verdict(right)).toBe(rightVerdict);
    expect(verdict(wrong)).toBe(wrongVerdict);
  });
});

/** Blind coverage sets: wordings written before the patterns were looked at (first round, then a second fresh one). */
const blindFirst: [string, Expect][] = [
  ["The proxy load balancer terminates the client connection and opens a fresh one to the backend.", 'confirmed'],
  ["a proxy LB just forwards the clients TCP connection as-is to the server, there is only one connection", 'contradicted'],
  ["Proxy mode: two separate TCP connections, client-to-LB and LB-to-target.", 'confirmed'],
  ["With a layer 7 load balancer the backend sees the balancer's IP address as the source, not the client's.", 'confirmed'],
  ["In pass-through mode the load balancer decrypts the traffic before forwarding it.", 'contradicted'],
  ["TLS is not terminated at a passthrough balancer; the backend server terminates it.", 'confirmed'],
  ["I think a pass-through LB terminates TLS and then re-encrypts to the targets.", 'contradicted'],
  ["Using pass-through, the certificate the browser sees is the load balancer's certificate.", 'contradicted'],
  ["The client is presented with the backend server's certificate when the LB runs in passthrough mode.", 'confirmed'],
  ["A proxy LB decrypts HTTPS itself and shows the client its own certificate.", 'confirmed'],
  ["A proxy balancer never decrypts TLS.", 'contradicted'],
  ["Path-based routing (e.g. /api to one pool) requires a proxy / layer 7 balancer.", 'confirmed'],
  ["A pass-through LB routes requests based on the URL path.", 'contradicted'],
  ["passthrough balancers can route on HTTP headers like Host or cookies", 'contradicted'],
  ["A pass-through balancer cannot look at HTTP headers because the payload stays encrypted.", 'confirmed'],
  ["A proxy load balancer can route requests by host name or path.", 'confirmed'],
  ["Proxy LBs can't route on the path, they only see IPs and ports.", 'contradicted'],
  ["Even in passthrough mode the LB can choose a backend from the SNI in the ClientHello.", 'confirmed'],
  ["A passthrough balancer cannot use SNI because the SNI is encrypted.", 'contradicted'],
  ["The SNI field is sent in plaintext in the TLS ClientHello.", 'confirmed'],
  ["SNI is encrypted along with the rest of the handshake, so nobody in the middle can read it.", 'contradicted'],
  ["X-Forwarded-For is added by a proxy load balancer so the server knows the client's IP.", 'confirmed'],
  ["A layer-7 proxy cannot add X-Forwarded-For headers.", 'contradicted'],
  ["A pass-through LB adds an X-Forwarded-For header to each request.", 'contradicted'],
  ["Pass-through balancers can't add headers like X-Forwarded-For; they don't touch HTTP.", 'confirmed'],
  ["With pass-through the backend can still get the real client IP, e.g. via Proxy Protocol or client IP preservation.", 'confirmed'],
  ["A proxy load balancer works at layer 4.", 'contradicted'],
  ["Proxy LB = layer 7, passthrough LB = layer 4.", 'confirmed'],
  ["A passthrough load balancer operates at layer 7 of the OSI model.", 'contradicted'],
  ["pass through LBs work on the transport layer (L4).", 'confirmed'],
  ["The application layer is layer 7, above the transport layer at layer 4.", 'confirmed'],
  ["A reverse proxy sits in front of the web servers and clients think it is the server.", 'confirmed'],
  ["A reverse proxy is set up on the client side and each user's browser must point at it.", 'contradicted'],
  ["A forward proxy sits in front of the clients, which are configured to use it.", 'confirmed'],
  ["A forward proxy is deployed in front of the servers and hides them from the internet.", 'contradicted'],
  ["Clients don't need any configuration to use a reverse proxy; to them it looks like the origin.", 'confirmed'],
  ["A reverse proxy can do caching, TLS termination and load balancing.", 'confirmed'],
  ["An ALB is a layer 7 proxy.", 'confirmed'],
  ["AWS ALB is a layer 4 pass-through balancer.", 'contradicted'],
  ["The Network Load Balancer works at layer 4.", 'confirmed'],
  ["NLB operates at layer 7 and routes on HTTP paths.", 'contradicted'],
  ["ALB listeners support HTTP and HTTPS.", 'confirmed'],
  ["An Application Load Balancer can have a UDP listener.", 'contradicted'],
  ["NLB listeners can be TCP, UDP or TLS.", 'confirmed'],
  ["An NLB can never terminate TLS.", 'contradicted'],
  ["A pass-through balancer forwards the payload unchanged.", 'confirmed'],
  ["A passthrough LB rewrites the HTTP request before forwarding it.", 'contradicted'],
  ["Pass-through LB doesnt inspect anything, it just blindly shovels bytes.", 'imprecise'],
  ["A pass-through balancer still uses IP addresses and ports to pick and track targets.", 'confirmed'],
  ["With pass-through, the LB has less work because the backends do the TLS, but every server then needs a certificate.", 'confirmed'],
  ["Unlike a proxy, a passthrough balancer leaves TLS end-to-end between client and server.", 'confirmed'],
  ["Unlike a pass-through LB, a proxy LB can read the path and add X-Forwarded-For.", 'confirmed'],
  ["If the LB is in pass-through mode, it can send /login to a separate pool.", 'contradicted'],
  ["Behind a load balancer the backend servers don't need to be reachable by clients directly.", 'confirmed'],
  ["A load balancer spreads requests across several servers.", 'confirmed'],
  ["Proxy LBs terminate TLS, not pass it through.", 'confirmed'],
  ["Pass-through LBs hand TLS straight to the server, not decrypt it.", 'confirmed'],
  ["A proxy load balancer always re-encrypts the traffic toward the backend.", 'imprecise'],
  ["A reverse proxy is configured on every client machine.", 'contradicted'],
  ["The TLS handshake happens between the client and the load balancer when using passthrough.", 'contradicted'],
];
const blindSecond: [string, Expect][] = [
  ["In proxy mode the LB keeps two connections: one facing the client and one it opens to the server itself.", 'confirmed'],
  ["proxy LB = one single TCP connection straight from browser to backend", 'contradicted'],
  ["When the balancer is a pass-through one, encrypted traffic is forwarded untouched and the server does the decryption.", 'confirmed'],
  ["Pass-through balancers decrypt the stream so they can load balance it.", 'contradicted'],
  ["The browser is shown the load balancer's certificate in pass-through mode.", 'contradicted'],
  ["An L7 load balancer can pick a target group based on the Host header.", 'confirmed'],
  ["An L4 balancer is able to look at cookies and route on them.", 'contradicted'],
  ["Passthru LBs cant read URL paths since everything after the handshake is encrypted.", 'confirmed'],
  ["SNI-based routing is possible with a pass-through balancer.", 'confirmed'],
  ["The server name indication travels unencrypted in the Client Hello.", 'confirmed'],
  ["Layer 4 LBs inject an X-Forwarded-For header.", 'contradicted'],
  ["XFF gets added by the proxy so the app can see who the real client was.", 'confirmed'],
  ["A layer-7 balancer sits at the application layer.", 'confirmed'],
  ["Passthrough load balancing happens at the application layer.", 'contradicted'],
  ["Reverse proxies are deployed in front of backend servers.", 'confirmed'],
  ["A reverse proxy works on behalf of the clients and hides who they are.", 'contradicted'],
  ["Forward proxies protect the servers and sit in front of them.", 'contradicted'],
  ["The ALB operates at layer 4.", 'contradicted'],
  ["An NLB is a layer 4 balancer handling TCP and UDP.", 'confirmed'],
  ["A pass-through LB looks at nothing at all in the packets.", 'imprecise'],
  ["Pass-through keeps TLS intact between the client and the server, whereas a proxy terminates it.", 'confirmed'],
  ["Unlike a passthrough LB, a proxy cannot add X-Forwarded-For.", 'contradicted'],
  ["If you need path routing, use an ALB, since an NLB can't see paths.", 'confirmed'],
  ["Reverse proxy: every browser must be pointed at it in its proxy settings.", 'contradicted'],
  ["The pass-through balancer modifies the request headers before sending them on.", 'contradicted'],
];

describe('lb-modes claims: blind coverage sets', () => {
  it.each([...blindFirst, ...blindSecond])('%s → %s', (statement, expected) => {
    expect(verdict(statement)).toBe(expected);
  });
});

describe('lb-modes claims: what the lab observed', () => {
  const dp = reference.dataPlane;
  if (dp.status !== 'observed') throw new Error('the reference evidence has no data plane');

  it('pass-through: the client was shown the backend\'s own certificate', () => {
    const o = observers['pt.tls']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: 'end to end: the balancer never decrypts, the server terminates TLS' });
    const r = judge('With pass-through, the TLS session runs end to end between the browser and the backend.');
    expect(statementVerdict(r.claims)).toBe('confirmed');
    expect(r.claims[0].explanation).toContain('The lab observed');
    expect(r.claims[0].explanation).toContain(`CN=${/CN=([^,]+)/.exec(dp.certificates.api.subject)![1]}`);
  });

  it('pass-through: the path rule in the config was ignored, the SNI rule worked', () => {
    expect(observers['pt.path-routing']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'only layer 3/4 information and the SNI, not HTTP content' });
    expect(observers['pt.sni']!(reference, 'local')).toMatchObject({ status: 'observed', value: 'can route by the SNI name in the ClientHello' });
    const r = judge('A pass-through LB can send /api traffic to its own pool by looking at the path.');
    expect(statementVerdict(r.claims)).toBe('contradicted');
    expect(r.claims.find((c) => c.verdict === 'contradicted')!.explanation).toContain('path rule');
  });

  it('pass-through: HAProxy warned that X-Forwarded-For is ignored in TCP mode and no backend got it', () => {
    const o = observers['pt.xff']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: 'cannot add or edit HTTP headers' });
    if (o.status === 'observed') expect(o.summary).toContain('ignored');
  });

  it('proxy: the backend saw the balancer as its peer and the client in X-Forwarded-For', () => {
    const o = observers['px.xff']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: "adds X-Forwarded-For with the client's address" });
    if (o.status === 'observed') expect(o.summary).toContain(dp.addresses.client);
    expect(observers['px.connections']!(reference, 'local')).toMatchObject({ status: 'observed' });
  });

  it('ALB listener protocols are read from the API\'s refusal', () => {
    const o = observers['alb.listener-protocols']!(reference, 'local');
    expect(o).toMatchObject({ status: 'observed', value: ['HTTP', 'HTTPS'] });
    const r = judge('An ALB accepts TCP listeners as well as HTTPS.');
    expect(statementVerdict(r.claims)).toBe('contradicted');
    expect(r.claims[0].explanation).toContain('ELBv2 API');
  });

  it('an emulator that accepts a TCP listener on the ALB proves nothing', () => {
    if (reference.api.status !== 'observed') throw new Error('the reference evidence has no API part');
    const lax: LbModesEvidence = {
      ...reference,
      api: { ...reference.api, attempts: reference.api.attempts.map((a) => (a.loadBalancer === 'alb' ? { ...a, outcome: 'accepted' as const, errorCode: null, errorMessage: null, deleted: true } : a)) },
    };
    expect(observers['alb.listener-protocols']!(lax, 'local').status).not.toBe('observed');
    const r = judge('ALB listeners speak HTTP and HTTPS only.', lax);
    expect(statementVerdict(r.claims)).toBe('confirmed');
    expect(r.claims[0].explanation).toContain('could not observe');
  });
});

describe('lb-modes claims: when the experiments could not run', () => {
  it('falls back to the documented fact and says the lab could not observe it', () => {
    const r = judge("A passthrough LB can't route by URL path.", notRun);
    expect(statementVerdict(r.claims)).toBe('confirmed');
    const c = r.claims[0];
    expect(c.explanation).toContain('Documented');
    expect(c.explanation).toContain('could not observe');
    expect(c.explanation).toContain('haproxy is not installed');
  });

  it('still flags a wrong statement on the documented fact', () => {
    expect(verdict('With pass-through, the balancer decrypts the TLS and re-encrypts it.', notRun)).toBe('contradicted');
  });

  it('every observer says why when its experiment did not run', () => {
    for (const [id, observe] of Object.entries(observers)) {
      const o = observe!(notRun, 'local');
      expect(o.status, id).not.toBe('observed');
      if (o.status !== 'observed') expect(o.reason, id).toMatch(/did not run|was not asked/);
    }
  });
});
