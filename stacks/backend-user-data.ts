import { backendPort, healthCheck } from './settings.ts';

/**
 * Boot script for the backends on live AWS: a self-signed certificate made on the instance and a tiny HTTPS
 * server answering the health-check path, using only what Amazon Linux 2023 ships (python3, openssl), so the
 * private subnets need no internet route. Emulators never run it.
 */
export function backendUserData(runId: string): string {
  return `#!/bin/bash
set -euo pipefail
mkdir -p /opt/journal-lab && cd /opt/journal-lab
openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=backend-${runId}" -keyout key.pem -out cert.pem
cat > server.py <<'PY'
import http.server, ssl, socket
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = (b"ok\\n" if self.path == "${healthCheck.path}" else ("hello from " + socket.gethostname() + "\\n").encode())
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
server = http.server.ThreadingHTTPServer(("0.0.0.0", ${backendPort}), Handler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("cert.pem", "key.pem")
server.socket = ctx.wrap_socket(server.socket, server_side=True)
server.serve_forever()
PY
nohup python3 server.py >/var/log/journal-lab-backend.log 2>&1 &
`;
}
